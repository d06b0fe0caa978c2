import CGMP

extension BigInteger {
    /// The quotient `self / divisor`, brought to an integer by `rounding`.
    ///
    /// - Precondition: `divisor` is not 0. (GMP would raise SIGFPE and kill the process;
    ///   this traps with a message instead.)
    public func divided(by divisor: BigInteger, rounding: RoundingMode) -> BigInteger {
        precondition(!divisor.isZero, "BigInteger: division by zero")
        if let (n, d) = BigInteger.smalls(self, divisor) {
            // In 128 bits even Int.min / -1 fits.
            return BigInteger(Int128(n).divided(by: Int128(d), rounding: rounding))
        }
        return dividedOnGMP(by: divisor, rounding: rounding)
    }

    /// `divided(by:rounding:)` computed by GMP whatever the operands' size.
    func dividedOnGMP(by divisor: BigInteger, rounding: RoundingMode) -> BigInteger {
        switch rounding {
        case .floor:
            return BigInteger.combine(self, divisor) { __gmpz_fdiv_q($0, $1, $2) }
        case .ceiling:
            return BigInteger.combine(self, divisor) { __gmpz_cdiv_q($0, $1, $2) }
        case .truncate:
            return BigInteger.combine(self, divisor) { __gmpz_tdiv_q($0, $1, $2) }
        case .halfUp, .halfEven:
            // Work on magnitudes with a positive divisor, then restore the sign.
            let negative = (signum < 0) != (divisor.signum < 0)
            let n = magnitude, d = divisor.magnitude
            let q = BigInteger.combine(n, d) { __gmpz_fdiv_q($0, $1, $2) }
            let twiceRemainder = (n - q * d) * BigInteger(2)
            var result = q
            if twiceRemainder > d || (twiceRemainder == d && (rounding == .halfUp || q.isOdd)) {
                result = q + BigInteger(1)
            }
            return negative ? -result : result
        }
    }

    /// The remainder of floor division: `self - divisor * floor(self / divisor)`, which has the
    /// sign of `divisor`.
    public func floorRemainder(dividingBy divisor: BigInteger) -> BigInteger {
        precondition(!divisor.isZero, "BigInteger: division by zero")
        if let (n, d) = BigInteger.smalls(self, divisor) {
            let quotient = Int128(n).divided(by: Int128(d), rounding: .floor)
            return BigInteger(Int128(n) - quotient * Int128(d))
        }
        return floorRemainderOnGMP(dividingBy: divisor)
    }

    /// `floorRemainder(dividingBy:)` computed by GMP whatever the operands' size.
    func floorRemainderOnGMP(dividingBy divisor: BigInteger) -> BigInteger {
        BigInteger.combine(self, divisor) { __gmpz_fdiv_r($0, $1, $2) }
    }
}
