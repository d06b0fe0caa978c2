import Foundation
import LatePenalty
import Testing

@Suite("Closing calendars and deadline roll-over")
struct CalendarTests {
    let government = GovernmentOfficeCalendar()
    let bank = BankCalendar()

    @Test func yearEnd() {
        // 12/29–1/3 closed: a deadline inside the break moves to 1/4 when that is a weekday.
        #expect(government.rollForward(d("2022-12-30")).date == d("2023-01-04"))
        #expect(government.previousOpenDay(onOrBefore: d("2022-12-30")) == d("2022-12-28"))
        #expect(government.rollForward(d("2025-12-28")).date == d("2026-01-05"))  // Sunday, the break, then Sunday 1/4
        #expect(government.rollForward(d("2025-12-28")).skipped.count == 8)
        // Banks are open on 12/29 and 12/30.
        #expect(!bank.isClosed(d("2022-12-29")) && !bank.isClosed(d("2022-12-30")))
        #expect(bank.isClosed(d("2022-12-31")) && bank.isClosed(d("2023-01-03")))
        #expect(bank.rollForward(d("2022-12-31")).date == d("2023-01-04"))
    }

    @Test func goldenWeekAndSubstituteHolidays() {
        #expect(government.rollForward(d("2026-05-02")).date == d("2026-05-07"))
        #expect(government.rollForward(d("2026-05-06")).date == d("2026-05-07"))  // on a 振替休日
        #expect(government.rollForward(d("2024-02-12")).date == d("2024-02-13"))  // 振替休日 for 建国記念の日
        #expect(government.rollForward(d("2026-05-08")).date == d("2026-05-08"))  // open: unchanged
        #expect(NationalHolidayCalendar().isClosed(d("2026-05-06")))
        #expect(!NationalHolidayCalendar().isClosed(d("2026-05-09")))  // a Saturday is open in this calendar
    }

    @Test func openDaysAndWorkingDayPeriods() {
        #expect(government.openDays(from: d("2026-04-27"), through: d("2026-05-08")) == 6)
        #expect(government.lastDay(ofOpenDays: 10, afterEventOn: d("2026-04-30")) == d("2026-05-19"))
        var inspection = InspectionDeadline(noticeReceived: d("2026-04-30"), fixedDate: nil)
        #expect(inspection.compute().date == d("2026-05-10"))  // 10 calendar days
        inspection.openDaysOf = government
        #expect(inspection.compute().date == d("2026-05-19"))  // 10 open days
        var payment = PaymentDeadline(invoiceReceived: d("2026-04-01"))
        payment.openDaysOf = government
        #expect(payment.compute().date == d("2026-05-19"))  // 20 open days in April after the 1st (4/29 closed), then 5/1, 5/7 … 5/19
    }

    @Test func rollDueInARegime() throws {
        let rolled = try RegimeCatalog.bundled.compute([
            "regime": "local-tax-arrears", "amount": "100000", "due": "2026-01-03", "paid": "2026-03-31", "roll_due": "government",
        ])
        #expect(rolled.explanation.window?.first == d("2026-01-06"))
        #expect(rolled.explanation.notes.first?.contains("moved to 2026-01-05") == true)
        let plain = try RegimeCatalog.bundled.compute(["regime": "local-tax-arrears", "amount": "100000", "due": "2026-01-03", "paid": "2026-03-31"])
        #expect(plain.countedDays == rolled.countedDays + 2)
        #expect(throws: InputError(field: "roll_due", reason: "unknown calendar 'post-office'; use one of national-holidays, government, bank")) {
            try RegimeCatalog.bundled.compute([
                "regime": "custom", "rate": "3", "amount": "100000", "due": "2026-01-03", "paid": "2026-03-31", "roll_due": "post-office",
            ])
        }
        let payment = try RegimeCatalog.bundled.compute([
            "regime": "contract-late-payment", "amount": "7300000", "due": "2026-05-03", "paid": "2026-05-17", "roll_due": "government",
        ])
        #expect(payment.countedDays == 10)  // due 5/3 → 5/7; 5/8 .. 5/17
    }

    @Test func aUsersCalendarFile() throws {
        let path = "/tmp/penalty-calendar-\(UInt32.random(in: 0...UInt32.max)).csv"
        try Data("base,government\ndate,action,name\n2026-06-01,close,創立記念日\nR8.5.6,open,臨時開庁\n".utf8).write(to: URL(fileURLWithPath: path))
        let calendar = try CustomCalendar.load(path: path)
        #expect(calendar.closure(on: d("2026-06-01")) == "創立記念日")
        #expect(!calendar.isClosed(d("2026-05-06")))
        #expect(calendar.isClosed(d("2026-05-05")))
        try Data("2026-06-31,close,x\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: InputError.self) { try CustomCalendar.load(path: path) }
    }
}
