/// 第21条第3項: when the orderer cancels under 第21条第1項第9号 (organised-crime exclusion), the
/// contractor pays 違約金 of one tenth of the contract amount (契約金額の10分の1), floored to ¥1.
public struct TerminationPenalty: Sendable {
    public var contractAmount: Yen
    public var fraction: Rational
    public var rounding: Rounding

    public static let rule = RuleReference(
        clause: "第21条第3項", title: "penalty on cancellation (解除の違約金, 10分の1)", document: SeedContract.document)

    public init(contractAmount: Yen, fraction: Rational = Rational(1, 10), rounding: Rounding = .floorToYen) {
        self.contractAmount = contractAmount
        self.fraction = fraction
        self.rounding = rounding
    }

    public func compute() throws(InputError) -> ChargeResult {
        try FixedFraction.compute(
            contractAmount, times: fraction, fractionText: fraction.description, rounding: rounding, rule: Self.rule,
            inputs: [.init("contract_amount", "contract amount (契約金額)", contractAmount.description)])
    }
}
