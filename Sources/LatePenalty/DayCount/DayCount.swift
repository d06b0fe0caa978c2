/// One part of a window in whole numbers: the days counted in it and the year fraction
/// `years / perYear` they stand for (33 days in 2023: 33/365; two whole years: 2/1).
///
/// What a ``DayCountBasis`` produces: the evaluator multiplies integers with it and never
/// forms a fraction; an explanation shows its ``yearFraction`` and ``formula``.
public struct DayCount: Sendable, Hashable {
    /// The calendar span of the part (it may contain excluded days; ``days`` does not).
    public let window: DateWindow
    /// Days counted in the part.
    public let days: Int
    /// The year fraction's numerator: the days, or the number of whole years.
    public let years: Int
    /// The year fraction's denominator: 365, 366, 360, or 1 for whole years.
    public let perYear: Int

    public init(window: DateWindow, days: Int, years: Int, perYear: Int) {
        self.window = window
        self.days = days
        self.years = years
        self.perYear = perYear
    }

    /// Days over a year of `perYear` days.
    static func days(_ days: Int, in window: DateWindow, perYear: Int) -> DayCount {
        DayCount(window: window, days: days, years: days, perYear: perYear)
    }

    /// The exact fraction of a year the part stands for: `days/365`, `days/366`, `2` …
    public var yearFraction: Rational { Rational(years, perYear) }

    /// How the fraction was formed, for a person: `33/365`, `2 whole years`.
    public var formula: String { DayCount.formula(years: years, perYear: perYear) }

    static func formula(years: Int, perYear: Int) -> String {
        perYear == 1 ? "\(years) whole year\(years == 1 ? "" : "s")" : "\(years)/\(perYear)"
    }
}
