/// Whether a charge is due.
public enum ChargeStatus: String, Sendable, Hashable {
    /// Computed; the amount is due (it may be 0 when there was no delay).
    case ok
    /// A minimum rule turned a positive amount into 0 (e.g. under ¥100 not collected).
    case waived
}

/// The result of one computation: the amount due, the exact value behind it, and the full
/// explanation.
public struct ChargeResult: Sendable {
    public let status: ChargeStatus
    /// The amount due after every rounding and the minimum rule.
    public let amount: Yen
    /// The exact value before any rounding (the sum of the exact segment values).
    public let exactAmount: Rational
    /// Days counted (after excluded days were removed).
    public let countedDays: Int
    /// Days of the window that were excluded.
    public let excludedDays: Int
    /// How the amount came about: every step, as the computation recorded it.
    public var explanation: Explanation {
        _read { yield box.explanation }
    }
    /// The explanation in one shared box: a result passes through several hands on its way to
    /// the output (the row, the writer, the summary), and copying the explanation's dozen arrays
    /// and strings at each cost more than a segment's arithmetic.
    private let box: ExplanationBox
    /// Set when the charge was computed for a payment day that has not come (a quote for a
    /// 納付書 or 督促状, ``RegimeCatalog/compute(_:asOf:)``).
    public var quote: Quote? = nil

    /// Writes the explanation as JSON from its box, borrowed: no copy of its arrays.
    func writeExplanation(to json: inout JSONWriter) {
        box.explanation.write(to: &json)
    }

    init(
        status: ChargeStatus, amount: Yen, exactAmount: Rational, countedDays: Int, excludedDays: Int, explanation: consuming Explanation,
        quote: Quote? = nil
    ) {
        self.quote = quote
        self.status = status
        self.amount = amount
        self.exactAmount = exactAmount
        self.countedDays = countedDays
        self.excludedDays = excludedDays
        box = ExplanationBox(explanation)
    }

    /// A charge computed as if paid on a day asked about: what to print on a payment slip.
    public struct Quote: Sendable, Hashable {
        /// The payment day the charge was computed for.
        public let paidOn: CivilDate
        /// The last payment day for which the amount is the same (at most a year after
        /// ``paidOn``; later days are not searched).
        public let holdsThrough: CivilDate
    }
}

/// An explanation held by reference, immutable once made.
private final class ExplanationBox: Sendable {
    let explanation: Explanation

    init(_ explanation: consuming Explanation) {
        self.explanation = explanation
    }
}
