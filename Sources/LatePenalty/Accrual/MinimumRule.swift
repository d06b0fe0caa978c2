/// What happens to a small result.
public enum MinimumRule: Sendable, Hashable, CustomStringConvertible {
    /// Any amount is due, however small.
    case none
    /// An amount below the threshold is not collected and not paid: the result becomes 0 and the
    /// status `waived`. 第6条第3項: 違約金の額が100円未満であるときは違約金を徴収しない.
    case waiveBelow(Yen)

    /// Applies the rule to `amount`, the result after its rounding; `exact` is the value before
    /// rounding, which tells a charge that rounded away (¥20.55 → ¥0 by a floor to ¥100) from
    /// no charge at all.
    public func decide(_ amount: Yen, exact: Rational) -> MinimumDecision {
        switch self {
        case .none:
            return MinimumDecision(rule: self, exact: exact, before: amount, after: amount)
        case .waiveBelow(let threshold):
            return MinimumDecision(rule: self, exact: exact, before: amount, after: amount < threshold ? .zero : amount)
        }
    }

    public var description: String {
        switch self {
        case .none: return "no minimum"
        case .waiveBelow(let threshold): return "under \(threshold) not charged (\(threshold.grouped)円未満は徴収・支払をしない)"
        }
    }
}

/// The outcome of a ``MinimumRule``: the amount before and after it.
public struct MinimumDecision: Sendable, Hashable, CustomStringConvertible {
    public let rule: MinimumRule
    /// The exact value before the result's rounding.
    public let exact: Rational
    /// The amount after the result's rounding.
    public let before: Yen
    public let after: Yen

    /// Whether a positive charge came to nothing under the rule (under the threshold, whether
    /// before or after the result's rounding): status `waived`.
    public var waived: Bool {
        if case .none = rule { return false }
        return exact.signum > 0 && after.value.isZero
    }

    public var description: String {
        switch rule {
        case .none: return "no minimum applies"
        case .waiveBelow(let threshold):
            return waived ? "\(before) is under \(threshold): waived, ¥0" : "\(before) is not under \(threshold): charged"
        }
    }
}
