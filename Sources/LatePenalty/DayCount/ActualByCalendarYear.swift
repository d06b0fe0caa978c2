/// Actual days split by calendar year, each part over that year's length: days in a leap year
/// ÷ 366, other days ÷ 365 (ACT/ACT split by year, as ISDA's actual/actual).
public struct ActualByCalendarYear: DayCountBasis {
    public init() {}
    public var name: String { "actual-by-year" }
    public var description: String { "actual days split by calendar year, ÷365 or ÷366 (暦年ごとに365日・366日)" }

    public func pieces(of window: DateWindow, excluding excluded: ExcludedDays) throws(InputError) -> [AccrualPiece] {
        ActualByCalendarYear.yearPieces(of: window, excluding: excluded)
    }

    /// One piece per calendar year of `window` that has counted days.
    static func yearPieces(of window: DateWindow, excluding excluded: ExcludedDays) -> [AccrualPiece] {
        window.splitByCalendarYear.compactMap { part in
            let days = part.dayCount - excluded.count(in: part)
            guard days > 0 else { return nil }
            let length = CivilDate.daysInYear(part.first.year)
            return AccrualPiece(window: part, days: days, yearFraction: Rational(days, length), formula: "\(days)/\(length)")
        }
    }
}

extension DayCountBasis where Self == ActualByCalendarYear {
    /// Actual days split by calendar year, ÷365 or ÷366.
    public static var actualByCalendarYear: ActualByCalendarYear { ActualByCalendarYear() }
}
