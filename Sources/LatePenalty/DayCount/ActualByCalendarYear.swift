/// Actual days split by calendar year, each part over that year's length: days in a leap year
/// ÷ 366, other days ÷ 365 (ACT/ACT split by year, as ISDA's actual/actual).
public struct ActualByCalendarYear: DayCountBasis {
    public init() {}
    public var name: String { "actual-by-year" }
    public var description: String { "actual days split by calendar year, ÷365 or ÷366 (暦年ごとに365日・366日)" }

    public var denominators: [Int] { [365, 366] }

    public func count(after previous: DayCount?, in window: DateWindow, excluding excluded: ExcludedDays) throws(InputError) -> DayCount? {
        ActualByCalendarYear.yearCount(after: previous, in: window, excluding: excluded)
    }

    /// The next calendar year's part of `window` after `previous` that has counted days.
    static func yearCount(after previous: DayCount?, in window: DateWindow, excluding excluded: ExcludedDays) -> DayCount? {
        var start = window.first
        if let previous {
            guard previous.window.last < window.last else { return nil }
            start = previous.window.last.nextDay
        }
        while true {
            let year = start.year
            let part = DateWindow(first: start, last: min(CivilDate.lastDay(ofYear: year), window.last))
            let days = part.dayCount - excluded.count(in: part)
            if days > 0 { return .days(days, in: part, perYear: CivilDate.daysInYear(year)) }
            guard part.last < window.last else { return nil }
            start = part.last.nextDay
        }
    }
}

extension DayCountBasis where Self == ActualByCalendarYear {
    /// Actual days split by calendar year, ÷365 or ÷366.
    public static var actualByCalendarYear: ActualByCalendarYear { ActualByCalendarYear() }
}
