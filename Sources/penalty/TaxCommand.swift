import ArgumentParser
import LatePenalty

/// `penalty tax`: the consumption tax within a tax-inclusive contract amount.
struct TaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tax",
        abstract: "第1条第4号: the consumption tax within a tax-inclusive contract amount (110分の10), and the amount without it.")

    @Option(help: "The contract amount, tax included (契約金額), in whole yen.")
    var amount: String

    @Option(help: "The tax's share of the tax-inclusive amount, as a fraction (10/110; 8/108 for the reduced rate).")
    var fraction: String = "10/110"

    @Option(help: "Output: text or json.")
    var format: String = "text"

    func run() throws {
        let gross: Yen, share: Rational
        do {
            gross = try Yen.parse(amount, field: "amount")
            share = try TaxCommand.fraction(fraction)
        } catch { throw ValidationError(error.description) }
        let split: ConsumptionTax.Split
        do { split = try ConsumptionTax(taxInclusiveAmount: gross, fraction: share).split() } catch { throw ValidationError(error.description) }
        switch format {
        case "text": print("tax (消費税等)      \(split.tax.amount)\nnet (税抜)         \(split.net)\n\n\(split.tax.explanation.text)")
        case "json": print(split.json)
        default: throw ValidationError("--format must be text or json, not '\(format)'")
        }
    }

    /// `N/D` with whole numbers, 0 < N < D and D at most six digits.
    static func fraction(_ text: String) throws(InputError) -> Rational {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count <= 6 && !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let numerator = Int(parts[0]), let denominator = Int(parts[1]), numerator > 0, numerator < denominator
        else {
            throw InputError(field: "fraction", reason: "'\(text.prefix(40))' is not a fraction N/D of whole numbers with 0 < N < D, such as 10/110")
        }
        return Rational(numerator, denominator)
    }
}
