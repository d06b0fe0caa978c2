extension Rational {
    /// The whole number nearest to this value in the direction `mode` names.
    public func rounded(_ mode: RoundingMode) -> BigInteger {
        numerator.divided(by: denominator, rounding: mode)
    }

    /// This value rounded by `mode` to a multiple of `unit` (for example floor to ¥100 is
    /// `rounded(.floor, toMultipleOf: 100)`).
    ///
    /// - Precondition: `unit` is positive.
    public func rounded(_ mode: RoundingMode, toMultipleOf unit: BigInteger) -> BigInteger {
        precondition(unit.signum > 0, "Rational: rounding unit must be positive")
        return numerator.divided(by: denominator * unit, rounding: mode) * unit
    }
}
