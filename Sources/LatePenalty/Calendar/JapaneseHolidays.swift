/// National holidays of Japan computed by the rules of 国民の祝日に関する法律 from 1948-07-20 on,
/// with the one-off holidays of special laws. Checked day by day against the Cabinet Office list
/// for 1955–2027 (Tests/LatePenaltyTests/Resources/syukujitsu.csv).
public enum JapaneseHolidays {
    /// The last year of the Cabinet Office list the rules were checked against; later years are
    /// computed by the same rules and flagged provisional.
    public static let lastPublishedYear = 2027

    /// The last year whose holidays can be computed: 春分の日 and 秋分の日 follow the equinox
    /// formula, which holds for 1900–2150 only. Later years have no known holidays, so the
    /// calendars refuse dates after it (``ClosingCalendar/checkCovers(_:field:)``) rather than
    /// guess.
    public static let lastComputableYear = 2150

    /// The day the Act came into force.
    public static let actInForce = CivilDate(year: 1948, month: 7, day: 20)!

    /// Every holiday of `year`, in date order; none before 1948 and none after
    /// ``lastComputableYear`` (unknown: check with ``ClosingCalendar/checkCovers(_:field:)``).
    public static func holidays(in year: Int) -> [NationalHoliday] {
        guard year >= 1948 && year <= lastComputableYear else { return [] }
        let provisional = year > lastPublishedYear
        var days: [CivilDate: (name: String, listName: String)] = [:]
        for (date, name, listName) in statutoryHolidays(year) where date >= actInForce {
            days[date] = (name, listName ?? name)
        }
        var result = days.map { NationalHoliday(date: $0.key, name: $0.value.name, kind: .holiday, listName: $0.value.listName, provisional: provisional) }
        // 振替休日: a holiday on a Sunday gives the next non-holiday day (before 2007: the Monday,
        // if it is not a holiday itself).
        var substitutes = Set<CivilDate>()
        for date in days.keys where date.weekday == .sunday && date >= CivilDate(year: 1973, month: 4, day: 12)! {
            var next = date.nextDay
            if date >= CivilDate(year: 2007, month: 1, day: 1)! {
                while days[next] != nil { next = next.nextDay }
            } else if days[next] != nil {
                continue
            }
            if next.year == year { substitutes.insert(next) }
        }
        // The holiday on 31 December never falls on a Sunday-eve of next year's 元日 issue: only
        // same-year days are kept above; a substitute for a holiday in the previous year's last
        // days would be on 1 January, itself a holiday.
        for date in substitutes {
            result.append(NationalHoliday(date: date, name: "振替休日", kind: .substitute, listName: "休日", provisional: provisional))
        }
        // 国民の休日: a day between two holidays that is not a Sunday, a holiday or a substitute.
        if year >= 1985 {
            for date in days.keys {
                let between = date.advanced(by: 2)
                let middle = date.nextDay
                guard days[between] != nil, days[middle] == nil, !substitutes.contains(middle), middle.weekday != .sunday,
                    middle >= CivilDate(year: 1985, month: 12, day: 27)!
                else { continue }
                result.append(NationalHoliday(date: middle, name: "国民の休日", kind: .citizens, listName: "休日", provisional: provisional))
            }
        }
        return result.sorted { $0.date < $1.date }
    }

    /// The holiday on `date`, if any.
    public static func holiday(on date: CivilDate) -> NationalHoliday? {
        holidays(in: date.year).first { $0.date == date }
    }

    /// The holidays from `from` through `to`.
    public static func holidays(from: CivilDate, through to: CivilDate) -> [NationalHoliday] {
        guard from <= to else { return [] }
        return (from.year...min(to.year, max(from.year, lastComputableYear))).flatMap { holidays(in: $0) }.filter { $0.date >= from && $0.date <= to }
    }

    /// The 祝日 of `year` by the Act as amended (and the special laws), as (date, name, list label).
    static func statutoryHolidays(_ year: Int) -> [(CivilDate, String, String?)] {
        func day(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }
        func monday(_ month: Int, _ nth: Int) -> CivilDate {
            let first = day(month, 1)
            let offset = (Weekday.monday.rawValue - first.weekday.rawValue + 7) % 7
            return first.advanced(by: offset + 7 * (nth - 1))
        }
        var list: [(CivilDate, String, String?)] = []
        func add(_ date: CivilDate, _ name: String, _ listName: String? = nil) { list.append((date, name, listName)) }

        add(day(1, 1), "元日")
        add(year >= 2000 ? monday(1, 2) : day(1, 15), "成人の日")
        if year >= 1967 { add(day(2, 11), "建国記念の日") }
        if year >= 2020 { add(day(2, 23), "天皇誕生日") }
        add(day(3, vernalEquinoxDay(year)), "春分の日")
        switch year {
        case ...1988: add(day(4, 29), "天皇誕生日")
        case 1989...2006: add(day(4, 29), "みどりの日")
        default: add(day(4, 29), "昭和の日")
        }
        add(day(5, 3), "憲法記念日")
        if year >= 2007 { add(day(5, 4), "みどりの日") }
        add(day(5, 5), "こどもの日")
        switch year {
        case 1996...2002: add(day(7, 20), "海の日")
        case 2020: add(day(7, 23), "海の日")
        case 2021: add(day(7, 22), "海の日")
        case 2003...: add(monday(7, 3), "海の日")
        default: break
        }
        switch year {
        case 2020: add(day(8, 10), "山の日")
        case 2021: add(day(8, 8), "山の日")
        case 2016...: add(day(8, 11), "山の日")
        default: break
        }
        switch year {
        case 1966...2002: add(day(9, 15), "敬老の日")
        case 2003...: add(monday(9, 3), "敬老の日")
        default: break
        }
        add(day(9, autumnalEquinoxDay(year)), "秋分の日")
        switch year {
        case 1966...1999: add(day(10, 10), "体育の日")
        case 2000...2018: add(monday(10, 2), "体育の日")
        case 2019: add(monday(10, 2), "体育の日", "体育の日（スポーツの日）")
        case 2020: add(day(7, 24), "スポーツの日")
        case 2021: add(day(7, 23), "スポーツの日")
        case 2022...: add(monday(10, 2), "スポーツの日")
        default: break
        }
        add(day(11, 3), "文化の日")
        add(day(11, 23), "勤労感謝の日")
        if (1989...2018).contains(year) { add(day(12, 23), "天皇誕生日") }
        // One-off holidays by special laws.
        switch year {
        case 1959: add(day(4, 10), "皇太子明仁親王の結婚の儀", "結婚の儀")
        case 1989: add(day(2, 24), "昭和天皇の大喪の礼", "大喪の礼")
        case 1990: add(day(11, 12), "即位礼正殿の儀")
        case 1993: add(day(6, 9), "皇太子徳仁親王の結婚の儀", "結婚の儀")
        case 2019:
            add(day(5, 1), "天皇の即位の日", "休日（祝日扱い）")
            add(day(10, 22), "即位礼正殿の儀", "休日（祝日扱い）")
        default: break
        }
        return list
    }

    /// The day of March of 春分の日: the formula used for the published dates (国立天文台's
    /// approximation), in exact integer arithmetic. Valid for 1900–2150; the 官報 fixes each year.
    static func vernalEquinoxDay(_ year: Int) -> Int {
        equinoxDay(year, base1900: 20_835_700, base1980: 20_843_100, base2100: 21_851_000)
    }

    /// The day of September of 秋分の日, likewise.
    static func autumnalEquinoxDay(_ year: Int) -> Int {
        equinoxDay(year, base1900: 23_258_800, base1980: 23_248_800, base2100: 24_248_800)
    }

    /// floor(base + 0.242194 × (year − 1980) − floor((year − 1980) / 4)), in millionths.
    private static func equinoxDay(_ year: Int, base1900: Int, base1980: Int, base2100: Int) -> Int {
        let base = year < 1980 ? base1900 : (year < 2100 ? base1980 : base2100)
        let offset = year - 1980
        let leapDays = offset >= 0 ? offset / 4 : -((-offset + 3) / 4)
        let value = base + 242_194 * offset - leapDays * 1_000_000
        return value >= 0 ? value / 1_000_000 : -((-value + 999_999) / 1_000_000)
    }
}
