/// 第1条第4号: the consumption tax and local consumption tax contained in a tax-inclusive
/// contract amount, 「契約金額に110分の10を乗じて得た額」. The contract does not state a rounding;
/// the default floors to ¥1, as 端数計算法第2条 does for public amounts.
public struct ConsumptionTax: Sendable {
    public var taxInclusiveAmount: Yen
    public var fraction: Rational
    public var rounding: Rounding

    public static let rule = RuleReference(
        clause: "第1条第4号", title: "consumption tax within the contract amount (取引に係る消費税及び地方消費税額, 110分の10)",
        document: SeedContract.document)

    public init(taxInclusiveAmount: Yen, fraction: Rational = Rational(10, 110), rounding: Rounding = .floorToYen) {
        self.taxInclusiveAmount = taxInclusiveAmount
        self.fraction = fraction
        self.rounding = rounding
    }

    public func compute() throws(InputError) -> ChargeResult {
        try FixedFraction.compute(
            taxInclusiveAmount, times: fraction, fractionText: fraction == Rational(10, 110) ? "10/110" : fraction.description, rounding: rounding,
            rule: Self.rule,
            inputs: [.init("contract_amount", "contract amount, tax included (契約金額)", taxInclusiveAmount.description)])
    }
}

extension ConsumptionTax {
    /// A tax-inclusive amount split into the tax within it and the amount without it.
    public struct Split: Sendable {
        public let gross: Yen
        /// The tax, with its explanation.
        public let tax: ChargeResult
        /// `gross − tax`.
        public let net: Yen
    }

    /// The tax within the amount and the amount without it.
    public func split() throws(InputError) -> Split {
        let tax = try compute()
        return Split(gross: taxInclusiveAmount, tax: tax, net: taxInclusiveAmount - tax.amount)
    }
}
