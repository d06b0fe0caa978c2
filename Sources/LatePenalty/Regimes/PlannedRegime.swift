/// A regime whose rows are charges by the day under a compiled ``AccrualPlan``: what the
/// byte-level batch asks of a regime to compute its plain rows (no roll-over or contract date)
/// without reading them into records.
protocol PlannedRegime: Regime {
    /// The plan of a row that gives no terms of its own, or nil when every row gives them
    /// (`custom`).
    var plainRowPlan: AccrualPlan? { get }
    /// The fields a row fills to give terms of its own (a rate of its own …).
    var rowTermFields: [String] { get }
    /// The terms of a row that fills some of ``rowTermFields``: the same terms the regime's
    /// `compute` uses for it.
    func rowTerms(_ fields: CaseFields) throws(InputError) -> AccrualTerms
    /// Computes a row already read into `delay` on `plan` (``plainRowPlan``, or the row's own
    /// terms compiled): what the regime's `compute` does once it has read the row's fields, with
    /// the same explanation.
    func compute(_ delay: DelayCase, plan: AccrualPlan) throws(InputError) -> ChargeResult
}

extension DataRegime: PlannedRegime {
    var plainRowPlan: AccrualPlan? { plan }
    var rowTermFields: [String] { ["rate", "high_rate"] }

    func rowTerms(_ fields: CaseFields) throws(InputError) -> AccrualTerms {
        var terms = self.terms
        terms.rates = try DataRegime.overriddenRates(terms.rates, fields)
        return terms
    }
}

extension CustomRegime: PlannedRegime {
    var plainRowPlan: AccrualPlan? { nil }
    var rowTermFields: [String] { CustomRegime.termFields }
    func rowTerms(_ fields: CaseFields) throws(InputError) -> AccrualTerms { try CustomRegime.terms(fields) }
}

extension ContractRegime: PlannedRegime {
    var plainRowPlan: AccrualPlan? {
        switch self {
        case .lateCompletion: return ContractRegime.lateCompletionPlan
        case .latePayment: return ContractRegime.latePaymentPlan
        case .damagesInterest: return ContractRegime.damagesInterestPlan
        case .terminationPenalty, .antitrustDamages, .consumptionTax, .setOff: return nil
        }
    }

    var rowTermFields: [String] { plainRowPlan != nil ? ["rate"] : [] }

    /// The clause's terms at the row's rate, as `ContractCase.compute` sets it.
    func rowTerms(_ fields: CaseFields) throws(InputError) -> AccrualTerms {
        var terms: AccrualTerms
        switch self {
        case .lateCompletion: terms = LateCompletionPenalty.defaultTerms
        case .latePayment: terms = LatePaymentInterest.defaultTerms
        case .damagesInterest: terms = DamagesInterest.defaultTerms
        case .terminationPenalty, .antitrustDamages, .consumptionTax, .setOff:
            throw InputError(field: nil, reason: "\(rawValue) is not a charge by the day")
        }
        if let rate = try fields.optionalRate("rate") { terms.setFixedRate(rate) }
        return terms
    }

    func compute(_ delay: DelayCase, plan: AccrualPlan) throws(InputError) -> ChargeResult {
        switch self {
        case .lateCompletion:
            return try LateCompletionPenalty(
                contractAmount: delay.principal, contractPeriodEnd: delay.due, completionDate: delay.end, inspectionDays: delay.excluded,
                terms: plan.terms
            ).compute(plan: plan)
        case .latePayment:
            var interest = LatePaymentInterest(
                unpaidAmount: delay.principal, paymentDeadline: delay.due, paymentDate: delay.end, forceMajeureDays: delay.excluded,
                payments: delay.payments, terms: plan.terms)
            interest.rollDue = delay.rollDue
            return try interest.compute(plan: plan)
        case .damagesInterest:
            var interest = DamagesInterest(
                damages: delay.principal, designatedPeriodEnd: delay.due, paymentDate: delay.end, payments: delay.payments, terms: plan.terms)
            interest.rollDue = delay.rollDue
            return try interest.compute(plan: plan)
        case .terminationPenalty, .antitrustDamages, .consumptionTax, .setOff:
            throw InputError(field: nil, reason: "\(rawValue) is not a charge by the day")
        }
    }

    // The clauses' own terms, compiled once.
    static let lateCompletionPlan = AccrualPlan(terms: LateCompletionPenalty.defaultTerms)
    static let latePaymentPlan = AccrualPlan(terms: LatePaymentInterest.defaultTerms)
    static let damagesInterestPlan = AccrualPlan(terms: DamagesInterest.defaultTerms)
}
