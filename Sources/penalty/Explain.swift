import ArgumentParser
import LatePenalty

/// `penalty explain`: one case from flags, explained for a person.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute one case and show every step: window, days, segments, roundings, minimum.",
        discussion: """
            Example (a ¥10,000,000 contract completed 36 days late with 3 inspection days):
              penalty explain --regime contract-late-completion --amount 10,000,000 \\
                --due 2022-03-25 --paid 2022-04-30 --excluded 2022-04-10..2022-04-12
            """)

    @Option(help: "The regime: \(RegimeCatalog.bundled.names.joined(separator: ", ")).")
    var regime: String

    @Option(help: "The amount in whole yen (digits, optionally grouped: 10,000,000).")
    var amount: String

    @Option(help: "The deadline (contract period end, payment deadline, designated period end), YYYY-MM-DD.")
    var due: String?

    @Option(help: "The completion or payment day, YYYY-MM-DD.")
    var paid: String?

    @Option(help: "Days not counted: dates and FROM..TO ranges separated by ';'.")
    var excluded: String = ""

    @Option(help: "The annual rate in percent, overriding the regime's (write 2.5, not 2.5%).")
    var rate: String?

    @Option(name: .customLong("high-rate"), help: "With --rate, the high rate of a two-tier regime.")
    var highRate: String?

    @Option(name: .customLong("contract-date"), help: "The contract date, for payment-delay-act (rate in force on it).")
    var contractDate: String?

    @Option(help: "Partial payments: DATE:AMOUNT pairs separated by ';'.")
    var payments: String?

    @Option(help: "Decreases of the principal (減額更正 and the like): DATE:AMOUNT pairs separated by ';', each lowering it from DATE on.")
    var decreases: String?

    @Option(
        help:
            "Reduced periods (猶予 and the like): FROM..TO:KIND separated by ';', KIND half (2分の1免除), exempt (全額免除) or a rate such as 1.3 (猶予特例基準割合)."
    )
    var reduced: String?

    @Option(name: .customLong("roll-due"), help: "Move a deadline on a closed day to the next open day of this calendar: government, bank, national-holidays.")
    var rollDue: String?

    @Option(name: .customLong("set"), parsing: .singleValue, help: "Any other field of the regime, as NAME=VALUE (e.g. --set basis=actual-by-year for custom).")
    var extra: [String] = []

    @OptionGroup var rates: RatesOption

    @Flag(help: "Print the explanation as JSON instead of text.")
    var json = false

    func run() throws {
        var fields = ["regime": regime, "amount": amount, "excluded": excluded]
        fields["due"] = due
        fields["paid"] = paid
        fields["rate"] = rate
        fields["high_rate"] = highRate
        fields["contract_date"] = contractDate
        fields["payments"] = payments
        fields["decreases"] = decreases
        fields["roll_due"] = rollDue
        fields["reduced"] = reduced
        for assignment in extra {
            guard let equals = assignment.firstIndex(of: "=") else { throw ValidationError("--set '\(assignment)' is not NAME=VALUE") }
            let name = String(assignment[..<equals])
            // A field that has its own option is set there; a second value would silently win.
            guard name != "regime", fields[name] == nil || name == "excluded" && excluded.isEmpty else {
                throw ValidationError(
                    "--set \(name)=… repeats a value given by its own option (--\(name.replacingOccurrences(of: "_", with: "-"))) or an earlier --set; give it once"
                )
            }
            fields[name] = String(assignment[assignment.index(after: equals)...])
        }
        let result: ChargeResult
        do {
            result = try rates.catalog().compute(fields)
        } catch {
            throw ValidationError("\(error)")
        }
        if json {
            print(
                #"{"status":"\#(result.status.rawValue)","amount":"\#(result.amount.value)","counted_days":\#(result.countedDays),"excluded_days":\#(result.excludedDays),"explanation":\#(result.explanation.json)}"#
            )
        } else {
            print(result.explanation.text)
            print("  => \(result.amount) (\(result.status.rawValue))")
        }
    }
}
