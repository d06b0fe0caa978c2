/// Which date's rate applies when a regime's rates change over time.
public enum RatePick: String, Sendable, Hashable, CaseIterable {
    /// Each day at the rate of its own date: the window is split where the table changes
    /// (延滞税 and 延滞金 change each 1 January).
    case eachDay = "each-day"
    /// The whole delay at the rate in force on its first day, the day after the deadline
    /// (民法第404条第1項: the rate when the debtor first falls into delay).
    case firstDayOfDelay = "first-day-of-delay"
    /// The whole delay at the rate in force on the contract date when one is given, else on the
    /// first day of delay (支払遅延防止法 contracts differ: 八街市 fixes the contract date).
    case contractDateElseFirstDayOfDelay = "contract-date-or-first-day-of-delay"
}

/// How the rate of each day of delay is found: a fixed rate or a dated table, and optionally a
/// low rate for a first period after the deadline and a high rate after it.
public struct RatePlan: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// The same rates every day: `rate`, or `rate` then `highRate` after the low period.
        case fixed(rate: Rate, highRate: Rate?)
        /// Rates looked up in a dated table.
        case table(RateSchedule, pick: RatePick)
    }

    public var source: Source
    /// The low-rate period after the deadline (民法第143条): `.months(1)` for 地方税 延滞金,
    /// `.months(2)` for 国税 延滞税. The low rate runs from the day after the deadline through the
    /// last day of this period; the high rate after it. `nil`: one rate throughout.
    public var lowPeriod: CivilPeriod?
    /// Whether the window is also cut at each 1 January, even where the rate does not change.
    /// The tax regimes fix their rates for each calendar year (各年の特例基準割合) and compute
    /// year by year; since each segment is floored, the cut can move a result by ¥1.
    public var splitsAtNewYear: Bool

    public init(source: Source, lowPeriod: CivilPeriod? = nil, splitsAtNewYear: Bool = false) {
        self.source = source
        self.lowPeriod = lowPeriod
        self.splitsAtNewYear = splitsAtNewYear
    }

    /// One rate every day.
    public static func fixed(_ rate: Rate) -> RatePlan { RatePlan(source: .fixed(rate: rate, highRate: nil)) }
}
