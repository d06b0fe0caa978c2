import Foundation
import LatePenalty
import PropertyBased
import Testing

@Suite("Japanese national holidays")
struct HolidayTests {
    /// The Cabinet Office list, by date: name.
    static let published: [CivilDate: String] = {
        let path = "/" + #filePath.split(separator: "/").dropLast().joined(separator: "/") + "/Resources/syukujitsu.csv"
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        var result: [CivilDate: String] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let parts = line.split(separator: ",")
            result[try! CivilDate.parse(parts[0], field: "date")] = String(parts[1])
        }
        return result
    }()

    @Test func everyDay1955Through2027MatchesTheCabinetOfficeList() {
        #expect(Self.published.count == 1067)
        var computed: [CivilDate: String] = [:]
        for year in 1955...2027 {
            for holiday in JapaneseHolidays.holidays(in: year) where holiday.date <= d("2027-11-23") {
                computed[holiday.date] = holiday.listName
            }
        }
        for (date, name) in Self.published.sorted(by: { $0.key < $1.key }) where computed[date] != name {
            Issue.record("\(date): published \(name), computed \(computed[date] ?? "nothing")")
        }
        for (date, name) in computed.sorted(by: { $0.key < $1.key }) where Self.published[date] == nil {
            Issue.record("\(date): computed \(name), not in the published list")
        }
    }

    @Test func namesAndKinds() {
        #expect(JapaneseHolidays.holiday(on: d("2019-05-01"))?.name == "天皇の即位の日")
        #expect(JapaneseHolidays.holiday(on: d("2019-04-30"))?.kind == .citizens)
        #expect(JapaneseHolidays.holiday(on: d("2019-05-06"))?.name == "振替休日")
        #expect(JapaneseHolidays.holiday(on: d("1948-09-23"))?.name == "秋分の日")
        #expect(JapaneseHolidays.holiday(on: d("1948-05-05")) == nil)  // before the Act
        #expect(JapaneseHolidays.holiday(on: d("2026-09-22"))?.kind == .citizens)  // Silver Week
        #expect(JapaneseHolidays.holiday(on: d("2028-01-01"))?.provisional == true)
        #expect(JapaneseHolidays.holiday(on: d("2027-01-01"))?.provisional == false)
    }

    @Test func atMostOneSubstitutePerHolidayAndOnlyAfterASunday() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1949...2150)) { year in
            let holidays = JapaneseHolidays.holidays(in: year)
            let substitutes = holidays.filter { $0.kind == .substitute }
            let sundays = holidays.filter { $0.kind == .holiday && $0.date.weekday == .sunday }
            #expect(substitutes.count <= sundays.count)
            for substitute in substitutes {
                // The run of holidays just before it starts with a Sunday holiday.
                var day = substitute.date.previousDay
                var sawSunday = false
                while let holiday = holidays.first(where: { $0.date == day }), holiday.kind == .holiday {
                    if day.weekday == .sunday { sawSunday = true }
                    day = day.previousDay
                }
                #expect(sawSunday, "\(substitute)")
            }
        }
    }

    @Test func citizensHolidaysLieBetweenTwoHolidays() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1949...2150)) { year in
            let holidays = JapaneseHolidays.holidays(in: year)
            for holiday in holidays where holiday.kind == .citizens {
                let before = holidays.first { $0.date == holiday.date.previousDay }
                let after = holidays.first { $0.date == holiday.date.nextDay }
                #expect(before?.kind == .holiday && after?.kind == .holiday, "\(holiday)")
                #expect(holiday.date.weekday != .sunday)
            }
        }
    }

    @Test func happyMondayHolidaysAreMondays() async {
        await propertyCheck(count: 200, input: Gen.int(in: 2003...2150)) { year in
            let mondays = ["成人の日", "海の日", "敬老の日", "体育の日", "スポーツの日"]
            for holiday in JapaneseHolidays.holidays(in: year) where mondays.contains(holiday.name) && ![2020, 2021].contains(year) {
                #expect(holiday.date.weekday == .monday, "\(holiday)")
            }
        }
    }
}
