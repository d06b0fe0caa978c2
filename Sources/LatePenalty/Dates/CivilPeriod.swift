/// A period fixed in days, weeks, months or years, counted by the rules of the Civil Code
/// (民法第138条–第143条), which Japanese statutes and contracts follow unless they say otherwise.
///
/// - 第140条 (初日不算入): a period that starts from an event does not count the event's day,
///   unless it begins at midnight; counting starts the next day.
/// - 第143条: weeks, months and years run by the calendar. A period that does not start at the
///   beginning of a week, month or year ends on the day before the day that corresponds to its
///   first day in the last week, month or year; when that month has no corresponding day, it ends
///   on that month's last day.
///
/// Examples: one month counted from 2026-02-03 ends on 2026-03-02; from 2024-02-01 on 2024-02-29;
/// two months from 2025-12-31 end on 2026-02-28 (no 2026-02-31, so February's last day).
public enum CivilPeriod: Sendable, Hashable, CustomStringConvertible {
    case days(Int)
    case weeks(Int)
    case months(Int)
    case years(Int)

    /// The numbers of months a low-rate period or a milestone may run, where such a count enters
    /// from a file or a row: 1 to 1,200 (a hundred years), far beyond any statute's.
    public static let monthCounts: ClosedRange<Int> = 1...1200

    /// The last day of the period whose first counted day is `firstDay`, or nil when it falls
    /// after 9999-12-31 (or before 0001-01-01 for a negative count): any count is safe to pass.
    public func lastDay(countingFrom firstDay: CivilDate) -> CivilDate? {
        switch self {
        case .days(let count):
            return firstDay.adding(days: count.subtractingReportingOverflow(1).partialValue)
        case .weeks(let count):
            let (days, overflow) = count.multipliedReportingOverflow(by: 7)
            return overflow ? nil : firstDay.adding(days: days.subtractingReportingOverflow(1).partialValue)
        case .months(let count):
            return CivilPeriod.lastDayOfMonths(count, from: firstDay)
        case .years(let count):
            let (months, overflow) = count.multipliedReportingOverflow(by: 12)
            return overflow ? nil : CivilPeriod.lastDayOfMonths(months, from: firstDay)
        }
    }

    /// The last day of the period that starts from an event on `eventDay` (民法第140条: the
    /// event's day is not counted, so counting starts the next day); nil past 9999-12-31.
    public func lastDay(afterEventOn eventDay: CivilDate) -> CivilDate? {
        eventDay.adding(days: 1).flatMap { lastDay(countingFrom: $0) }
    }

    public var description: String { OutputBytes.text { write(to: $0) } }

    /// Writes ``description`` to `out`: `2 months (2か月)`.
    func write(to out: OutputBytes) {
        let (count, unit, japanese): (Int, StaticString, StaticString) =
            switch self {
            case .days(let n): (n, " day", "日)")
            case .weeks(let n): (n, " week", "週間)")
            case .months(let n): (n, " month", "か月)")
            case .years(let n): (n, " year", "年)")
            }
        out.appendDecimal(count)
        out.append(literal: unit)
        if count != 1 { out.append(UInt8(ascii: "s")) }
        out.append(literal: " (")
        out.appendDecimal(count)
        out.append(literal: japanese)
    }

    private static func lastDayOfMonths(_ months: Int, from firstDay: CivilDate) -> CivilDate? {
        let (year, month, day) = firstDay.components
        // The month in which the period's last day falls, or whose corresponding day ends it.
        // Years are at most 9999, so the month index is small; only `months` can overflow it.
        let (index, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow else { return nil }
        let targetYear = index >= 0 ? index / 12 : (index - 11) / 12
        let targetMonth = index - targetYear * 12 + 1
        guard CivilDate.supportedYears.contains(targetYear) else { return nil }
        let length = CivilDate.daysInMonth(year: targetYear, month: targetMonth)
        // The day before the corresponding day; with none (the 29th–31st in a shorter month),
        // the month's last day.
        let last = CivilDate.dayNumber(year: targetYear, month: targetMonth, day: min(day, length + 1)) - 1
        return CivilDate(checkedDayNumber: last)
    }
}
