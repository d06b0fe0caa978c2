import Foundation

/// The shape of a vector file, checked key by key before it is read, so that a misspelt field
/// (`expectd`, `counted-days`) is reported instead of silently not checked. The same rules are
/// written as JSON Schema in docs/vectors.schema.json.
enum VectorSchema {
    enum Kind { case string, integer, stringMap, object, array, stringOrNullArray, integerOrNullArray }

    static let top: [String: Kind] = ["title": .string, "description": .string, "vectors": .array]
    static let vector: [String: Kind] = [
        "id": .string, "kind": .string, "inputs": .stringMap, "expected": .object, "source": .object,
        "derivation": .string, "rule": .string, "note": .string,
    ]
    static let expected: [String: Kind] = [
        "status": .string, "amount": .string, "exact": .string, "counted_days": .integer, "excluded_days": .integer,
        "error": .string, "segments": .stringOrNullArray, "segment_days": .integerOrNullArray, "segment_exact_printed": .stringOrNullArray,
        "year_fraction": .string, "year_fraction_printed": .string, "year_fraction_tolerance": .string, "days": .integer, "last_day": .string,
        "term": .integer, "term_last_day": .string, "next_renewal": .string, "renewal_notice_deadline": .string, "last_day_in_force": .string,
        "termination_notice_deadline": .string, "interest": .string, "claim": .string, "deducted": .string, "shortfall": .string,
        "remainder_to_pay": .string,
    ]
    static let source: [String: Kind] = ["title": .string, "url": .string, "printed": .string]

    /// A JSON value by shape, decoded strictly (a JSON `true` is never the number 1, and a number
    /// with a fraction or an exponent is never an integer).
    indirect enum Shape: Decodable {
        case string, bool, integer, otherNumber, null
        case array([Shape])
        case object([String: Shape])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if (try? container.decode(String.self)) != nil {
                self = .string
            } else if (try? container.decode(Bool.self)) != nil {
                self = .bool
            } else if (try? container.decode(Int.self)) != nil {
                self = .integer
            } else if let items = try? container.decode([Shape].self) {
                self = .array(items)
            } else if let members = try? container.decode([String: Shape].self) {
                self = .object(members)
            } else {
                self = .otherNumber
            }
        }
    }

    /// Every departure from the schema, each naming where it is.
    static func problems(in data: Data) -> [String] {
        guard let root = try? JSONDecoder().decode(Shape.self, from: data) else { return ["not valid JSON"] }
        if let key = JSONRepeatedKeys.first(in: data) { return ["'\(key)' is given twice in one object; give each key once"] }
        var problems: [String] = []
        guard case .object(let object) = root else { return ["the file must be a JSON object"] }
        check(object, against: top, at: "", required: ["title", "vectors"], into: &problems)
        guard case .array(let vectors)? = object["vectors"] else { return problems }
        for (index, item) in vectors.enumerated() {
            let path = "vectors[\(index)]"
            guard case .object(let entry) = item else { problems.append("\(path) must be an object"); continue }
            check(entry, against: vector, at: path, required: ["id", "kind", "inputs", "expected"], into: &problems)
            if case .object(let value)? = entry["expected"] {
                check(value, against: expected, at: "\(path).expected", required: [], into: &problems)
                if value.isEmpty { problems.append("\(path).expected is empty; a vector must expect at least one value") }
            }
            if case .object(let value)? = entry["source"] {
                check(value, against: source, at: "\(path).source", required: ["title", "url", "printed"], into: &problems)
            }
        }
        return problems
    }

    static func check(_ object: [String: Shape], against fields: [String: Kind], at path: String, required: [String], into problems: inout [String]) {
        let prefix = path.isEmpty ? "" : path + "."
        for name in required where object[name] == nil { problems.append("\(prefix)\(name) is required") }
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            guard let kind = fields[name] else {
                problems.append("\(prefix)\(name) is not a known field (known: \(fields.keys.sorted().joined(separator: ", ")))")
                continue
            }
            if !matches(value, kind) { problems.append("\(prefix)\(name) has the wrong type (expected \(kind))") }
        }
    }

    static func matches(_ value: Shape, _ kind: Kind) -> Bool {
        func all(_ items: [Shape], _ test: (Shape) -> Bool) -> Bool { items.allSatisfy(test) }
        switch (kind, value) {
        case (.string, .string), (.integer, .integer), (.object, .object), (.array, .array): return true
        case (.stringMap, .object(let members)): return members.values.allSatisfy { if case .string = $0 { return true } else { return false } }
        case (.stringOrNullArray, .array(let items)):
            return all(items) {
                switch $0 {
                case .string, .null: return true;
                default: return false
                }
            }
        case (.integerOrNullArray, .array(let items)):
            return all(items) {
                switch $0 {
                case .integer, .null: return true;
                default: return false
                }
            }
        default: return false
        }
    }
}
