/// 第21条第4項: when 第21条第1項第10号 applies (a final order or sentence for bid rigging or
/// another antitrust violation), the contractor pays 賠償金 of 15/100 of the contract amount,
/// floored to ¥1, whether or not the contract is cancelled.
///
/// When the orderer's actual damage exceeds that amount, the orderer may claim the excess as
/// well (「その超過分につき賠償を請求することを妨げない」): give `actualDamages` to see it.
public struct AntitrustDamages: Sendable {
    public var contractAmount: Yen
    /// The orderer's actual damage, if known.
    public var actualDamages: Yen?
    public var fraction: Rational
    public var rounding: Rounding

    public static let rule = RuleReference(
        clause: "第21条第4項", title: "damages for antitrust violations (賠償金, 100分の15)", document: SeedContract.document)

    public init(contractAmount: Yen, actualDamages: Yen? = nil, fraction: Rational = Rational(15, 100), rounding: Rounding = .floorToYen) {
        self.contractAmount = contractAmount
        self.actualDamages = actualDamages
        self.fraction = fraction
        self.rounding = rounding
    }

    /// The 15/100 賠償金 and the excess of the actual damage over it (0 when none).
    public struct Result: Sendable {
        public let damages: ChargeResult
        /// The actual damage above the 15/100 amount, claimable in addition.
        public let excessClaim: Yen
    }

    public func compute() throws(InputError) -> Result {
        var inputs: [Explanation.Fact] = [.init("contract_amount", "contract amount (契約金額)", contractAmount.description)]
        if let actualDamages { inputs.append(.init("actual_damages", "actual damage (実際の損害額)", actualDamages.description)) }
        let charge = try FixedFraction.compute(
            contractAmount, times: fraction, fractionText: fraction.description, rounding: rounding, rule: Self.rule, inputs: inputs)
        guard let actualDamages, actualDamages > charge.amount else { return Result(damages: charge, excessClaim: .zero) }
        let excess = actualDamages - charge.amount
        var explanation = charge.explanation
        explanation.notes.append(
            "The actual damage \(actualDamages) exceeds the 賠償金 \(charge.amount): the excess \(excess) may be claimed in addition (超過分の請求).")
        let annotated = ChargeResult(
            status: charge.status, amount: charge.amount, exactAmount: charge.exactAmount,
            countedDays: 0, excludedDays: 0, explanation: explanation)
        return Result(damages: annotated, excessClaim: excess)
    }
}
