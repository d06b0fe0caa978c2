extension CivilDate: Strideable {
    /// Calendar days from this date to `other` (positive when `other` is later).
    public func distance(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// The date `days` calendar days later (earlier when negative).
    ///
    /// - Precondition: the result falls in ``supportedYears``. For a count that came from input,
    ///   use ``adding(days:)``, which says so instead of stopping.
    public func advanced(by days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }
}

extension CivilDate {
    /// The date with this day number, or nil outside ``supportedYears``.
    public init?(checkedDayNumber dayNumber: Int) {
        guard dayNumber >= CivilDate.firstDayNumber && dayNumber <= CivilDate.lastDayNumber else { return nil }
        self.init(dayNumber: dayNumber)
    }

    /// The date `days` calendar days later (earlier when negative), or nil when it would fall
    /// outside ``supportedYears`` (any `Int` is safe to pass).
    public func adding(days: Int) -> CivilDate? {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return overflow ? nil : CivilDate(checkedDayNumber: sum)
    }

    /// The next calendar day.
    ///
    /// - Precondition: this is not 9999-12-31 (``CivilDate/last``); see ``adding(days:)``.
    public var nextDay: CivilDate { advanced(by: 1) }

    /// The previous calendar day.
    ///
    /// - Precondition: this is not 0001-01-01 (``CivilDate/first``); see ``adding(days:)``.
    public var previousDay: CivilDate { advanced(by: -1) }

    /// The first and last dates the type holds: 0001-01-01 and 9999-12-31.
    public static let first = CivilDate(dayNumber: firstDayNumber)
    public static let last = CivilDate(dayNumber: lastDayNumber)

    /// The date `months` calendar months later (earlier when negative) with the same day of the
    /// month, or that month's last day when it is shorter (1-31 plus one month is 2-28 or 2-29);
    /// nil when it would fall outside ``supportedYears`` (any `Int` is safe to pass).
    public func addingMonths(_ months: Int) -> CivilDate? {
        let (year, month, day) = components
        // Years are at most 9999, so the month index is small; only `months` can overflow it.
        let (index, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow else { return nil }
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        guard CivilDate.supportedYears.contains(newYear) else { return nil }
        return CivilDate(year: newYear, month: newMonth, day: min(day, CivilDate.daysInMonth(year: newYear, month: newMonth)))
    }

    /// The last day of this date's month.
    public var lastDayOfMonth: CivilDate {
        let (year, month, _) = components
        return CivilDate(dayNumber: CivilDate.dayNumber(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month)))
    }
}

/// A day of the week.
public enum Weekday: Int, Sendable, CaseIterable {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday

    /// The one-character Japanese name (日, 月, 火, 水, 木, 金, 土).
    public var japaneseName: String { ["日", "月", "火", "水", "木", "金", "土"][rawValue] }
}

extension CivilDate {
    /// The day of the week. (1970-01-01, day number 0, was a Thursday.)
    public var weekday: Weekday {
        let index = (dayNumber + 4) % 7
        return Weekday(rawValue: index < 0 ? index + 7 : index) ?? .sunday
    }
}
