/// A period before (or after) a rate table that sources speak of but that the table does not
/// ship: the rate printed for it is not verified, or no source gives it at all. A day in one is
/// refused like any day outside the table, and the error quotes this row, so that whoever types
/// the rate into the row's `rate` column does so knowing where it would come from.
public struct UnverifiedRateRow: Sendable, Hashable {
    public let window: DateWindow
    /// The rate a source gives, or the low rate of a two-tier regime; nil when none was found.
    public let rate: Rate?
    /// The high rate a source gives, of a two-tier regime.
    public let highRate: Rate?
    /// What the sources say of the period, and why it is not in the table.
    public let source: String

    public init(window: DateWindow, rate: Rate?, highRate: Rate? = nil, source: String) {
        self.window = window
        self.rate = rate
        self.highRate = highRate
        self.source = source
    }

    /// The rates as a person reads them: `3.1%`, `7.3% / 14.6%`, or `rate not found`.
    public var rates: String {
        guard let rate else { return "rate not found" }
        return highRate.map { "\(rate) / \($0)" } ?? "\(rate)"
    }
}
