/// Day numbers to and from year, month and day by table lookup: a rate cut at each 1 January, a
/// low period of whole months and every date read ask for them on every row, and the tables
/// answer in a few loads where the calendar arithmetic (`arithmeticDayNumber`,
/// `arithmeticComponents`) takes a dozen divisions. The tables are built from that arithmetic,
/// which stays the definition; the tests compare the two on every supported day.
extension CivilDate {
    /// The day number of 1 January of every supported year and of the year after the last
    /// (index 0 is year 1): 10,000 entries, 40 KB, made once and never freed. A pointer, not an
    /// array, so that reading it on every row retains nothing.
    nonisolated(unsafe) private static let yearStarts: UnsafeBufferPointer<Int32> = .table(
        (supportedYears.lowerBound...supportedYears.upperBound + 1).map { Int32(arithmeticDayNumber(year: $0, month: 1, day: 1)) })

    /// Days before the first of each month and of the next year, in a common year (indexes 0
    /// to 12, 0 is January) and then in a leap year (13 to 25).
    nonisolated(unsafe) private static let daysBeforeMonth: UnsafeBufferPointer<Int> = .table([
        0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365,
        0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366,
    ])

    /// The year that holds the day with this number (which must be a supported day).
    static func year(ofDayNumber number: Int) -> Int {
        let starts = yearStarts
        // 146,097 days in 400 years: the estimate is the year or the one after it.
        var index = (number - firstDayNumber) * 400 / 146_097
        if index >= starts.count - 1 || Int(starts[index]) > number { index -= 1 }
        if Int(starts[index + 1]) <= number { index += 1 }
        return index + supportedYears.lowerBound
    }

    /// The day number of 1 January of a supported year.
    static func firstDayNumber(ofYear year: Int) -> Int {
        Int(yearStarts[year - supportedYears.lowerBound])
    }

    /// The day number of `year`-`month`-`day`, for a supported year and a month of 1 to 12; the
    /// day may run past the month's end (the 32nd of January is 1 February).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        firstDayNumber(ofYear: year) + daysBeforeMonth[(isLeapYear(year) ? 13 : 0) + month - 1] + day - 1
    }

    /// Year, month and day of a supported day number.
    static func components(ofDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        let year = year(ofDayNumber: number)
        let dayOfYear = number - firstDayNumber(ofYear: year)
        let table = isLeapYear(year) ? 13 : 0
        // Every month has 28 to 31 days: dividing by 32 gives the month or the one before it.
        var month = dayOfYear / 32 + 1
        if dayOfYear >= daysBeforeMonth[table + month] { month += 1 }
        return (year, month, dayOfYear - daysBeforeMonth[table + month - 1] + 1)
    }

}
