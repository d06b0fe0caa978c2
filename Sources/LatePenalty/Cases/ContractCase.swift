/// One case of a seed-contract regime, as a row of a file or the flags of `penalty explain`.
public struct ContractCase: Sendable {
    public var regime: ContractRegime
    public var amount: Yen
    public var due: CivilDate?
    public var paid: CivilDate?
    public var excluded: ExcludedDays
    public var payments: [Payment]
    /// Overrides the contract's 年2.5% when given.
    public var rate: Rate?
    /// Moves a deadline on a closed day to the next open day (payment deadlines).
    public var rollDue: (any ClosingCalendar)?
    /// For `contract-late-payment`: the day a proper invoice was received, when the payment
    /// deadline (`due`) is to be found from it by 第4条 (``PaymentDeadline``).
    public var invoiceReceived: CivilDate?
    /// For `contract-set-off`: the contract price still unpaid, from which the damages and their
    /// interest are deducted.
    public var unpaidPrice: Yen?

    public init(
        regime: ContractRegime, amount: Yen, due: CivilDate? = nil, paid: CivilDate? = nil, excluded: ExcludedDays = .none,
        payments: [Payment] = [], rate: Rate? = nil
    ) {
        self.regime = regime
        self.amount = amount
        self.due = due
        self.paid = paid
        self.excluded = excluded
        self.payments = payments
        self.rate = rate
    }

    /// Reads a case of `regime` from text fields named as in the file format. A field the regime
    /// does not use must be empty.
    public init(regime: ContractRegime, fields values: [String: String]) throws(InputError) {
        try regime.rejectUnused(values)
        let fields = CaseFields(values: values)
        self.regime = regime
        amount = try fields.amount()
        if regime == .latePayment, let invoice = try fields.optionalDate("invoice_received") {
            guard fields.text("due") == nil else {
                throw InputError(field: "due", reason: "is given with invoice_received; give the payment deadline or the invoice's day, not both")
            }
            invoiceReceived = invoice
            due = PaymentDeadline(invoiceReceived: invoice).compute().date
            paid = try fields.date("paid", "the completion or payment day (\(regime.rawValue))")
        } else if regime.countsDays {
            due = try fields.date("due", "the deadline (\(regime.rawValue))")
            paid = try fields.date("paid", "the completion or payment day (\(regime.rawValue))")
        }
        excluded = try fields.excluded()
        payments = try fields.payments()
        rate = try fields.optionalRate("rate")
        rollDue = try fields.rollDue()
        if regime == .setOff {
            guard let price = try fields.optionalYen("unpaid_price") else {
                throw InputError(field: "unpaid_price", reason: "is empty; contract-set-off needs the contract price still unpaid")
            }
            unpaidPrice = price
        }
    }

    /// Reads a case from text fields; `fields["regime"]` names a seed-contract regime.
    public init(fields: [String: String]) throws(InputError) {
        let name = fields["regime"] ?? ""
        guard let regime = ContractRegime(rawValue: name) else {
            let known = ContractRegime.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError(
                field: "regime", reason: name.isEmpty ? "is empty; use one of \(known)" : "unknown regime \(InputError.quoted(name)); use one of \(known)")
        }
        try self.init(regime: regime, fields: fields)
    }

    /// Computes the case by its clause.
    public func compute() throws(InputError) -> ChargeResult {
        switch regime {
        case .lateCompletion, .latePayment, .damagesInterest:
            guard let due else { throw InputError(field: "due", reason: "is empty; \(regime.rawValue) needs the deadline") }
            guard let paid else { throw InputError(field: "paid", reason: "is empty; \(regime.rawValue) needs the completion or payment day") }
            // The clause's own terms are compiled once; a row's own rate makes its own plan.
            guard var plan = regime.plainRowPlan else { throw InputError(field: "regime", reason: "\(regime.rawValue) has no plan") }
            if let rate {
                var terms = plan.terms
                terms.setFixedRate(rate)
                plan = AccrualPlan(terms: terms)
            }
            let result = try regime.compute(
                DelayCase(principal: amount, due: due, end: paid, excluded: excluded, payments: payments, rollDue: rollDue), plan: plan)
            guard let invoiceReceived else { return result }
            // The deadline came from the invoice's day: the explanation says how (第4条).
            let deadline = PaymentDeadline(invoiceReceived: invoiceReceived).compute()
            var explanation = result.explanation
            explanation.inputs.insert(.init("invoice_received", "invoice received (請求書受理日)", invoiceReceived.iso8601), at: 0)
            explanation.notes.insert(
                contentsOf: deadline.explanation.notes.map { "Payment deadline (支払期限, \(PaymentDeadline.rule.clause)): \($0)" }, at: 0)
            return ChargeResult(
                status: result.status, amount: result.amount, exactAmount: result.exactAmount, countedDays: result.countedDays,
                excludedDays: result.excludedDays, explanation: explanation)
        case .terminationPenalty:
            return try TerminationPenalty(contractAmount: amount).compute()
        case .antitrustDamages:
            return try AntitrustDamages(contractAmount: amount).compute().damages
        case .consumptionTax:
            return try ConsumptionTax(taxInclusiveAmount: amount).compute()
        case .setOff:
            return try setOff()
        }
    }
}

extension ContractCase {
    /// 第22条第2項 as a row: the amount deducted from the price, with one explanation holding the
    /// interest's computation (第1項) and then the set-off's steps.
    func setOff() throws(InputError) -> ChargeResult {
        guard let due else { throw InputError(field: "due", reason: "is empty; contract-set-off needs the designated period's last day") }
        guard let paid else { throw InputError(field: "paid", reason: "is empty; contract-set-off needs the day the price is paid") }
        guard let unpaidPrice else { throw InputError(field: "unpaid_price", reason: "is empty; contract-set-off needs the contract price still unpaid") }
        var terms = DamagesInterest.defaultTerms
        if let rate { terms.setFixedRate(rate) }
        var interest = DamagesInterest(damages: amount, designatedPeriodEnd: due, paymentDate: paid, payments: payments, terms: terms)
        interest.rollDue = rollDue
        let result = try SetOff(damagesInterest: interest, unpaidPrice: unpaidPrice).compute()
        let charge = result.interest.explanation
        var explanation = result.explanation
        explanation.inputs.insert(contentsOf: charge.inputs.filter { $0.key != "damages" }, at: 1)
        (explanation.window, explanation.basis) = (charge.window, charge.basis)
        (explanation.countedDays, explanation.excludedDays, explanation.excludedRuns) = (charge.countedDays, charge.excludedDays, charge.excludedRuns)
        (explanation.bases, explanation.segments) = (charge.bases, charge.segments)
        explanation.steps = charge.steps + explanation.steps
        explanation.minimum = charge.minimum
        explanation.noteItems = charge.noteItems + explanation.noteItems
        return ChargeResult(
            status: .ok, amount: result.deducted, exactAmount: result.deducted.exact, countedDays: result.interest.countedDays,
            excludedDays: result.interest.excludedDays, explanation: explanation)
    }
}
