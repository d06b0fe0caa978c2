/// 第22条第1項: the 遅延利息 on 賠償金等 (damages or penalties under the contract) that the
/// contractor does not pay within the period the orderer designated.
///
/// 「発注者が指定した期間の翌日から起算して、受注者が賠償金等を納付した日までの日数1日につき、賠償金等の額に
/// 年2.5パーセントの割合で計算した額」. The contract states no minimum for this interest, so the default
/// is none; floor to ¥1 (端数計算法第2条).
public struct DamagesInterest: Sendable {
    /// The unpaid 賠償金等.
    public var damages: Yen
    /// The last day of the period the orderer designated (発注者が指定した期間).
    public var designatedPeriodEnd: CivilDate
    /// The day the contractor paid (納付した日).
    public var paymentDate: CivilDate
    /// Partial payments before `paymentDate`: each reduces the unpaid 賠償金等 from the day after.
    public var payments: [Payment]
    public var terms: AccrualTerms
    /// When set, a deadline on a closed day of this calendar moves to its next open day first.
    public var rollDue: (any ClosingCalendar)? = nil

    public static let defaultTerms = AccrualTerms(rate: .seedContract)
    public static let rule = RuleReference(
        clause: "第22条第1項", title: "interest on unpaid damages and penalties (賠償金等の遅延利息)", document: SeedContract.document)

    public init(
        damages: Yen, designatedPeriodEnd: CivilDate, paymentDate: CivilDate, payments: [Payment] = [],
        terms: AccrualTerms = DamagesInterest.defaultTerms
    ) {
        self.damages = damages
        self.designatedPeriodEnd = designatedPeriodEnd
        self.paymentDate = paymentDate
        self.payments = payments
        self.terms = terms
    }

    public func compute() throws(InputError) -> ChargeResult { try compute(plan: AccrualPlan(terms: terms)) }

    /// Computes on `plan`, which must be `terms` compiled (a batch compiles the defaults once).
    func compute(plan: AccrualPlan) throws(InputError) -> ChargeResult {
        try Accrual.compute(
            DelayCase(principal: damages, due: designatedPeriodEnd, end: paymentDate, payments: payments, rollDue: rollDue),
            plan: plan, rule: Self.rule,
            inputs: [
                .init("damages", "damages and penalties (賠償金等)", damages.description),
                .init("designated_period_end", "designated period ends (指定期間末日)", designatedPeriodEnd.iso8601),
                .init("payment_date", "paid (納付日)", paymentDate.iso8601),
            ])
    }
}
