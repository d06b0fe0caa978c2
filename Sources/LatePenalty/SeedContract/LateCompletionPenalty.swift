/// 第6条第3項: the 違約金 the contractor pays when the work is completed after the contract period
/// (履行遅滞), for reasons the contractor is responsible for.
///
/// 「違約金は遅滞日数1日につき当該業務に係る契約金額に年2.5パーセントの割合で計算した額とし、算定期間は
/// 第1条第3号に規定する契約期間末日の翌日から受注者が委託業務を完了した日までとする。ただし、違約金の計算の
/// 基礎となる日数には検査に要した日は算入せず、違約金の額が100円未満であるときは違約金を徴収しない。」
///
/// Defaults: 年2.5%, actual days / 365 (also in leap years), the window from the day after the
/// contract period's last day through the completion day, inspection days not counted, floor to
/// ¥1 (端数計算法第2条), under ¥100 not collected (status `waived`).
public struct LateCompletionPenalty: Sendable {
    /// 契約金額.
    public var contractAmount: Yen
    /// 契約期間末日 (第1条第3号; 2022-03-25 in the seed).
    public var contractPeriodEnd: CivilDate
    /// The day the contractor completed the work (受注者が委託業務を完了した日).
    public var completionDate: CivilDate
    /// Days spent on inspection (検査に要した日), not counted.
    public var inspectionDays: ExcludedDays
    public var terms: AccrualTerms

    public static let defaultTerms = AccrualTerms(rate: .seedContract, minimum: SeedContract.underHundredYen)
    public static let rule = RuleReference(
        clause: "第6条第3項", title: "penalty for late completion (履行遅滞の違約金)", document: SeedContract.document)

    public init(
        contractAmount: Yen, contractPeriodEnd: CivilDate = SeedContract.contractPeriodEnd, completionDate: CivilDate,
        inspectionDays: ExcludedDays = .none, terms: AccrualTerms = LateCompletionPenalty.defaultTerms
    ) {
        self.contractAmount = contractAmount
        self.contractPeriodEnd = contractPeriodEnd
        self.completionDate = completionDate
        self.inspectionDays = inspectionDays
        self.terms = terms
    }

    public func compute() throws(InputError) -> ChargeResult { try compute(plan: AccrualPlan(terms: terms)) }

    /// Computes on `plan`, which must be `terms` compiled (a batch compiles the defaults once).
    func compute(plan: AccrualPlan) throws(InputError) -> ChargeResult {
        try Accrual.compute(
            DelayCase(principal: contractAmount, due: contractPeriodEnd, end: completionDate, excluded: inspectionDays),
            plan: plan, rule: Self.rule,
            inputs: [
                .init("contract_amount", "contract amount (契約金額)", contractAmount.description),
                .init("contract_period_end", "contract period ends (契約期間末日)", contractPeriodEnd.iso8601),
                .init("completion_date", "completed (完了日)", completionDate.iso8601),
            ])
    }
}
