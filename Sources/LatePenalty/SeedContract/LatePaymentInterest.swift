/// 第6条第5項: the 遅延利息 the orderer (the prefecture) pays when it pays the contract price after
/// the deadline of 第4条 for reasons it is responsible for, computed as 第6条第3項 (準用).
///
/// Days while force majeure continues (天災地変等やむを得ない事由) are not counted; an amount under
/// ¥100 need not be paid. The contract states only the under-¥100 rule, not a truncation of
/// ¥100 fractions (支払遅延防止法第8条第2項 style): to apply that too, set
/// `terms.resultRounding = .floorTo100Yen`.
public struct LatePaymentInterest: Sendable {
    /// The unpaid amount (未払金額) on which interest runs.
    public var unpaidAmount: Yen
    /// The payment deadline (支払期限, 第4条).
    public var paymentDeadline: CivilDate
    /// The day the orderer paid.
    public var paymentDate: CivilDate
    /// Days of force majeure, not counted.
    public var forceMajeureDays: ExcludedDays
    /// Partial payments of the price before `paymentDate`: each reduces the unpaid amount from
    /// the day after it.
    public var payments: [Payment]
    public var terms: AccrualTerms
    /// When set, a deadline on a closed day of this calendar moves to its next open day first.
    public var rollDue: (any ClosingCalendar)? = nil

    public static let defaultTerms = AccrualTerms(rate: .seedContract, minimum: SeedContract.underHundredYen)
    public static let rule = RuleReference(
        clause: "第6条第5項", title: "interest on late payment by the orderer (遅延利息)", document: SeedContract.document)

    public init(
        unpaidAmount: Yen, paymentDeadline: CivilDate, paymentDate: CivilDate,
        forceMajeureDays: ExcludedDays = .none, payments: [Payment] = [], terms: AccrualTerms = LatePaymentInterest.defaultTerms
    ) {
        self.unpaidAmount = unpaidAmount
        self.paymentDeadline = paymentDeadline
        self.paymentDate = paymentDate
        self.forceMajeureDays = forceMajeureDays
        self.payments = payments
        self.terms = terms
    }

    public func compute() throws(InputError) -> ChargeResult { try compute(plan: AccrualPlan(terms: terms)) }

    /// Computes on `plan`, which must be `terms` compiled (a batch compiles the defaults once).
    func compute(plan: AccrualPlan) throws(InputError) -> ChargeResult {
        try Accrual.compute(
            DelayCase(principal: unpaidAmount, due: paymentDeadline, end: paymentDate, excluded: forceMajeureDays, payments: payments, rollDue: rollDue),
            plan: plan, rule: Self.rule,
            inputs: [
                .init("unpaid_amount", "unpaid amount (未払金額)", unpaidAmount.description),
                .init("payment_deadline", "payment deadline (支払期限)", paymentDeadline.iso8601),
                .init("payment_date", "paid (支払日)", paymentDate.iso8601),
            ])
    }
}
