/// A regime whose rows are charges by the day under one compiled ``AccrualPlan``: what the
/// byte-level batch asks of a regime to compute its plain rows (no partial payment, rate of the
/// row's own, roll-over or contract date) without reading them into records.
protocol PlannedRegime: Regime {
    /// The plan of a plain row, or nil when the regime is not a charge by the day.
    var plainRowPlan: AccrualPlan? { get }
}

extension DataRegime: PlannedRegime {
    var plainRowPlan: AccrualPlan? { plan }
}

extension ContractRegime: PlannedRegime {
    var plainRowPlan: AccrualPlan? {
        switch self {
        case .lateCompletion: return ContractRegime.lateCompletionPlan
        case .latePayment: return ContractRegime.latePaymentPlan
        case .damagesInterest: return ContractRegime.damagesInterestPlan
        case .terminationPenalty, .antitrustDamages: return nil
        }
    }

    // The clauses' own terms, compiled once.
    static let lateCompletionPlan = AccrualPlan(terms: LateCompletionPenalty.defaultTerms)
    static let latePaymentPlan = AccrualPlan(terms: LatePaymentInterest.defaultTerms)
    static let damagesInterestPlan = AccrualPlan(terms: DamagesInterest.defaultTerms)
}
