import CGMP

extension Int128 {
    /// The quotient `self / divisor`, brought to an integer by `rounding`, as
    /// ``BigInteger/divided(by:rounding:)`` does: `/` truncates toward zero, so the quotient is
    /// first brought to the floor, then moved up by the mode's rule.
    ///
    /// - Precondition: `divisor` is not 0, and not -1 when `self` is `Int128.min` (the
    ///   quotient would not fit).
    @inlinable @inline(__always)
    package func divided(by divisor: Int128, rounding: RoundingMode) -> Int128 {
        var quotient: Int128, remainder: Int128
        if self >= 0, divisor > 0, self <= 0xFFFF_FFFF_FFFF_FFFF, divisor <= 0xFFFF_FFFF_FFFF_FFFF {
            // Both fit in 64 bits: one machine division instead of two 128-bit library calls.
            let (q, r) = UInt64(truncatingIfNeeded: self).quotientAndRemainder(dividingBy: UInt64(truncatingIfNeeded: divisor))
            (quotient, remainder) = (Int128(q), Int128(r))
        } else {
            quotient = self / divisor
            remainder = self &- quotient &* divisor  // |quotient × divisor| ≤ |self|: no overflow
        }
        if (remainder < 0) != (divisor < 0), remainder != 0 {
            quotient -= 1
            remainder += divisor
        }
        // Now quotient = floor(self / divisor), and the remainder has the divisor's sign.
        guard remainder != 0 else { return quotient }
        switch rounding {
        case .floor: return quotient
        case .ceiling: return quotient + 1
        case .truncate: return (self < 0) != (divisor < 0) ? quotient + 1 : quotient
        case .halfUp, .halfEven:
            // |remainder| < |divisor|: the distance to the next multiple does not overflow.
            let below = remainder.magnitude, above = divisor.magnitude - remainder.magnitude
            if below > above { return quotient + 1 }
            if below < above { return quotient }
            // A tie between quotient and quotient + 1: away from zero (half-up), or to the even one.
            if rounding == .halfUp { return (self < 0) != (divisor < 0) ? quotient : quotient + 1 }
            return quotient & 1 == 0 ? quotient : quotient + 1
        }
    }

    /// The value of `integer` if it fits in an `Int128`, else `nil`.
    public init?(exactly integer: BigInteger) {
        switch integer.representation {
        case .small(let value):
            self = Int128(value)
        case .large(let storage):
            let value: Int128? = storage.read { pointer in
                let size = Int(pointer.pointee._mp_size)
                guard abs(size) <= 2, let limbs = pointer.pointee._mp_d else { return nil }
                var magnitude = UInt128(limbs[0])
                if abs(size) == 2 { magnitude |= UInt128(limbs[1]) << 64 }
                if size < 0 {
                    guard magnitude <= UInt128(1) << 127 else { return nil }
                    return Int128(truncatingIfNeeded: 0 &- magnitude)
                }
                return Int128(exactly: magnitude)
            }
            guard let value else { return nil }
            self = value
        }
    }
}

extension BigInteger {
    /// The integer `value`.
    public init(_ value: Int128) {
        if let small = Int(exactly: value) {
            representation = .small(small)
            return
        }
        // Two limbs, least significant first, lent to GMP read-only for the copy.
        let magnitude = value.magnitude
        var limbs = (mp_limb_t(truncatingIfNeeded: magnitude), mp_limb_t(truncatingIfNeeded: magnitude >> 64))
        let size: Int32 = limbs.1 == 0 ? 1 : 2
        self = withUnsafeMutableBytes(of: &limbs) { bytes in
            let pointer = bytes.baseAddress!.assumingMemoryBound(to: mp_limb_t.self)
            var source = __mpz_struct(_mp_alloc: 0, _mp_size: value < 0 ? -size : size, _mp_d: pointer)
            return BigInteger(computing: { result in withUnsafePointer(to: &source) { __gmpz_set(result, $0) } })
        }
    }
}
