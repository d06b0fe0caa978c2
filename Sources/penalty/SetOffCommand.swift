import ArgumentParser
import LatePenalty

/// `penalty set-off`: 賠償金等 and their 遅延利息 deducted from an unpaid contract price.
struct SetOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-off",
        abstract: "第22条第2項: damages and their interest deducted from the unpaid contract price; the shortfall, and the price left to pay.",
        discussion: """
            The interest (第22条第1項) runs from the day after the designated period's end through \
            the day the price is paid, the day the set-off takes effect.

            Example: penalty set-off --damages 1,000,000 --due 2022-05-31 --paid 2022-07-15 --unpaid-price 900,000
            """)

    @Option(help: "The 賠償金等 owed, in whole yen.")
    var damages: String

    @Option(help: "The last day of the designated payment period (指定期間末日).")
    var due: String

    @Option(help: "The day the contract price is paid (the set-off's day).")
    var paid: String

    @Option(name: .customLong("unpaid-price"), help: "The contract price still unpaid (未払代金), in whole yen.")
    var unpaidPrice: String

    @Option(help: "Partial payments of the damages before: DATE:AMOUNT pairs separated by ';'.")
    var payments: String = ""

    @Option(help: "Output: text or json.")
    var format: String = "text"

    func run() throws {
        guard format == "text" || format == "json" else { throw ValidationError("--format must be text or json, not '\(format)'") }
        let result: SetOff.Result
        do {
            result = try SetOff(damages: damages, due: due, paid: paid, unpaidPrice: unpaidPrice, payments: payments).compute()
        } catch { throw ValidationError(error.description) }
        if format == "json" {
            print(result.json)
            return
        }
        print(
            """
            claim (賠償金等 + 遅延利息)          \(result.claim)
            deducted from the price (控除額)     \(result.deducted)
            shortfall to collect (不足額)        \(result.shortfall)
            price left to pay (支払額)           \(result.remainderToPay)

            \(result.explanation.text)

            \(result.interest.explanation.text)
            """)
    }
}
