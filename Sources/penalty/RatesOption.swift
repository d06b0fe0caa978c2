import ArgumentParser
import LatePenalty

/// `--rates FILE`, shared by the commands that compute: the bundled regimes with a user's regime
/// file laid over them.
struct RatesOption: ParsableArguments {
    @Option(help: "A regime file that adds regimes or replaces bundled rate tables (docs/regimes/README.md).")
    var rates: String?

    /// The catalog to compute with. An error names the file, as `compute` does.
    func catalog() throws(InputError) -> RegimeCatalog {
        guard let rates else { return .bundled }
        do throws(InputError) { return try RegimeCatalog.bundled.overlaying(regimeFileAt: rates) } catch {
            throw InputError(field: "--rates \(rates)", reason: error.reason)
        }
    }
}
