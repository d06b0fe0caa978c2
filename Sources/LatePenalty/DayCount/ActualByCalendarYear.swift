/// Actual days split by calendar year, each part over that year's length: days in a leap year
/// ÷ 366, other days ÷ 365 (ACT/ACT split by year, as ISDA's actual/actual).
public struct ActualByCalendarYear: DayCountBasis {
    public init() {}
    public var name: String { "actual-by-year" }
    public var description: String { "actual days split by calendar year, ÷365 or ÷366 (暦年ごとに365日・366日)" }

    public var denominators: [Int] { [365, 366] }

    public func counts(of window: DateWindow, excluding excluded: ExcludedDays) throws(InputError) -> [DayCount] {
        ActualByCalendarYear.yearCounts(of: window, excluding: excluded)
    }

    /// One part per calendar year of `window` that has counted days.
    static func yearCounts(of window: DateWindow, excluding excluded: ExcludedDays) -> [DayCount] {
        window.splitByCalendarYear.compactMap { part in
            let days = part.dayCount - excluded.count(in: part)
            guard days > 0 else { return nil }
            return .days(days, in: part, perYear: CivilDate.daysInYear(part.first.year))
        }
    }
}

extension DayCountBasis where Self == ActualByCalendarYear {
    /// Actual days split by calendar year, ÷365 or ÷366.
    public static var actualByCalendarYear: ActualByCalendarYear { ActualByCalendarYear() }
}
