/// The terms of a charge by the day: how each day's rate is found, the day-count basis, the
/// rounding of the base, of each segment and of the result, the minimum rule and what a partial
/// payment pays first. Every field can be overridden.
public struct AccrualTerms: Sendable {
    public var rates: RatePlan
    public var basis: any DayCountBasis
    /// Rounding of the principal before it is charged (地方税: floor to ¥1,000; 国税: ¥10,000).
    public var baseRounding: Rounding?
    /// A principal under this amount is not charged at all (地方税: under ¥2,000; 国税: under
    /// ¥10,000). Applied to each balance before `baseRounding`.
    public var baseMinimum: Yen?
    public var segmentRounding: SegmentRounding
    public var resultRounding: Rounding
    public var minimum: MinimumRule
    public var paymentAllocation: PaymentAllocation

    public init(
        rates: RatePlan,
        basis: any DayCountBasis = .fixed365,
        baseRounding: Rounding? = nil,
        baseMinimum: Yen? = nil,
        segmentRounding: SegmentRounding = .totalOnly,
        resultRounding: Rounding = .floorToYen,
        minimum: MinimumRule = .none,
        paymentAllocation: PaymentAllocation = .principalFirst
    ) {
        self.rates = rates
        self.basis = basis
        self.baseRounding = baseRounding
        self.baseMinimum = baseMinimum
        self.segmentRounding = segmentRounding
        self.resultRounding = resultRounding
        self.minimum = minimum
        self.paymentAllocation = paymentAllocation
    }

    /// Terms with one fixed annual rate.
    public init(
        rate: Rate,
        basis: any DayCountBasis = .fixed365,
        segmentRounding: SegmentRounding = .totalOnly,
        resultRounding: Rounding = .floorToYen,
        minimum: MinimumRule = .none
    ) {
        self.init(rates: .fixed(rate), basis: basis, segmentRounding: segmentRounding, resultRounding: resultRounding, minimum: minimum)
    }

    /// Sets one fixed rate for every day (a convenience for overriding a contract's rate).
    public mutating func setFixedRate(_ rate: Rate) {
        rates = .fixed(rate)
    }
}
