/// The seed contract's charges, by the names used in files and on the command line.
public enum ContractRegime: String, Sendable, CaseIterable, Regime {
    /// 第6条第3項: `amount` = contract amount, `due` = last day of the contract period, `paid` =
    /// completion day, `excluded` = inspection days.
    case lateCompletion = "contract-late-completion"
    /// 第6条第5項: `amount` = unpaid price, `due` = payment deadline (or `invoice_received`, the
    /// day a proper invoice was received, from which 第4条 gives it), `paid` = payment day,
    /// `excluded` = force-majeure days, `payments` = partial payments of the price.
    case latePayment = "contract-late-payment"
    /// 第22条第1項: `amount` = unpaid 賠償金等, `due` = last day of the designated period, `paid` =
    /// payment day, `payments` = partial payments.
    case damagesInterest = "contract-damages-interest"
    /// 第21条第3項: `amount` = contract amount; 1/10.
    case terminationPenalty = "contract-termination-penalty"
    /// 第21条第4項: `amount` = contract amount; 15/100.
    case antitrustDamages = "contract-antitrust-damages"
    /// 第1条第4号: `amount` = contract amount, tax included; the consumption tax within it
    /// (10/110).
    case consumptionTax = "contract-consumption-tax"
    /// 第22条第2項: `amount` = 賠償金等, `due` = last day of the designated period, `paid` = the
    /// day the contract price is paid, `unpaid_price` = the price still unpaid; the result is
    /// the amount deducted from the price (控除額), the explanation gives the shortfall and the
    /// price left to pay.
    case setOff = "contract-set-off"

    public var name: String { rawValue }

    public var title: String {
        switch self {
        case .lateCompletion: return LateCompletionPenalty.rule.title
        case .latePayment: return LatePaymentInterest.rule.title
        case .damagesInterest: return DamagesInterest.rule.title
        case .terminationPenalty: return TerminationPenalty.rule.title
        case .antitrustDamages: return AntitrustDamages.rule.title
        case .consumptionTax: return ConsumptionTax.rule.title
        case .setOff: return SetOff.rule.title
        }
    }

    /// Whether the regime counts days and so needs `due` and `paid`.
    public var countsDays: Bool {
        switch self {
        case .lateCompletion, .latePayment, .damagesInterest, .setOff: return true
        case .terminationPenalty, .antitrustDamages, .consumptionTax: return false
        }
    }

    public var fields: [String] {
        switch self {
        case .lateCompletion: return ["amount", "due", "paid", "excluded", "rate"]
        case .latePayment: return ["amount", "due", "paid", "excluded", "payments", "rate", "roll_due", "invoice_received"]
        case .damagesInterest: return ["amount", "due", "paid", "payments", "rate", "roll_due"]
        case .terminationPenalty, .antitrustDamages, .consumptionTax: return ["amount"]
        case .setOff: return ["amount", "due", "paid", "payments", "rate", "roll_due", "unpaid_price"]
        }
    }

    public func compute(_ fields: [String: String]) throws(InputError) -> ChargeResult {
        try ContractCase(regime: self, fields: fields).compute()
    }
}
