import ArgumentParser
import LatePenalty

/// `penalty deadline inspection|payment`: the seed contract's deadlines from the day a document
/// was received.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "The seed contract's deadlines: inspection (第2条) and payment (第4条), from the day a document was received.",
        subcommands: [Inspection.self, Payment.self])

    /// The options both deadlines share.
    struct Common: ParsableArguments {
        @Option(help: "The day the document was received (受理日); not counted (民法第140条).")
        var received: String

        @Option(
            name: .customLong("open-days"),
            help: "Count the period in open days of this calendar (government, bank, national-holidays) instead of calendar days.")
        var openDays: String?

        @Option(help: "Output: text or json.")
        var format: String = "text"

        func date() throws -> CivilDate {
            do { return try CivilDate.parse(received, field: "received") } catch { throw ValidationError(error.description) }
        }

        func period(_ text: String) throws -> CivilPeriod {
            do throws(InputError) {
                let period = try CivilPeriod.parse(text, field: "period")
                guard AutoRenewingAgreement.isWithinBounds(period) else {
                    throw InputError(field: "period", reason: "\(period) is not between one day and a hundred years")
                }
                return period
            } catch { throw ValidationError(error.description) }
        }

        func calendar() throws -> (any ClosingCalendar)? {
            guard let openDays else { return nil }
            guard let calendar = Calendars.named(openDays) else {
                throw ValidationError("unknown calendar '\(openDays)'; use one of \(Calendars.all.map(\.name).joined(separator: ", "))")
            }
            return calendar
        }

        func print(_ result: DeadlineResult) throws {
            switch format {
            case "text": Swift.print("deadline (期限)    \(result.date)\n\n\(result.explanation.text)")
            case "json": Swift.print(result.json)
            default: throw ValidationError("--format must be text or json, not '\(format)'")
            }
        }
    }

    struct Inspection: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "第2条第1項: inspection within 10 days of the completion notice, or by 2022-03-25, whichever is earlier.")

        @OptionGroup var common: Common

        @Option(help: "The period after receipt.")
        var period: String = "10d"

        @Option(name: .customLong("fixed-date"), help: "The fixed latest day (the seed's 2022-03-25), or none.")
        var fixedDate: String = "2022-03-25"

        func run() throws {
            var deadline = InspectionDeadline(noticeReceived: try common.date(), period: try common.period(period))
            if fixedDate.lowercased() == "none" {
                deadline.fixedDate = nil
            } else {
                do { deadline.fixedDate = try CivilDate.parse(fixedDate, field: "fixed_date") } catch { throw ValidationError(error.description) }
            }
            deadline.openDaysOf = try common.calendar()
            try common.print(deadline.compute())
        }
    }

    struct Payment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "第4条: payment within 30 days of receiving a proper invoice; the 支払期限 that 第6条第5項's interest starts from.")

        @OptionGroup var common: Common

        @Option(help: "The period after receipt.")
        var period: String = "30d"

        func run() throws {
            var deadline = PaymentDeadline(invoiceReceived: try common.date(), period: try common.period(period))
            deadline.openDaysOf = try common.calendar()
            try common.print(deadline.compute())
        }
    }
}
