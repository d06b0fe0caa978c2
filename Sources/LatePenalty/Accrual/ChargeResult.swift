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
    public let explanation: Explanation
    /// Set when the charge was computed for a payment day that has not come (a quote for a
    /// 納付書 or 督促状, ``RegimeCatalog/compute(_:asOf:)``).
    public var quote: Quote? = nil

    /// A charge computed as if paid on a day asked about: what to print on a payment slip.
    public struct Quote: Sendable, Hashable {
        /// The payment day the charge was computed for.
        public let paidOn: CivilDate
        /// The last payment day for which the amount is the same (at most a year after
        /// ``paidOn``; later days are not searched).
        public let holdsThrough: CivilDate
    }
}
