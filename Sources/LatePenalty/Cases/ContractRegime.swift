/// The seed contract's charges, by the names used in files and on the command line.
public enum ContractRegime: String, Sendable, CaseIterable {
    /// 第6条第3項: `amount` = contract amount, `due` = last day of the contract period, `paid` =
    /// completion day, `excluded` = inspection days.
    case lateCompletion = "contract-late-completion"
    /// 第6条第5項: `amount` = unpaid price, `due` = payment deadline, `paid` = payment day,
    /// `excluded` = force-majeure days.
    case latePayment = "contract-late-payment"
    /// 第22条第1項: `amount` = unpaid 賠償金等, `due` = last day of the designated period, `paid` =
    /// payment day.
    case damagesInterest = "contract-damages-interest"
    /// 第21条第3項: `amount` = contract amount; 1/10.
    case terminationPenalty = "contract-termination-penalty"
    /// 第21条第4項: `amount` = contract amount; 15/100.
    case antitrustDamages = "contract-antitrust-damages"

    /// Whether the regime counts days and so needs `due` and `paid`.
    public var countsDays: Bool {
        switch self {
        case .lateCompletion, .latePayment, .damagesInterest: return true
        case .terminationPenalty, .antitrustDamages: return false
        }
    }
}
