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
}
