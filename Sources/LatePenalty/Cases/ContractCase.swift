/// One case of a seed-contract regime, as a row of a file or the flags of `penalty explain`.
public struct ContractCase: Sendable {
    public var regime: ContractRegime
    public var amount: Yen
    public var due: CivilDate?
    public var paid: CivilDate?
    public var excluded: ExcludedDays
    /// Overrides the contract's 年2.5% when given.
    public var rate: Rate?

    public init(regime: ContractRegime, amount: Yen, due: CivilDate? = nil, paid: CivilDate? = nil, excluded: ExcludedDays = .none, rate: Rate? = nil) {
        self.regime = regime
        self.amount = amount
        self.due = due
        self.paid = paid
        self.excluded = excluded
        self.rate = rate
    }

    /// Reads a case from text fields named as in the file format: `regime`, `amount`, `due`,
    /// `paid`, `excluded`, `rate`. A missing or empty optional field is absent.
    public init(fields: [String: String]) throws(InputError) {
        let regimeText = fields["regime"] ?? ""
        guard let regime = ContractRegime(rawValue: regimeText) else {
            let known = ContractRegime.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError(field: "regime", reason: regimeText.isEmpty ? "is empty; use one of \(known)" : "unknown regime '\(regimeText)'; use one of \(known)")
        }
        func text(_ name: String) -> String? {
            guard let value = fields[name], !value.isEmpty else { return nil }
            return value
        }
        self.regime = regime
        self.amount = try Yen.parse(fields["amount"] ?? "", field: "amount")
        if regime.countsDays {
            guard let dueText = text("due") else { throw InputError(field: "due", reason: "is empty; \(regime.rawValue) needs the deadline as YYYY-MM-DD") }
            guard let paidText = text("paid") else { throw InputError(field: "paid", reason: "is empty; \(regime.rawValue) needs the end date as YYYY-MM-DD") }
            due = try CivilDate.parse(dueText, field: "due")
            paid = try CivilDate.parse(paidText, field: "paid")
        } else {
            due = try text("due").map { (t) throws(InputError) in try CivilDate.parse(t, field: "due") }
            paid = try text("paid").map { (t) throws(InputError) in try CivilDate.parse(t, field: "paid") }
        }
        excluded = try ExcludedDays.parse(fields["excluded"] ?? "", field: "excluded")
        rate = try text("rate").map { (t) throws(InputError) in try Rate.parse(percent: t, field: "rate") }
        if !regime.countsDays && !excluded.isEmpty {
            throw InputError(field: "excluded", reason: "\(regime.rawValue) does not count days; leave excluded empty")
        }
        if !regime.countsDays && rate != nil {
            throw InputError(field: "rate", reason: "\(regime.rawValue) is a fixed fraction of the amount; leave rate empty")
        }
    }

    /// Computes the case by its clause.
    public func compute() throws(InputError) -> ChargeResult {
        func terms(_ defaults: AccrualTerms) -> AccrualTerms {
            var terms = defaults
            if let rate { terms.setFixedRate(rate) }
            return terms
        }
        switch regime {
        case .lateCompletion:
            return try LateCompletionPenalty(
                contractAmount: amount, contractPeriodEnd: due!, completionDate: paid!, inspectionDays: excluded,
                terms: terms(LateCompletionPenalty.defaultTerms)).compute()
        case .latePayment:
            return try LatePaymentInterest(
                unpaidAmount: amount, paymentDeadline: due!, paymentDate: paid!, forceMajeureDays: excluded,
                terms: terms(LatePaymentInterest.defaultTerms)).compute()
        case .damagesInterest:
            guard excluded.isEmpty else {
                throw InputError(field: "excluded", reason: "第22条 counts every day to payment; leave excluded empty")
            }
            return try DamagesInterest(
                damages: amount, designatedPeriodEnd: due!, paymentDate: paid!, terms: terms(DamagesInterest.defaultTerms)).compute()
        case .terminationPenalty:
            return try TerminationPenalty(contractAmount: amount).compute()
        case .antitrustDamages:
            return try AntitrustDamages(contractAmount: amount).compute().damages
        }
    }
}
