import ArgumentParser
import LatePenalty

/// `penalty regimes [NAME]`: what the regimes are and which rates they use.
struct Regimes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the regimes, or show one with its rate table.",
        discussion: """
            `penalty regimes local-tax-arrears --json` prints the regime as a regime file: copy it,
            add next year's row to rates.table, and pass it with --rates (docs/regimes/README.md).
            """)

    @Argument(help: "A regime to show.")
    var name: String?

    @Flag(help: "Print the regime's definition as regime-file JSON (with no NAME, every data regime's, as one rate file).")
    var json = false

    @OptionGroup var rates: RatesOption

    func run() throws {
        let catalog: RegimeCatalog
        do { catalog = try rates.catalog() } catch { throw ValidationError(error.description) }
        guard let name else {
            if json {
                // {"regimes": [...]} is itself a rate file (--rates reads one regime or many).
                let definitions = catalog.names.compactMap { (catalog.regime(named: $0) as? DataRegime)?.definitionJSON }
                print("{\"regimes\": [\n" + definitions.joined(separator: ",\n") + "\n]}")
                return
            }
            for regimeName in catalog.names {
                guard let regime = catalog.regime(named: regimeName) else { continue }
                print("\(regimeName.padding(34))\(regime.title)")
            }
            return
        }
        guard let regime = catalog.regime(named: name) else {
            throw ValidationError("unknown regime '\(name)'; run `penalty regimes` for the list")
        }
        guard let data = regime as? DataRegime else {
            if json {
                throw ValidationError("\(regime.name) is defined by the library's clauses, not by data: it has no regime-file JSON (see docs/regimes/)")
            }
            print(
                "\(regime.name): \(regime.title)\n  fields: \(regime.fields.joined(separator: ", "))\n  (defined by the library's clauses; see docs/regimes/)")
            return
        }
        if json {
            print(data.definitionJSON)
            return
        }
        print("\(data.name): \(data.title)")
        print("  rule: \(data.rule.document) \(data.rule.clause)")
        print("  \(data.summary)")
        print("  fields: \(data.fields.joined(separator: ", "))")
        if let table = data.rateTable {
            print("  rate table:")
            for row in table.rows {
                var rates = row.highRate.map { "\(row.rate) / \($0)" } ?? "\(row.rate)"
                if let grace = row.graceRate { rates += " (猶予 \(grace))" }
                let to = row.window.last == .last ? "(open)" : row.window.last.iso8601
                print("    \(row.window.first) .. \(to.padding(10)) \(rates.padding(14))\(row.source)")
            }
            if !table.unverified.isEmpty {
                print("  not shipped (unverified: refused unless the row gives its own rate):")
                for row in table.unverified {
                    print("    \(row.window.first) .. \(row.window.last.iso8601.padding(10)) \(row.rates.padding(14))\(row.source)")
                }
            }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
