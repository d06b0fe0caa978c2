/// 第22条第2項: while the contract price is unpaid, the orderer deducts the 賠償金等, and the 遅延利息
/// that has accrued on them by the day the price is paid, from the price it pays (控除して徴収);
/// what the price does not cover is collected separately (不足額を別途徴収).
public struct SetOff: Sendable {
    /// The 賠償金等 and its interest terms (第22条第1項); its `paymentDate` should be the day the
    /// contract price is paid, the day up to which interest is set off.
    public var damagesInterest: DamagesInterest
    /// The contract price still unpaid (未払の契約金).
    public var unpaidPrice: Yen

    public static let rule = RuleReference(
        clause: "第22条第2項", title: "set-off against the unpaid contract price (代金からの控除)", document: SeedContract.document)

    public init(damagesInterest: DamagesInterest, unpaidPrice: Yen) {
        self.damagesInterest = damagesInterest
        self.unpaidPrice = unpaidPrice
    }

    public struct Result: Sendable {
        /// 賠償金等.
        public let damages: Yen
        /// 遅延利息 on them up to the payment day, with its own explanation.
        public let interest: ChargeResult
        /// 賠償金等 + 遅延利息: what the orderer is owed.
        public let claim: Yen
        /// What is deducted from the price: the smaller of the claim and the unpaid price.
        public let deducted: Yen
        /// The claim the price did not cover, to collect separately (不足額).
        public let shortfall: Yen
        /// The price left to pay the contractor after the deduction.
        public let remainderToPay: Yen
        public let explanation: Explanation
    }

    public func compute() throws(InputError) -> Result {
        guard unpaidPrice.value.signum >= 0 else {
            throw InputError(field: "unpaid_price", reason: "is negative (\(unpaidPrice)); the unpaid price is 0 or more")
        }
        let interest = try damagesInterest.compute()
        let claim = damagesInterest.damages + interest.amount
        let deducted = min(claim, unpaidPrice)
        let shortfall = claim - deducted
        let remainder = unpaidPrice - deducted
        var explanation = Explanation(
            rule: Self.rule,
            inputs: [
                .init("damages", "damages and penalties (賠償金等)", damagesInterest.damages.description),
                .init("interest", "interest to the payment day (遅延利息)", interest.amount.description),
                .init("unpaid_price", "unpaid contract price (未払代金)", unpaidPrice.description),
            ])
        explanation.steps.append(.value(label: "claim = 賠償金等 + 遅延利息", exact: claim.exact))
        explanation.steps.append(.value(label: "deducted from the price (控除額)", exact: deducted.exact))
        explanation.steps.append(.value(label: "shortfall to collect (不足額・別途徴収)", exact: shortfall.exact))
        explanation.steps.append(.value(label: "price left to pay (支払額)", exact: remainder.exact))
        return Result(
            damages: damagesInterest.damages, interest: interest, claim: claim, deducted: deducted,
            shortfall: shortfall, remainderToPay: remainder, explanation: explanation)
    }
}

extension SetOff {
    /// A set-off read from text, as a command line, a C caller or a vector gives it: the
    /// 賠償金等, the designated period's last day, the day the price is paid, the unpaid price
    /// and any partial payments of the damages (`DATE:AMOUNT;…`). An error names the field;
    /// `priceField` is the name the unpaid price goes by where it came from.
    public init(
        damages: String, due: String, paid: String, unpaidPrice: String, payments: String = "", priceField: String = "unpaid_price"
    ) throws(InputError) {
        let interest = DamagesInterest(
            damages: try Yen.parse(damages, field: "damages"), designatedPeriodEnd: try CivilDate.parse(due, field: "due"),
            paymentDate: try CivilDate.parse(paid, field: "paid"), payments: try Payment.parseList(payments))
        self.init(damagesInterest: interest, unpaidPrice: try Yen.parse(unpaidPrice, field: priceField))
    }
}
