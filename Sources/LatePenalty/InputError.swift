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
    ///
    /// A character that prints as nothing or as a plain space (a no-break or ideographic space,
    /// a zero-width or format character) is written as its code point, `<U+00A0>`, so that the
    /// reader sees what to delete.
    package static func quoted(_ text: some StringProtocol) -> String {
        // One pass: the excerpt and the count (a row may be 16 MiB).
        var excerpt = "", count = 0
        for character in text {
            if count < excerptLength { excerpt += visible(character) }
            count += 1
        }
        guard count > excerptLength + 8 else { return "'\(text.map(visible).joined())'" }
        return "'\(excerpt)…' (\(count) characters)"
    }

    /// `U+001B`: a code point as Unicode writes it, at least four hexadecimal digits.
    package static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `character`, or its code points when it would not show for what it is.
    package static func visible(_ character: Character) -> String {
        guard character != " ",
            character.unicodeScalars.contains(where: { scalar in
                switch scalar.properties.generalCategory {
                case .format, .control, .spaceSeparator, .lineSeparator, .paragraphSeparator: true
                default: false
                }
            })
        else { return String(character) }
        return character.unicodeScalars.map { "<\(codePoint($0.value))>" }.joined()
    }

    /// How many characters of a long value an error quotes.
    static let excerptLength = 32
}
