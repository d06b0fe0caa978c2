extension Int128: PlanInteger {
    // `init?(exactly:)` and `divided(by:rounding:)` are ExactNumbers' own, shared with
    // `BigInteger`'s arithmetic on values that fit in an Int.

    var bigInteger: BigInteger { BigInteger(self) }

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
}
