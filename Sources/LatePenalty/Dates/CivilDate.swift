/// A day in the proleptic Gregorian calendar, with no time and no time zone: the unit in which
/// Japanese contracts and statutes count (日).
///
/// Stored as a day number (days since 1970-01-01), so comparison and day arithmetic are integer
/// operations; the year, month and day are derived on demand. Years 1 through 9999 are valid.
public struct CivilDate: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    /// The smallest and largest dates the type accepts.
    public static let supportedYears: ClosedRange<Int> = 1...9999

    /// The date with this day number.
    ///
    /// - Precondition: the day falls in ``supportedYears``.
    public init(dayNumber: Int) {
        precondition(
            dayNumber >= CivilDate.firstDayNumber && dayNumber <= CivilDate.lastDayNumber,
            "CivilDate: day number \(dayNumber) is outside years 1–9999")
        self.dayNumber = dayNumber
    }

    /// The date `year`-`month`-`day`, or `nil` when no such day exists (2021-02-29, 2022-04-31,
    /// month 13) or the year is outside ``supportedYears``.
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.supportedYears.contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        CivilDate.components(ofDayNumber: dayNumber)
    }

    public var year: Int { CivilDate.year(ofDayNumber: dayNumber) }
    public var month: Int { components.month }
    public var day: Int { components.day }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}

extension CivilDate {
    /// Whether `year` has 366 days (divisible by 4, except centuries not divisible by 400).
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// 365 or 366.
    public static func daysInYear(_ year: Int) -> Int { isLeapYear(year) ? 366 : 365 }

    /// The number of days in `month` of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether this date's year is a leap year.
    public var isInLeapYear: Bool { CivilDate.isLeapYear(year) }

    /// 1 January and 31 December of `year`.
    ///
    /// - Precondition: `year` is in ``supportedYears``.
    public static func firstDay(ofYear year: Int) -> CivilDate {
        precondition(supportedYears.contains(year), "CivilDate: year \(year) is outside years 1–9999")
        return CivilDate(dayNumber: firstDayNumber(ofYear: year))
    }

    ///
    /// - Precondition: `year` is in ``supportedYears``.
    public static func lastDay(ofYear year: Int) -> CivilDate {
        precondition(supportedYears.contains(year), "CivilDate: year \(year) is outside years 1–9999")
        return CivilDate(dayNumber: firstDayNumber(ofYear: year + 1) - 1)
    }

    static let firstDayNumber = arithmeticDayNumber(year: 1, month: 1, day: 1)
    static let lastDayNumber = arithmeticDayNumber(year: 9999, month: 12, day: 31)

    // Day-number conversions after Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms":
    // the year is shifted to start on 1 March so that the leap day falls at its end. They define
    // the tables that `dayNumber(year:month:day:)` and `components(ofDayNumber:)` read.
    package static func arithmeticDayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    package static func arithmeticComponents(ofDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
