/// The clause or rule a computation implements, so that every result can be traced to its text.
public struct RuleReference: Sendable, Hashable, CustomStringConvertible {
    /// The article and paragraph: `第6条第3項`.
    public let clause: String
    /// What it charges, in English with the Japanese term: `penalty for late completion (違約金)`.
    public let title: String
    /// The document: `神奈川県 業務委託契約書 (seed 002)`.
    public let document: String

    public init(clause: String, title: String, document: String) {
        self.clause = clause
        self.title = title
        self.document = document
    }

    public var description: String { "\(title), \(document) \(clause)" }
}
