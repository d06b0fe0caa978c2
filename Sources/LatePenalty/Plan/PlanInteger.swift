/// The whole numbers an ``AccrualPlan`` computes with: `Int128`, whose every operation reports
/// an overflow (nil) so that the row is computed again, and `BigInteger` (GMP), which never
/// overflows. One evaluator runs on either; property tests hold the two equal.
protocol PlanInteger: Comparable, Sendable {
    init(_ value: Int)
    /// The value, or nil when it does not fit.
    init?(exactly value: BigInteger)
    var bigInteger: BigInteger { get }

    /// `self + other`, or nil on overflow.
    func adding(_ other: Self) -> Self?
    /// `self - other`, or nil on overflow.
    func subtracting(_ other: Self) -> Self?
    /// `self × other`, or nil on overflow.
    func multiplied(by other: Self) -> Self?
    /// `self / divisor` brought to a whole number by `rounding`; `divisor` is positive.
    func divided(by divisor: Self, rounding: RoundingMode) -> Self
}

extension PlanInteger {
    static var zero: Self { Self(0) }
}
