/// The terms of an interest-like charge over a window of days: the annual rate, the day-count
/// basis, the roundings and the minimum rule. Every field can be overridden.
public struct AccrualTerms: Sendable {
    public var rate: Rate
    public var basis: any DayCountBasis
    public var segmentRounding: SegmentRounding
    public var resultRounding: Rounding
    public var minimum: MinimumRule

    public init(
        rate: Rate,
        basis: any DayCountBasis = .fixed365,
        segmentRounding: SegmentRounding = .totalOnly,
        resultRounding: Rounding = .floorToYen,
        minimum: MinimumRule = .none
    ) {
        self.rate = rate
        self.basis = basis
        self.segmentRounding = segmentRounding
        self.resultRounding = resultRounding
        self.minimum = minimum
    }
}
