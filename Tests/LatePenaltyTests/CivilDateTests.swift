import LatePenalty
import PropertyBased
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    @Test func dayNumberRoundTripsOver1600to2400() async {
        await propertyCheck(count: 2000, input: Gen.int(in: dayNumbers1600to2400)) { number in
            let date = CivilDate(dayNumber: number)
            let (year, month, day) = date.components
            #expect(CivilDate(year: year, month: month, day: day) == date)
            #expect(CivilDate(iso8601: date.iso8601) == date)
            #expect(date.nextDay.dayNumber == number + 1)
            #expect((1...CivilDate.daysInMonth(year: year, month: month)).contains(day))
        }
    }

    @Test func everyDayOf1600to2400InOrder() {
        // Walk every day: components advance by exactly one calendar day each time.
        var previous = CivilDate(dayNumber: dayNumbers1600to2400.lowerBound).components
        for number in dayNumbers1600to2400.dropFirst() {
            let current = CivilDate(dayNumber: number).components
            if current.day == 1 {
                #expect(previous.day == CivilDate.daysInMonth(year: previous.year, month: previous.month))
                #expect(current.month == previous.month % 12 + 1)
            } else {
                #expect(current.day == previous.day + 1 && current.month == previous.month && current.year == previous.year)
            }
            previous = current
        }
    }

    @Test func tablesAgreeWithTheCalendarArithmeticOnEverySupportedDay() {
        // The year and month tables answer every conversion; the arithmetic they are built
        // from is the definition. Years 1–9999, every day, both directions.
        var mismatches = 0
        for number in CivilDate.first.dayNumber...CivilDate.last.dayNumber {
            let date = CivilDate(dayNumber: number)
            let expected = CivilDate.arithmeticComponents(ofDayNumber: number)
            let components = date.components
            if components != expected || date.year != expected.year
                || CivilDate(year: expected.year, month: expected.month, day: expected.day)?.dayNumber != number
            {
                mismatches += 1
            }
            if expected.month == 12 && expected.day == 31 {
                if CivilDate.lastDay(ofYear: expected.year) != date
                    || CivilDate.firstDay(ofYear: expected.year).dayNumber != number - 364 - (CivilDate.isLeapYear(expected.year) ? 1 : 0)
                {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0)
        #expect(CivilDate.arithmeticDayNumber(year: 9999, month: 12, day: 31) == CivilDate.last.dayNumber)
    }

    @Test func knownDays() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("2000-03-01").dayNumber == 11_017)
        #expect(d("2022-03-25").weekday == .friday)
        #expect(d("2019-05-01").weekday == .wednesday)
        #expect(d("1600-01-01").weekday == .saturday)
        #expect(d("2024-02-29").weekday.japaneseName == "木")
    }

    @Test func leapYears() {
        #expect(CivilDate.isLeapYear(2024))
        #expect(CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(!CivilDate.isLeapYear(2100))
        #expect(!CivilDate.isLeapYear(2023))
        #expect(CivilDate.daysInYear(2400) == 366)
    }

    @Test func isoParsingIsStrict() {
        #expect(CivilDate(iso8601: "2024-02-29") != nil)
        for bad in [
            "2021-02-29", "2022-04-31", "2022-13-01", "2022-00-10", "2022-3-25", "22-03-25", "2022/03/25", " 2022-03-25", "2022-03-25 ", "0000-01-01", "",
        ] {
            #expect(CivilDate(iso8601: bad) == nil, "\(bad) should be rejected")
        }
    }

    @Test func parseErrorsSayWhy() {
        #expect(throws: InputError(field: "paid", reason: "'2021-02-29' does not exist: 2021-02 has 28 days (2021 is not a leap year)")) {
            try CivilDate.parse("2021-02-29", field: "paid")
        }
        #expect(
            throws: InputError(
                field: "due", reason: "'25.03.2022' is not a date; write YYYY-MM-DD (2022-03-25), YYYY/M/D (2022/3/25) or an era date (令和4年3月25日, R4.3.25)")
        ) {
            try CivilDate.parse("25.03.2022", field: "due")
        }
    }

    @Test func everyAcceptedDateForm() throws {
        let forms: [(String, String)] = [
            ("2022-03-25", "2022-03-25"), ("2022/3/25", "2022-03-25"), ("2022/03/25", "2022-03-25"), ("2022.3.25", "2022-03-25"),
            ("2022年3月25日", "2022-03-25"), ("令和4年3月25日", "2022-03-25"), ("令和3年4月1日", "2021-04-01"), ("R3.4.1", "2021-04-01"),
            ("r3.4.1", "2021-04-01"), ("R03.04.01", "2021-04-01"), ("R3/4/1", "2021-04-01"), ("H31.4.30", "2019-04-30"),
            ("平成31年4月30日", "2019-04-30"), ("令和元年5月1日", "2019-05-01"), ("R元.5.1", "2019-05-01"), ("平成元年1月8日", "1989-01-08"),
            ("昭和64年1月7日", "1989-01-07"), ("S64.1.7", "1989-01-07"), ("大正15年12月24日", "1926-12-24"), ("明治45年7月29日", "1912-07-29"),
            ("２０２２／３／２５", "2022-03-25"), ("令和４年３月２５日", "2022-03-25"), ("令和 4年 3月 25日", "2022-03-25"),
        ]
        for (text, iso) in forms {
            #expect(try CivilDate.parse(text, field: "due") == d(iso), "\(text)")
        }
    }

    @Test func impossibleDatesAreErrorsNeverMoved() {
        let cases: [(String, String)] = [
            ("2021-02-29", "'2021-02-29' does not exist: 2021-02 has 28 days (2021 is not a leap year)"),
            ("2021/2/29", "'2021/2/29' does not exist: 2021-02 has 28 days (2021 is not a leap year)"),
            ("令和3年2月29日", "'令和3年2月29日' does not exist: 2021-02 has 28 days (2021 is not a leap year)"),
            ("平成32年1月1日", "'平成32年1月1日': 平成 has no year 32; it ended in 平成31年 (2019-04-30)"),
            ("平成31年5月1日", "'平成31年5月1日' is after 平成 ended (2019-04-30); that day is 令和元年5月1日"),
            ("R1.4.30", "'R1.4.30' is before 令和 began (2019-05-01); that day is 平成31年4月30日"),
            ("令和0年1月1日", "'令和0年1月1日': an era year starts at 元年 (1); there is no 令和0年"),
            ("2022-13-01", "'2022-13-01' has no month 13"),
            ("22/3/25", "'22/3/25': write the year with four digits"),
            ("令和4年3月", "'令和4年3月' is not a date; write YYYY-MM-DD (2022-03-25), YYYY/M/D (2022/3/25) or an era date (令和4年3月25日, R4.3.25)"),
        ]
        for (text, reason) in cases {
            #expect(throws: InputError(field: "paid", reason: reason), "\(text)") { try CivilDate.parse(text, field: "paid") }
        }
    }

    @Test func eraFormatting() {
        #expect(JapaneseEra.format(d("2019-05-01")) == "令和元年5月1日")
        #expect(JapaneseEra.format(d("2019-04-30")) == "平成31年4月30日")
        #expect(JapaneseEra.format(d("2022-03-25")) == "令和4年3月25日")
        #expect(JapaneseEra.format(d("1850-01-01")) == nil)
    }

    @Test func eraDatesRoundTrip() async {
        await propertyCheck(count: 1000, input: Gen.int(in: d("1873-01-01").dayNumber...d("2100-12-31").dayNumber)) { number in
            let date = CivilDate(dayNumber: number)
            let text = JapaneseEra.format(date)!
            #expect(try! CivilDate.parse(text, field: "due") == date)
        }
    }

    @Test func monthArithmeticClampsToMonthEnd() {
        #expect(d("2024-01-31").addingMonths(1) == d("2024-02-29"))
        #expect(d("2023-01-31").addingMonths(1) == d("2023-02-28"))
        #expect(d("2024-03-31").addingMonths(-1) == d("2024-02-29"))
        #expect(d("2024-12-15").addingMonths(1) == d("2025-01-15"))
        #expect(d("2024-01-15").addingMonths(-13) == d("2022-12-15"))
    }
}

@Suite("Civil Code periods (民法140条・143条)")
struct CivilPeriodTests {
    @Test func oneMonthFromTheDayAfterTheDeadline() {
        // 地方税 延滞金: low rate through the day on which one month has elapsed.
        #expect(CivilPeriod.months(1).lastDay(afterEventOn: d("2026-02-02")) == d("2026-03-02"))
        #expect(CivilPeriod.months(1).lastDay(afterEventOn: d("2024-01-31")) == d("2024-02-29"))
        #expect(CivilPeriod.months(1).lastDay(afterEventOn: d("2022-01-31")) == d("2022-02-28"))
        #expect(CivilPeriod.months(1).lastDay(afterEventOn: d("2017-04-30")) == d("2017-05-31"))
        #expect(CivilPeriod.months(1).lastDay(afterEventOn: d("2025-05-30")) == d("2025-06-30"))
    }

    @Test func twoMonthsFromTheDayAfterTheDeadline() {
        // 国税 延滞税: low rate through the day on which two months have elapsed.
        #expect(CivilPeriod.months(2).lastDay(afterEventOn: d("2025-12-30")) == d("2026-02-28"))
        #expect(CivilPeriod.months(2).lastDay(afterEventOn: d("2023-12-30")) == d("2024-02-29"))
        #expect(CivilPeriod.months(2).lastDay(afterEventOn: d("2025-03-31")) == d("2025-05-31"))
        #expect(CivilPeriod.months(2).lastDay(afterEventOn: d("2025-12-31")) == d("2026-02-28"))
    }

    @Test func daysWeeksYears() {
        #expect(CivilPeriod.days(10).lastDay(afterEventOn: d("2022-03-10")) == d("2022-03-20"))
        #expect(CivilPeriod.days(30).lastDay(afterEventOn: d("2022-04-01")) == d("2022-05-01"))
        #expect(CivilPeriod.weeks(2).lastDay(countingFrom: d("2022-03-01")) == d("2022-03-14"))
        #expect(CivilPeriod.years(1).lastDay(countingFrom: d("2024-04-01")) == d("2025-03-31"))
        #expect(CivilPeriod.years(1).lastDay(countingFrom: d("2024-02-29")) == d("2025-02-28"))
        #expect(CivilPeriod.years(2).lastDay(countingFrom: d("2009-10-05")) == d("2011-10-04"))
        #expect(CivilPeriod.months(1).lastDay(countingFrom: d("2024-03-01")) == d("2024-03-31"))
    }

    @Test func aPeriodOfMonthsIsNeverShorterThanItsMonths() async {
        await propertyCheck(count: 1000, input: Gen.int(in: dayNumbers1600to2400), Gen.int(in: 1...24)) { number, months in
            let first = CivilDate(dayNumber: number)
            let last = CivilPeriod.months(months).lastDay(countingFrom: first)!
            #expect(last >= first)
            // The next period starts the day after and ends no earlier.
            #expect(CivilPeriod.months(months).lastDay(countingFrom: last.nextDay)! > last)
            #expect(first.distance(to: last) + 1 >= 28 * months)
            #expect(first.distance(to: last) + 1 <= 31 * months + 1)
        }
    }
}
