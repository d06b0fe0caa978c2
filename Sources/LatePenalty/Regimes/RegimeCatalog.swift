import Foundation

/// The regimes known by name: the seed contract's, the bundled data regimes, `custom`, and any a
/// user adds or overrides with a regime file (`penalty compute --rates FILE`).
public struct RegimeCatalog: Sendable {
    private var regimes: [String: any Regime]
    /// The names in a stable order: contract regimes, data regimes, user regimes, `custom`.
    public private(set) var names: [String]

    /// The regimes shipped with the library. The bundled files are checked by the test suite, so
    /// failing to load them here is a build defect, not an input error.
    public static let bundled: RegimeCatalog = {
        var catalog = RegimeCatalog(regimes: [])
        for regime in ContractRegime.allCases { catalog.add(regime) }
        for (name, json) in BundledRegimeFiles.files {
            do {
                for file in try RegimeFile.decodeAll(Data(json.utf8)) { catalog.add(try DataRegime(file: file)) }
            } catch {
                preconditionFailure("bundled regime file \(name) is invalid: \(error)")
            }
        }
        catalog.add(CustomRegime())
        return catalog
    }()

    init(regimes: [any Regime]) {
        self.regimes = [:]
        self.names = []
        for regime in regimes { add(regime) }
    }

    mutating func add(_ regime: any Regime) {
        if regimes[regime.name] == nil { names.append(regime.name) }
        regimes[regime.name] = regime
    }

    /// Every field some regime reads, with `id` and `regime`.
    public var knownFields: Set<String> {
        regimes.values.reduce(into: ["id", "regime"]) { $0.formUnion($1.fields) }
    }

    /// The regime called `name`, or `nil`.
    public func regime(named name: String) -> (any Regime)? { regimes[name] }

    /// The bundled data regimes' definitions, for `penalty regimes` and the docs.
    public var dataRegimes: [DataRegime] { names.compactMap { regimes[$0] as? DataRegime } }

    /// This catalog with the regimes of a regime file laid over it: a regime with a bundled
    /// name has the fields the file gives replaced (often just its rate table); a new name
    /// adds a regime. Every table is validated: a gap, an overlap or a row out of order is an
    /// error naming the regime and the row.
    public func overlaying(regimeFile data: Data) throws(InputError) -> RegimeCatalog {
        let problems = RegimeFile.problems(in: data)
        guard problems.isEmpty else {
            throw InputError(
                field: "rates",
                reason: "the rate file does not have the regime-file shape (docs/regimes/README.md): " + problems.prefix(10).joined(separator: "; "))
        }
        let files: [RegimeFile]
        do { files = try RegimeFile.decodeAll(data) } catch {
            throw InputError(field: "rates", reason: "the rate file is not valid regime JSON: \(error)")
        }
        if let problem = RegimeFile.nameProblems(files) { throw InputError(field: "rates", reason: problem) }
        var catalog = self
        for file in files {
            if regimes[file.name] is ContractRegime || file.name == "custom" {
                throw InputError(field: "rates", reason: "regime '\(file.name)' is defined by the library's clauses, not by data; choose another name")
            }
            let base = (RegimeCatalog.bundled.regime(named: file.name) as? DataRegime)?.definition
            let merged = base.map { file.overlaid(on: $0) } ?? file
            try DataRegime.checkTexts(of: merged)
            catalog.add(try DataRegime(file: merged))
        }
        return catalog
    }

    /// The largest rate file read: a table of every regime with long sources is some tens of
    /// kilobytes, and a file is read whole before it is checked.
    public static let maxRateFileBytes = 16 << 20

    /// Reads a regime file from `path` (a file, or a pipe such as `/dev/stdin`) and lays it over
    /// this catalog.
    public func overlaying(regimeFileAt path: String) throws(InputError) -> RegimeCatalog {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(field: "rates", reason: "cannot read the rate file '\(path)'; check the path")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: RegimeCatalog.maxRateFileBytes + 1) ?? Data() } catch {
            throw InputError(field: "rates", reason: "cannot read the rate file '\(path)': \(error.localizedDescription)")
        }
        guard data.count <= RegimeCatalog.maxRateFileBytes else {
            throw InputError(
                field: "rates", reason: "the rate file '\(path)' is larger than \(RegimeCatalog.maxRateFileBytes >> 20) MiB; a rate file holds tables, not data"
            )
        }
        return try overlaying(regimeFile: data)
    }

    /// Computes one case: `fields["regime"]` names the regime.
    public func compute(_ fields: [String: String]) throws(InputError) -> ChargeResult {
        let name = fields["regime"] ?? ""
        guard let regime = regimes[name] else {
            throw InputError(
                field: "regime",
                reason: name.isEmpty
                    ? "is empty; use one of \(names.joined(separator: ", "))"
                    : "unknown regime \(InputError.quoted(name)); use one of \(names.joined(separator: ", "))")
        }
        return try regime.compute(fields)
    }
}
