extension CivilDate: Strideable {
    /// Calendar days from this date to `other` (positive when `other` is later).
    public func distance(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// The date `days` calendar days later (earlier when negative).
    public func advanced(by days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }
}

extension CivilDate {
    /// The next calendar day.
    public var nextDay: CivilDate { advanced(by: 1) }

    /// The previous calendar day.
    public var previousDay: CivilDate { advanced(by: -1) }

    /// The date `months` calendar months later (earlier when negative) with the same day of the
    /// month, or that month's last day when it is shorter (1-31 plus one month is 2-28 or 2-29).
    public func addingMonths(_ months: Int) -> CivilDate {
        let (year, month, day) = components
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return CivilDate(year: newYear, month: newMonth, day: min(day, CivilDate.daysInMonth(year: newYear, month: newMonth)))!
    }

    /// The last day of this date's month.
    public var lastDayOfMonth: CivilDate {
        let (year, month, _) = components
        return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
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
        return Weekday(rawValue: index < 0 ? index + 7 : index)!
    }
}
