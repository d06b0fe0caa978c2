extension Int128: PlanInteger {
    init?(exactly value: BigInteger) {
        // Plan constants and input amounts only: not on a per-day path.
        guard value.decimalDigitCount <= 38, let fitted = Int128(value.description) else { return nil }
        self = fitted
    }

    var bigInteger: BigInteger {
        // Most values fit in 64 bits: no decimal text to make and parse then.
        if let small = Int(exactly: self) { return BigInteger(small) }
        return BigInteger(String(self))!
    }

    @inline(__always)
    func adding(_ other: Int128) -> Int128? {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? nil : sum
    }

    @inline(__always)
    func subtracting(_ other: Int128) -> Int128? {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? nil : difference
    }

    @inline(__always)
    func multiplied(by other: Int128) -> Int128? {
        if let left = Int64(exactly: self), let right = Int64(exactly: other) {
            // Two 64-bit factors: one machine multiplication, and the product always fits.
            let (high, low) = left.multipliedFullWidth(by: right)
            return Int128(high) << 64 | Int128(low)
        }
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? nil : product
    }

    /// As `BigInteger.divided(by:rounding:)`: `/` truncates toward zero, so the quotient is
    /// first brought to the floor, then moved up by the mode's rule.
    @inline(__always)
    func divided(by divisor: Int128, rounding: RoundingMode) -> Int128 {
        var quotient: Int128, remainder: Int128
        if self >= 0, divisor > 0, self <= 0xFFFF_FFFF_FFFF_FFFF, divisor <= 0xFFFF_FFFF_FFFF_FFFF {
            // Both fit in 64 bits: one machine division instead of two 128-bit library calls.
            let (q, r) = UInt64(truncatingIfNeeded: self).quotientAndRemainder(dividingBy: UInt64(truncatingIfNeeded: divisor))
            (quotient, remainder) = (Int128(q), Int128(r))
        } else {
            quotient = self / divisor
            remainder = self &- quotient &* divisor  // |quotient × divisor| ≤ |self|: no overflow
        }
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        // Now quotient = floor(self / divisor) and 0 ≤ remainder < divisor.
        guard remainder > 0 else { return quotient }
        switch rounding {
        case .floor: return quotient
        case .ceiling: return quotient + 1
        case .truncate: return self < 0 ? quotient + 1 : quotient
        case .halfUp, .halfEven:
            // remainder < divisor ≤ Int128.max, so divisor - remainder does not overflow.
            let above = divisor - remainder  // how far the next multiple is
            if remainder > above { return quotient + 1 }
            if remainder < above { return quotient }
            // A tie: away from zero (half-up), or to the even quotient (half-even).
            if rounding == .halfUp { return self < 0 ? quotient : quotient + 1 }
            return quotient & 1 == 0 ? quotient : quotient + 1
        }
    }
}
