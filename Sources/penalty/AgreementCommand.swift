import ArgumentParser
import LatePenalty

/// `penalty agreement`: one agreement's term, renewal and notice deadlines on a day.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Where an auto-renewing agreement stands on a day, when it renews, and by when notice must be given.",
        discussion: """
            Defaults are the Miyagi agreement's 第3条: concluded 2023-04-26, first expiry 2024-03-31, \
            renewed for one year at a time unless either party declines one month before an expiry, \
            and cancellable on one month's notice. Dates may be ISO, YYYY/M/D or era dates \
            (令和6年3月31日, R6.3.31); periods are a number and a unit: 1y, 12m, 30d, 2w (1年, 12か月). \
            Each answer is explained with the clause and the interpretation used (docs/agreements.md).

            Example: penalty agreement --as-of 2025-03-01 --terminate-on 2025-09-30
            """)

    @Option(help: "The day the agreement was concluded (協定締結日).")
    var start: String = "2023-04-26"

    @Option(name: .customLong("first-expiry"), help: "The last day of the first term (当初の有効期間満了日).")
    var firstExpiry: String = "2024-03-31"

    @Option(help: "The length of each renewal (1y, 6m …), or none when the agreement does not renew itself.")
    var renewal: String = "1y"

    @Option(help: "How long before an expiry or a termination notice must be given (1m, 30d …).")
    var notice: String = "1m"

    @Option(name: .customLong("non-renewal"), help: "A day on which a party declined renewal (解約の申出); may repeat.")
    var nonRenewal: [String] = []

    @Option(help: "A termination notice: the day given, and the intended last day if it names one (2024-06-15 or 2024-06-15:2024-09-30); may repeat.")
    var termination: [String] = []

    @Option(name: .customLong("as-of"), help: "The day asked about (基準日).")
    var asOf: String

    @Option(name: .customLong("terminate-on"), help: "A day on which to end the agreement: the answer says by when to give notice.")
    var terminateOn: String?

    @Option(help: "Output: text or json.")
    var format: String = "text"

    func run() throws {
        guard format == "text" || format == "json" else { throw ValidationError("--format must be text or json, not '\(format)'") }
        do throws(InputError) {
            let renewalTerm = try AutoRenewingAgreement.renewalTerm(renewal)
            var agreement = try AutoRenewingAgreement.validated(
                start: try CivilDate.parse(start, field: "start"), firstExpiry: try CivilDate.parse(firstExpiry, field: "first_expiry"),
                renewalTerm: renewalTerm, notice: try CivilPeriod.parse(notice, field: "notice"))
            agreement.nonRenewalNotices = try nonRenewal.map { text throws(InputError) in try CivilDate.parse(text, field: "non_renewal") }
            agreement.terminationNotices = try termination.map { text throws(InputError) in try AutoRenewingAgreement.TerminationNotice.parse(text) }
            let report = agreement.report(
                asOf: try CivilDate.parse(asOf, field: "as_of"),
                terminationOn: try terminateOn.map { text throws(InputError) in try CivilDate.parse(text, field: "terminate_on") })
            print(format == "json" ? report.json : report.text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
