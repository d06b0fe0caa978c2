/// A Japanese era (元号) since the Gregorian calendar was adopted (明治6年, 1873), for reading and
/// writing dates such as 令和3年4月1日 or R3.4.1.
public struct JapaneseEra: Sendable, Hashable {
    /// 令和, 平成 …
    public let name: String
    /// The one-letter abbreviation used in forms and exports: R, H, S, T, M.
    public let letter: Character
    /// The era's first and last day in the Gregorian calendar (`last` is nil for the current era).
    public let first: CivilDate
    public let last: CivilDate?
    /// The Gregorian year of the era's first year (元年).
    public var firstYear: Int { eraYearOne }
    let eraYearOne: Int

    /// The eras from 明治 to 令和, newest first. 明治 starts on 1873-01-01 here: before 明治6年 Japan
    /// used the lunisolar calendar, whose dates this library does not read.
    public static let all: [JapaneseEra] = [
        JapaneseEra(name: "令和", letter: "R", first: CivilDate(year: 2019, month: 5, day: 1)!, last: nil, eraYearOne: 2019),
        JapaneseEra(
            name: "平成", letter: "H", first: CivilDate(year: 1989, month: 1, day: 8)!, last: CivilDate(year: 2019, month: 4, day: 30)!, eraYearOne: 1989),
        JapaneseEra(
            name: "昭和", letter: "S", first: CivilDate(year: 1926, month: 12, day: 25)!, last: CivilDate(year: 1989, month: 1, day: 7)!, eraYearOne: 1926),
        JapaneseEra(
            name: "大正", letter: "T", first: CivilDate(year: 1912, month: 7, day: 30)!, last: CivilDate(year: 1926, month: 12, day: 24)!, eraYearOne: 1912),
        JapaneseEra(
            name: "明治", letter: "M", first: CivilDate(year: 1873, month: 1, day: 1)!, last: CivilDate(year: 1912, month: 7, day: 29)!, eraYearOne: 1868),
    ]

    /// The era `date` falls in, or nil before 1873.
    public static func of(_ date: CivilDate) -> JapaneseEra? {
        all.first { date >= $0.first && ($0.last.map { date <= $0 } ?? true) }
    }

    /// `令和3年4月1日`, with 元年 for the first year.
    public static func format(_ date: CivilDate) -> String? {
        guard let era = of(date) else { return nil }
        let (year, month, day) = date.components
        let eraYear = year - era.eraYearOne + 1
        return "\(era.name)\(eraYear == 1 ? "元" : String(eraYear))年\(month)月\(day)日"
    }
}
