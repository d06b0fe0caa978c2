/// Input that cannot be computed: names the field and says why, in words a clerk can act on.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field at fault (`amount`, `due`, `excluded` …), or `nil` for the case as a whole.
    public var field: String?
    /// What is wrong and, where it helps, what would be right.
    public var reason: String

    public init(field: String?, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String {
        field.map { "\($0): \(reason)" } ?? reason
    }

    /// A value from the input as an error quotes it: `'12x'`, or its first characters and its
    /// length when it is long, so that a message stays readable whatever a field holds (a row
    /// may be 16 MiB).
    package static func quoted(_ text: some StringProtocol) -> String {
        var prefix = "", count = 0
        for character in text {
            if count < excerptLength { prefix.append(character) }
            count += 1
        }
        return count <= excerptLength + 8 ? "'\(text)'" : "'\(prefix)…' (\(count) characters)"
    }

    /// How many characters of a long value an error quotes.
    static let excerptLength = 32
}
