/// What happens to a small result.
public enum MinimumRule: Sendable, Hashable, CustomStringConvertible {
    /// Any amount is due, however small.
    case none
    /// An amount below the threshold is not collected and not paid: the result becomes 0 and the
    /// status `waived`. 第6条第3項: 違約金の額が100円未満であるときは違約金を徴収しない.
    case waiveBelow(Yen)

    /// Applies the rule to `amount`, the result after its rounding; `exact` is the value before
    /// rounding, which tells a charge that rounded away (¥20.55 → ¥0 by a floor to ¥100) from
    /// no charge at all. `baseMinimum` is the base minimum of the terms when it kept a positive
    /// balance from being charged over counted days at a positive rate (地方税: 2,000円未満);
    /// a result that is then ¥0 was waived by that rule.
    public func decide(_ amount: Yen, exact: Rational, baseMinimum: Yen? = nil) -> MinimumDecision {
        var after = amount
        if case .waiveBelow(let threshold) = self, amount < threshold { after = .zero }
        return MinimumDecision(rule: self, exact: exact, before: amount, after: after, baseMinimum: after.value.isZero ? baseMinimum : nil)
    }

    public var description: String { OutputBytes.text { write(to: $0) } }

    /// Writes ``description`` to `out`.
    func write(to out: OutputBytes) {
        switch self {
        case .none: out.append(literal: "no minimum")
        case .waiveBelow(let threshold):
            out.append(literal: "under ")
            threshold.write(to: out)
            out.append(literal: " not charged (")
            threshold.write(to: out, yenSign: false)
            out.append(literal: "円未満は徴収・支払をしない)")
        }
    }
}

/// The outcome of a ``MinimumRule``, and of the base minimum before it: the amount before and
/// after, and which rule, if any, brought a positive charge to nothing.
public struct MinimumDecision: Sendable, Hashable, CustomStringConvertible {
    public let rule: MinimumRule
    /// The exact value before the result's rounding.
    public let exact: Rational
    /// The amount after the result's rounding.
    public let before: Yen
    public let after: Yen
    /// The base minimum, when it is what left the result at ¥0: a positive balance under it was
    /// not charged for days that would have accrued a charge.
    public let baseMinimum: Yen?

    /// Whether a positive charge came to nothing under a minimum rule: the result's (under the
    /// threshold, whether before or after the result's rounding) or the base's. Status `waived`.
    public var waived: Bool { waivedByResult || baseMinimum != nil }

    /// Whether the result's own minimum rule brought a positive exact value to ¥0.
    public var waivedByResult: Bool {
        if case .none = rule { return false }
        return exact.signum > 0 && after.value.isZero
    }

    public var description: String { OutputBytes.text { write(to: $0) } }

    /// Writes ``description`` to `out`.
    func write(to out: OutputBytes) {
        if waivedByResult, case .waiveBelow(let threshold) = rule {
            // A charge the result's rounding took to ¥0 is named by its exact value, which is
            // what the rule finds under the threshold.
            if before.value.isZero {
                out.append(literal: "the charge ")
                out.append(exact.decimalString(fractionDigits: 6))
            } else {
                before.write(to: out)
            }
            out.append(literal: " is under ")
            threshold.write(to: out)
            out.append(literal: ": waived, ¥0")
        } else if let baseMinimum {
            out.append(literal: "the balance is under the base minimum ")
            baseMinimum.write(to: out)
            out.append(literal: " (")
            baseMinimum.write(to: out, yenSign: false)
            out.append(literal: "円未満は計算しない): waived, ¥0")
        } else if exact.signum == 0 && after.value.isZero {
            out.append(literal: "nothing to charge: ¥0")
        } else if case .waiveBelow(let threshold) = rule {
            before.write(to: out)
            out.append(literal: " is not under ")
            threshold.write(to: out)
            out.append(literal: ": charged")
        } else {
            out.append(literal: "no minimum applies")
        }
    }
}
