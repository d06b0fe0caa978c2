extension Rational: CustomStringConvertible {
    /// `p/q` in lowest terms, or just `p` when the value is whole.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }
}

extension Rational {
    /// Parses an exact decimal: an optional `-`, one or more ASCII digits, and optionally a `.`
    /// followed by one or more digits. `"2.5"` is 5/2.
    ///
    /// Nothing else is accepted: no `+`, no exponent, no white space, no `"5."` or `".5"`, no
    /// grouping. The text is read digit by digit, never through a binary floating point.
    public init?(decimal text: some StringProtocol) {
        var bytes = Array(text.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 48 && $0 <= 57 } }) else {
            return nil
        }
        let whole = Array(parts[0]) + (parts.count == 2 ? Array(parts[1]) : [])
        let scale = parts.count == 2 ? parts[1].count : 0
        let digits = BigInteger(validatedDecimalASCII: (negative ? [UInt8(ascii: "-")] : []) + whole)
        self.init(numerator: digits, denominator: BigInteger.powerOfTen(scale))
    }

    /// The value in decimal with at most `fractionDigits` digits after the point, cut toward
    /// zero, and `…` appended when digits were cut. `Rational(2, 3).decimalString(fractionDigits: 4)`
    /// is `"0.6666…"`; `Rational(5, 2).decimalString(fractionDigits: 4)` is `"2.5"`.
    public func decimalString(fractionDigits: Int) -> String {
        precondition(fractionDigits >= 0)
        let scale = BigInteger.powerOfTen(fractionDigits)
        let scaled = numerator * scale
        let cut = scaled.divided(by: denominator, rounding: .truncate)
        let exact = cut * denominator == scaled
        var digits = cut.magnitude.description
        if digits.count <= fractionDigits {
            digits = String(repeating: "0", count: fractionDigits - digits.count + 1) + digits
        }
        var whole = String(digits.dropLast(fractionDigits))
        var fraction = String(digits.suffix(fractionDigits))
        if exact {
            while fraction.last == "0" { fraction.removeLast() }
        }
        if whole.isEmpty { whole = "0" }
        let sign = signum < 0 ? "-" : ""
        let body = fraction.isEmpty ? whole : "\(whole).\(fraction)"
        return sign + body + (exact ? "" : "…")
    }
}
