/// An annual rate (年利), held as an exact fraction: 年2.5% is 1/40.
public struct Rate: Sendable, Hashable, CustomStringConvertible {
    /// The rate per year as a fraction (0.025 for 2.5%).
    public let annual: Rational

    /// The rate `percent` per cent per year.
    public init(percent: Rational) {
        annual = percent / Rational(100)
    }

    /// The rate as a fraction per year (`Rate(annual: Rational(1, 40))` is 2.5%).
    public init(annual: Rational) {
        self.annual = annual
    }

    /// The rate in per cent per year.
    public var percent: Rational { annual * Rational(100) }

    /// 年2.5%: the rate the seed contract writes into 第6条 and 第22条 (and the 告示991 rate in
    /// force from 2021-04-01).
    public static let seedContract = Rate(percent: Rational(5, 2))

    /// `2.5%`, or the exact fraction when the percentage has no finite decimal form.
    public var description: String {
        let text = percent.decimalString(fractionDigits: 12)
        return (text.hasSuffix("…") ? percent.description : text) + "%"
    }

    /// The most characters a rate may be written with (digits and the point).
    public static let maxCharacters = 32

    /// Parses a percentage per year written as a decimal: `2.5` is 2.5% (1/40), `14.6` is 14.6%.
    ///
    /// Exact: read digit by digit, never through floating point. Only digits (ASCII or
    /// full-width, as amounts accept them) with at most one `.` (or `．`) between digits are
    /// accepted. A `%` sign, a sign, an exponent or spaces are errors rather than guesses:
    /// `0.025%` could mean 0.025% or a mistyped 2.5%, and a wrong guess is a wrong invoice.
    public static func parse(percent text: some StringProtocol, field: String = "rate") throws(InputError) -> Rate {
        if text.contains("%") || text.contains("％") {
            throw InputError(field: field, reason: "\(InputError.quoted(text)) contains '%'; write the percentage as a plain number, e.g. 2.5 for 年2.5%")
        }
        guard !text.isEmpty else { throw InputError(field: field, reason: "is empty; write a percentage such as 2.5") }
        // A rate of thousands of digits would make every segment of a long window a product of
        // huge numbers (a hang, from one field): no rate in a rule or a contract needs more.
        let characters = text.unicodeScalars.count
        guard characters <= Rate.maxCharacters else {
            throw InputError(
                field: field, reason: "has \(characters) characters; a rate is a percentage of at most \(Rate.maxCharacters) characters, e.g. 2.5 or 14.6")
        }
        // Full-width digits, point and signs, as a Japanese keyboard types them, read as ASCII.
        var ascii = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF0B...0xFF19: ascii.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value - 0xFF0B + 0x2B)))  // ＋ … ９
            default: ascii.append(scalar)
            }
        }
        let plain = String(ascii)
        if plain.hasPrefix("-") || plain.hasPrefix("+") {
            throw InputError(field: field, reason: "\(InputError.quoted(text)) has a sign; a rate is a percentage of 0 or more, e.g. 2.5")
        }
        guard let percent = Rational(decimal: plain) else {
            throw InputError(
                field: field, reason: "\(InputError.quoted(text)) is not a decimal percentage; write digits with at most one '.', e.g. 2.5 or 14.6")
        }
        return Rate(percent: percent)
    }
}
