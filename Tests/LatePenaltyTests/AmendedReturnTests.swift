import LatePenalty
import PropertyBased
import Testing

/// 計算期間の特例 (国税通則法第61条第1項第1号): a tax amended more than a year after its 法定納期限
/// bears no 延滞税 from the day after that year until the amendment, unless it bears 重加算税;
/// the low-rate months run from the amendment (具体的納期限). After a late return (第2号) the year
/// runs from the day after the late return instead.
@Suite("Amended returns (計算期間の特例)")
struct AmendedReturnTests {
    static func compute(_ fields: [String: String]) throws -> ChargeResult {
        try RegimeCatalog.bundled.compute(["regime": "national-tax-arrears", "amount": "1000000", "due": "2024-03-15"].merging(fields) { $1 })
    }

    @Test func theDaysAfterAYearUntilTheAmendmentAreNotCounted() throws {
        let result = try Self.compute(["paid": "2025-12-31", "amended_on": "2025-07-31"])
        #expect(result.explanation.excludedRuns == [DateWindow(first: d("2025-03-16"), last: d("2025-07-31"))])
        #expect(result.explanation.segments.map(\.days) == [291, 135, 92])
        // Low rate through two months after the amendment (2025-09-30), high after.
        #expect(result.explanation.segments.map(\.rate.description) == ["2.4%", "2.4%", "8.7%"])
        #expect(result.amount == Yen(49900))
        let fact = try #require(result.explanation.inputs.first { $0.key == "amended_on" })
        #expect(fact.value.contains("2025-03-16..2025-07-31 not counted (国税通則法第61条第1項第1号"))
    }

    @Test func withinAYearNoDayIsExcluded() throws {
        let result = try Self.compute(["amount": "5000000", "paid": "2025-01-31", "amended_on": "2024-11-29"])
        #expect(result.explanation.excludedRuns.isEmpty)
        #expect(result.explanation.segments.map(\.days) == [291, 29, 2])
        #expect(result.amount == Yen(107_500))
    }

    @Test func withFraudTheSpecialRuleDoesNotApply() throws {
        let fraud = try Self.compute(["paid": "2025-12-31", "amended_on": "2025-07-31", "fraud": "yes"])
        #expect(fraud.explanation.excludedRuns.isEmpty)
        #expect(fraud.countedDays == 656)
        let fact = try #require(fraud.explanation.inputs.first { $0.key == "amended_on" })
        #expect(fact.value.contains("with 重加算税 the special rule does not apply"))
        #expect(try Self.compute(["paid": "2025-12-31", "amended_on": "2025-07-31", "fraud": "no"]).countedDays == 518)
    }

    @Test func afterALateReturnTheYearRunsFromIt() throws {
        // Filed late on 2024-05-10: the year from 2024-05-11 has elapsed on 2025-05-10.
        let late = try Self.compute(["paid": "2025-12-31", "amended_on": "2025-08-29", "late_return_on": "2024-05-10"])
        #expect(late.explanation.excludedRuns == [DateWindow(first: d("2025-05-11"), last: d("2025-08-29"))])
        #expect(late.explanation.segments.map(\.days) == [291, 191, 63])
        #expect(late.amount == Yen(46700))
        let fact = try #require(late.explanation.inputs.first { $0.key == "amended_on" })
        #expect(fact.value.contains("after the late return (期限後申告) on 2024-05-10; 2025-05-11..2025-08-29 not counted (国税通則法第61条第1項第2号"))
        // The same amendment after a timely return counts the year from the due date instead.
        let timely = try Self.compute(["paid": "2025-12-31", "amended_on": "2025-08-29"])
        #expect(timely.explanation.excludedRuns == [DateWindow(first: d("2025-03-16"), last: d("2025-08-29"))])
        // Within a year of the late return nothing is excluded, though a year from the due date has passed.
        let within = try Self.compute(["paid": "2025-12-31", "amended_on": "2025-06-30", "late_return_on": "2024-09-30"])
        #expect(within.explanation.excludedRuns.isEmpty && within.amount == Yen(64100))
        // 重加算税: no day excluded after a late return either.
        let fraud = try Self.compute(["paid": "2025-12-31", "amended_on": "2025-08-29", "late_return_on": "2024-05-10", "fraud": "yes"])
        #expect(fraud.explanation.excludedRuns.isEmpty && fraud.countedDays == 656)
    }

    @Test(arguments: [
        (["paid": "2025-12-31", "late_return_on": "2024-05-10"], "late_return_on", "without amended_on"),
        (["paid": "2025-12-31", "amended_on": "2025-07-31", "late_return_on": "2024-03-15"], "late_return_on", "is not after the due date"),
        (["paid": "2025-12-31", "amended_on": "2025-07-31", "late_return_on": "2025-08-01"], "late_return_on", "is after amended_on"),
        (["paid": "2025-12-31", "amended_on": "2025-07-31", "late_return_on": "2025-02-30"], "late_return_on", "does not exist"),
        (["paid": "2025-12-31", "fraud": "yes"], "fraud", "without amended_on"),
        (["paid": "2025-12-31", "amended_on": "2024-03-14"], "amended_on", "before the due date"),
        (["paid": "2025-12-31", "amended_on": "2025-07-31", "fraud": "maybe"], "fraud", "is not yes or no"),
        (["regime": "local-tax-arrears", "paid": "2025-12-31", "amended_on": "2025-07-31"], "amended_on", "is not used by local-tax-arrears"),
    ])
    func refusesWhatItCannotRead(_ fields: [String: String], _ field: String, _ reason: String) {
        do {
            _ = try Self.compute(fields)
            Issue.record("\(fields) computed")
        } catch let error as InputError {
            #expect(error.field == field && error.reason.contains(reason), "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    /// The special rule never raises the charge: it only removes days.
    @Test func theSpecialRuleNeverRaisesTheCharge() async {
        let gen = zip(
            Gen.int(in: d("2014-01-01").dayNumber...d("2023-12-31").dayNumber), Gen.int(in: 0...1000), Gen.int(in: 0...400), Gen.int(in: 10_000...900_000_000))
        await propertyCheck(count: 200, input: gen) { dueNumber, untilAmended, afterAmended, amount in
            let due = CivilDate(dayNumber: dueNumber), amended = CivilDate(dayNumber: dueNumber + untilAmended)
            let paid = CivilDate(dayNumber: min(amended.dayNumber + afterAmended, d("2026-12-31").dayNumber))
            guard paid >= amended else { return }
            let fields = ["amount": String(amount), "due": due.iso8601, "paid": paid.iso8601, "amended_on": amended.iso8601]
            let special = try! Self.compute(fields), none = try! Self.compute(fields.merging(["fraud": "yes"]) { $1 })
            #expect(special.exactAmount <= none.exactAmount && special.amount <= none.amount)
            #expect(special.countedDays + special.excludedDays == none.countedDays)
        }
    }

    /// After a late return the excluded days are those after a timely return whose due date
    /// were the late return's day: the year runs from the day after it either way, and the
    /// charge never exceeds the one with no special rule.
    @Test func aLateReturnCountsTheYearAsADueDateWould() async {
        let gen = zip(Gen.int(in: 1...700), Gen.int(in: 0...900), Gen.int(in: 0...300), Gen.int(in: 10_000...900_000_000))
        await propertyCheck(count: 200, input: gen) { afterDue, untilAmended, afterAmended, amount in
            let due = d("2022-03-15"), late = CivilDate(dayNumber: due.dayNumber + afterDue)
            let amended = CivilDate(dayNumber: late.dayNumber + untilAmended)
            let paid = CivilDate(dayNumber: min(amended.dayNumber + afterAmended, d("2026-12-31").dayNumber))
            guard paid >= amended else { return }
            let fields = ["amount": String(amount), "due": due.iso8601, "paid": paid.iso8601, "amended_on": amended.iso8601]
            let special = try! Self.compute(fields.merging(["late_return_on": late.iso8601]) { $1 })
            let asIfDue = try! Self.compute(fields.merging(["due": late.iso8601]) { $1 })
            #expect(special.explanation.excludedRuns == asIfDue.explanation.excludedRuns)
            let none = try! Self.compute(fields.merging(["late_return_on": late.iso8601, "fraud": "yes"]) { $1 })
            #expect(special.exactAmount <= none.exactAmount && special.countedDays + special.excludedDays == none.countedDays)
        }
    }

    @Test func aFileWithAmendments() throws {
        let csv = """
            id,regime,amount,due,paid,amended_on,fraud,late_return_on
            a,national-tax-arrears,1000000,2024-03-15,2025-12-31,2025-07-31,,
            b,national-tax-arrears,1000000,2024-03-15,2025-12-31,2025-07-31,yes,
            c,national-tax-arrears,1000000,2024-03-15,2025-12-31,,,
            d,national-tax-arrears,1000000,2024-03-15,2025-12-31,2025-08-29,,2024-05-10

            """
        let r = try runBatch(Array(csv.utf8))
        #expect(r.rows[1].hasPrefix("a,national-tax-arrears,ok,49900,518,138,"))
        #expect(r.rows[2].hasPrefix("b,national-tax-arrears,ok,"))
        #expect(r.rows[3].hasPrefix("c,national-tax-arrears,ok,"))
        #expect(r.rows[4].hasPrefix("d,national-tax-arrears,ok,46700,545,111,"))
    }
}
