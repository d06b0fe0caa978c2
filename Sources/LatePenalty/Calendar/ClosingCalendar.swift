/// Which days an office is closed: the days a deadline cannot fall on and that working-day
/// periods skip. One calendar per file, behind this interface.
public protocol ClosingCalendar: Sendable {
    /// A stable name for files and the command line: `national-holidays`, `government`, `bank`.
    var name: String { get }
    /// Why `date` is closed (`土曜日`, `元日`, `年末年始 (12/29–1/3)`), or nil when it is open.
    func closure(on date: CivilDate) -> String?
}

extension ClosingCalendar {
    /// Refuses a date after the last year whose national holidays are known
    /// (``JapaneseHolidays/lastComputableYear``): a closed day there cannot be told from an
    /// open one, and a year such as 5026 is far more often a typing mistake for 2026.
    public func checkCovers(_ date: CivilDate, field: String) throws(InputError) {
        guard date.year <= JapaneseHolidays.lastComputableYear else {
            throw InputError(
                field: field,
                reason:
                    "\(date) is after \(JapaneseHolidays.lastComputableYear), the last year whose national holidays can be computed (春分の日 and 秋分の日 follow the equinox formula only through \(JapaneseHolidays.lastComputableYear)); check the year"
            )
        }
    }

    /// Whether the office is closed on `date`.
    public func isClosed(_ date: CivilDate) -> Bool { closure(on: date) != nil }

    /// `date` itself when open, else the next open day.
    public func nextOpenDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while isClosed(day) && day < .last { day = day.nextDay }
        return day
    }

    /// `date` itself when open, else the previous open day.
    public func previousOpenDay(onOrBefore date: CivilDate) -> CivilDate {
        var day = date
        while isClosed(day) && day > .first { day = day.previousDay }
        return day
    }

    /// A deadline moved forward to the next open day when it falls on a closed one (国税通則法
    /// 第10条第2項; 地方自治法第4条の2第4項), with the closed days it passed and why.
    public func rollForward(_ deadline: CivilDate) -> (date: CivilDate, skipped: [(CivilDate, String)]) {
        var skipped: [(CivilDate, String)] = []
        var day = deadline
        while let reason = closure(on: day), day < .last {
            skipped.append((day, reason))
            day = day.nextDay
        }
        return (day, skipped)
    }

    /// ``rollForward(_:)`` for a deadline that came from input: refuses one after the last
    /// year whose holidays are known (``checkCovers(_:field:)``), and one whose next open day
    /// would fall after it (2150-12-31 rolls onto 2151-01-01, whose closures are unknown).
    public func checkedRollForward(_ deadline: CivilDate, field: String) throws(InputError) -> (date: CivilDate, skipped: [(CivilDate, String)]) {
        try checkCovers(deadline, field: field)
        let rolled = rollForward(deadline)
        guard rolled.date.year <= JapaneseHolidays.lastComputableYear else {
            throw InputError(
                field: field,
                reason:
                    "\(deadline) is closed and the next open day would fall after \(JapaneseHolidays.lastComputableYear), the last year whose national holidays can be computed"
            )
        }
        return rolled
    }

    /// The open days from `from` through `to`, both counted.
    public func openDays(from: CivilDate, through to: CivilDate) -> Int {
        guard from <= to else { return 0 }
        var count = 0
        var day = from
        while day <= to {
            if !isClosed(day) { count += 1 }
            guard day < to else { break }
            day = day.nextDay
        }
        return count
    }

    /// The last day of a period of `count` open days after an event on `eventDay` (the event's
    /// day is not counted, 民法第140条): the `count`-th open day after it.
    public func lastDay(ofOpenDays count: Int, afterEventOn eventDay: CivilDate) -> CivilDate {
        var day = eventDay
        var remaining = count
        while remaining > 0 && day < .last {
            day = day.nextDay
            if !isClosed(day) { remaining -= 1 }
        }
        return day
    }
}

/// The calendars the library ships, by name.
public enum Calendars {
    public static let all: [any ClosingCalendar] = [NationalHolidayCalendar(), GovernmentOfficeCalendar(), BankCalendar()]

    /// The shipped calendar called `name`, or nil.
    public static func named(_ name: String) -> (any ClosingCalendar)? { all.first { $0.name == name } }
}

/// Weekend names for closure reasons.
func weekendClosure(_ date: CivilDate) -> String? {
    switch date.weekday {
    case .saturday: return "土曜日 (Saturday)"
    case .sunday: return "日曜日 (Sunday)"
    default: return nil
    }
}

func holidayClosure(_ date: CivilDate) -> String? {
    JapaneseHolidays.holiday(on: date).map { "\($0.name)\($0.provisional ? " (provisional)" : "")" }
}
