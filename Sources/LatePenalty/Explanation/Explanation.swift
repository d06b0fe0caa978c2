/// Everything a result rests on, in the order it was computed: the rule, the inputs, the window,
/// the days counted and excluded, each segment with its exact value, each rounding step and the
/// minimum-rule decision. Rendered for a person (``text``) or as JSON (``json``).
public struct Explanation: Sendable {
    /// A labelled input or intermediate fact: `contract amount (契約金額)`: `¥10,000,000`.
    public struct Fact: Sendable, Hashable {
        public let label: String
        public let value: String
        /// The key in JSON.
        public let key: String

        public init(_ key: String, _ label: String, _ value: String) {
            self.key = key
            self.label = label
            self.value = value
        }
    }

    /// One piece of an accrual: principal × rate × year fraction.
    public struct Segment: Sendable, Hashable {
        public let window: DateWindow
        public let days: Int
        public let principal: Yen
        public let rate: Rate
        /// The year fraction's numerator and denominator as counted (`33` and `365`; `2` and `1`
        /// for two whole years), unreduced: ``formula`` shows them.
        let years: Int
        let perYear: Int
        public var yearFraction: Rational { Rational(years, perYear) }
        /// How the year fraction was formed, for a person: `33/365`, `2 whole years`.
        public var formula: String { DayCount.formula(years: years, perYear: perYear) }
        public let exact: Rational
        /// The segment after its own rounding, when segments are rounded one by one.
        public let rounded: Yen?
        public let segmentRounding: Rounding?
        /// Where the rate comes from (low or high rate, the table row, a reduced period), if not a
        /// single fixed rate.
        public let rateNote: String?
        /// The rate table row the rate is read from, whose source the explanation cites once for
        /// all the segments it rates (``rateSources``); nil for a rate the terms or the row give.
        public let rateRow: RateRow?
    }

    /// The principal charged from a day on: the balance owed, and the base after the base
    /// rounding (地方税: floor to ¥1,000) or the base minimum.
    public struct Base: Sendable, Hashable {
        public let from: CivilDate
        public let balance: Yen
        public let rounding: Rounding?
        /// The amount charged; 0 when the balance is under the base minimum.
        public let base: Yen
        /// Why the base differs from the balance, if it does.
        public let note: String?
    }

    /// An arithmetic or rounding step.
    public enum Step: Sendable, Hashable {
        case value(label: String, exact: Rational)
        case rounding(label: String, rule: Rounding, before: Rational, after: Yen)
    }

    public var rule: RuleReference
    public var inputs: [Fact]
    /// The counting window (算定期間), both ends counted; `nil` when nothing was counted.
    public var window: DateWindow?
    /// The day-count basis used, by name.
    public var basis: String?
    public var countedDays = 0
    public var excludedDays = 0
    /// The excluded days inside the window, as runs.
    public var excludedRuns: [DateWindow] = []
    /// The base of each balance period, in date order (one unless there are partial payments).
    public var bases: [Base] = []
    public var segments: [Segment] = []
    public var steps: [Step] = []
    public var minimum: MinimumDecision?
    /// The notes (``notes``), kept as their facts until written.
    var noteItems: [Note] = []

    public init(rule: RuleReference, inputs: [Fact]) {
        self.rule = rule
        self.inputs = inputs
    }

    /// The rate table rows the segments are rated from, each once, in the order first used.
    public var rateSources: [RateRow] {
        segments.indices.compactMap { isFirstSegment(ofRateRowAt: $0) ? segments[$0].rateRow : nil }
    }

    /// Whether segment `index` is rated by a table row that no earlier segment is rated by.
    /// Segments run in date order, so a row's segments follow one another: the segment before
    /// settles it, and a scan of the earlier ones is only for a row met again after another.
    func isFirstSegment(ofRateRowAt index: Int) -> Bool {
        guard let window = segments[index].rateRow?.window else { return false }
        if index > 0, segments[index - 1].rateRow?.window == window { return false }
        return !segments[..<index].contains { $0.rateRow?.window == window }
    }
}
