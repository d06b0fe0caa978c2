/// The seed contract: 神奈川県 「令和3年度最先端ロボットプロジェクト推進事業業務委託」契約書
/// (docs/clauses.md). Each of its money and date clauses is a type in this folder, with
/// the defaults the contract states and every parameter overridable.
///
/// | Clause | Type |
/// |---|---|
/// | 第1条第4号 消費税 (10/110) | ``ConsumptionTax`` |
/// | 第2条第1項 検査期限 | ``InspectionDeadline`` |
/// | 第4条 支払期限 | ``PaymentDeadline`` |
/// | 第6条第3項 履行遅滞の違約金 | ``LateCompletionPenalty`` |
/// | 第6条第5項 発注者の遅延利息 | ``LatePaymentInterest`` |
/// | 第21条第3項 解除の違約金 1/10 | ``TerminationPenalty`` |
/// | 第21条第4項 談合等の賠償金 15/100 | ``AntitrustDamages`` |
/// | 第22条第1項 賠償金等の遅延利息 | ``DamagesInterest`` |
/// | 第22条第2項 相殺 | ``SetOff`` |
public enum SeedContract {
    /// How results cite the document.
    public static let document = "神奈川県 業務委託契約書 (令和3年度, seed 002)"

    /// 第1条第3号: the contract period ends on 令和4年3月25日.
    public static let contractPeriodEnd = CivilDate(year: 2022, month: 3, day: 25)!

    /// The minimum of 第6条第3項 and 第6条第5項: under ¥100, nothing is collected or paid.
    public static let underHundredYen = MinimumRule.waiveBelow(Yen(100))
}

/// A rate times an amount with one named rounding: the 1/10, 15/100 and 10/110 clauses.
enum FixedFraction {
    static func compute(
        _ amount: Yen, times fraction: Rational, fractionText: String, rounding: Rounding,
        rule: RuleReference, inputs: [Explanation.Fact]
    ) throws(InputError) -> ChargeResult {
        guard amount.value.signum >= 0 else {
            throw InputError(field: "amount", reason: "is negative (\(amount)); an amount is 0 or more")
        }
        var explanation = Explanation(rule: rule, inputs: inputs)
        let exact = amount.exact * fraction
        explanation.steps.append(.value(label: "\(amount) × \(fractionText)", exact: exact))
        let rounded = rounding.apply(exact)
        explanation.steps.append(.rounding(label: "result", rule: rounding, before: exact, after: rounded))
        return ChargeResult(status: .ok, amount: rounded, exactAmount: exact, countedDays: 0, excludedDays: 0, explanation: explanation)
    }
}
