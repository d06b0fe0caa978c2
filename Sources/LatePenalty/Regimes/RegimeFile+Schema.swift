import Foundation

/// The shape of a regime file, checked key by key before it is read, as strictly as a vector
/// file: a misspelt key (`minimun`, `low_period_month`) would otherwise be ignored and the
/// regime silently computed without it.
extension RegimeFile {
    typealias Shape = VectorSchema.Shape

    static let topKeys: [String: VectorSchema.Kind] = [
        "name": .string, "title": .string, "clause": .string, "document": .string, "summary": .string, "rates": .object,
        "basis": .string, "base": .object, "segments": .string, "result": .object, "payments": .string,
        "amended_return": .object,
    ]
    static let ratesKeys: [String: VectorSchema.Kind] = [
        "pick": .string, "low_period_months": .integer, "split": .string, "table": .array, "unverified": .array,
    ]
    static let rowKeys: [String: VectorSchema.Kind] = [
        "from": .string, "to": .string, "rate": .string, "high_rate": .string, "grace_rate": .string, "source": .string,
    ]
    static let unverifiedKeys: [String: VectorSchema.Kind] = ["from": .string, "to": .string, "rate": .string, "high_rate": .string, "source": .string]
    static let amountKeys: [String: VectorSchema.Kind] = ["rounding": .string, "unit": .string, "minimum": .string]
    static let amendedKeys: [String: VectorSchema.Kind] = ["excluded_after_months": .integer, "rule": .string, "late_return_rule": .string]

    /// The longest regime name accepted, in characters.
    static let maxNameLength = 64

    /// Every departure from the regime-file shape, each naming where it is: unknown keys, wrong
    /// types, a missing name.
    static func problems(in data: Data) -> [String] {
        guard let root = try? JSONDecoder().decode(Shape.self, from: data) else { return ["the file is not valid JSON"] }
        if let key = JSONRepeatedKeys.first(in: data) { return ["'\(key)' is given twice in one object; give each key once"] }
        guard case .object(let object) = root else { return ["the file must be a JSON object: one regime, or {\"regimes\": [...]}"] }
        var problems: [String] = []
        var regimes: [(String, [String: Shape])] = []
        if object["regimes"] != nil {
            VectorSchema.check(object, against: ["regimes": .array], at: "", required: ["regimes"], into: &problems)
            guard case .array(let items)? = object["regimes"] else { return problems }
            if items.isEmpty { problems.append("regimes is empty; give at least one regime") }
            for (index, item) in items.enumerated() {
                guard case .object(let regime) = item else { problems.append("regimes[\(index)] must be an object"); continue }
                regimes.append(("regimes[\(index)]", regime))
            }
        } else {
            regimes.append(("", object))
        }
        for (path, regime) in regimes {
            let prefix = path.isEmpty ? "" : path + "."
            VectorSchema.check(regime, against: topKeys, at: path, required: ["name"], into: &problems)
            if case .object(let rates)? = regime["rates"] {
                VectorSchema.check(rates, against: ratesKeys, at: prefix + "rates", required: [], into: &problems)
                if case .array(let rows)? = rates["table"] {
                    for (index, row) in rows.enumerated() {
                        let rowPath = "\(prefix)rates.table[\(index)]"
                        guard case .object(let members) = row else { problems.append("\(rowPath) must be an object"); continue }
                        VectorSchema.check(members, against: rowKeys, at: rowPath, required: ["from", "rate", "source"], into: &problems)
                    }
                }
                if case .array(let rows)? = rates["unverified"] {
                    for (index, row) in rows.enumerated() {
                        let rowPath = "\(prefix)rates.unverified[\(index)]"
                        guard case .object(let members) = row else { problems.append("\(rowPath) must be an object"); continue }
                        VectorSchema.check(members, against: unverifiedKeys, at: rowPath, required: ["from", "to", "source"], into: &problems)
                    }
                }
            }
            if case .object(let amended)? = regime["amended_return"] {
                VectorSchema.check(amended, against: amendedKeys, at: prefix + "amended_return", required: ["excluded_after_months"], into: &problems)
            }
            for part in ["base", "result"] {
                if case .object(let amounts)? = regime[part] {
                    VectorSchema.check(amounts, against: amountKeys, at: prefix + part, required: [], into: &problems)
                }
            }
        }
        return problems
    }

    /// Why the regimes of a file cannot be loaded by their names, or nil: a bad name, or one name
    /// given twice (the second would silently replace the first).
    static func nameProblems(_ files: [RegimeFile]) -> String? {
        var seen = Set<String>()
        for (index, file) in files.enumerated() {
            let place = files.count == 1 ? "name" : "regimes[\(index)].name"
            if let reason = nameProblem(file.name) { return "\(place) \(reason)" }
            guard seen.insert(file.name).inserted else { return "\(place) '\(file.name)' is given twice; each regime needs its own name" }
        }
        return nil
    }

    /// Why `name` cannot name a regime, or nil: it becomes a CSV value and a command-line word,
    /// so it is 1–64 characters of letters, digits, `-`, `_` and `.`.
    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty; a regime needs a name to be chosen by" }
        if name.count > maxNameLength { return "is longer than \(maxNameLength) characters" }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
        }
        return allowed ? nil : "'\(name)' may hold only letters a–z, digits, '-', '_' and '.' (it is written into CSV files and typed on command lines)"
    }
}
