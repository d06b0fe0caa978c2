import Foundation
import LatePenalty
import PropertyBased
import Testing

/// The data regimes (issue: regimes beyond the seed), through the public API.
@Suite("Regimes")
struct RegimeTests {
    let catalog = RegimeCatalog.bundled

    func compute(_ fields: [String: String]) throws(InputError) -> ChargeResult { try catalog.compute(fields) }

    @Test func bundledRegimesAreThere() {
        for name in ["contract-late-completion", "local-tax-arrears", "national-tax-arrears", "payment-delay-act", "civil-statutory", "custom"] {
            #expect(catalog.regime(named: name) != nil, "\(name)")
        }
    }

    // MARK: Published examples (vectors/published-examples.json) through the API

    @Test(arguments: [
        ("56400", "2026-02-02", "2026-05-29", "1300", ["120", "1228"]),
        ("117300", "2024-01-31", "2024-08-31", "5300", ["223", "5131"]),
        ("200000", "2022-01-31", "2022-03-25", "1500", ["368", "1191"]),
        ("45000", "2017-04-30", "2017-08-31", "1100", ["103", "1020"]),
        ("600500", "2021-12-27", "2022-01-27", "1200", ["164", "1065"]),
        ("65000", "2021-05-31", "2022-01-31", "3400", ["133", "2883", "480"]),
    ])
    func localTaxPublishedExamples(amount: String, due: String, paid: String, expected: String, segments: [String]) throws {
        let result = try compute(["regime": "local-tax-arrears", "amount": amount, "due": due, "paid": paid])
        #expect(result.amount.value.description == expected)
        #expect(result.explanation.segments.map { $0.rounded!.value.description } == segments)
    }

    @Test func civilCourtStylePublishedExample() throws {
        let result = try compute(["regime": "civil-statutory", "amount": "1000000", "due": "2009-10-04", "paid": "2011-12-10"])
        #expect(result.amount == Yen(109_178))
        #expect(result.explanation.segments.map(\.rounded) == [Yen(100_000), Yen(9_178)])
    }

    @Test func publishedExamplesThroughTheBatch() throws {
        let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        let csv = try Data(contentsOf: URL(fileURLWithPath: "/" + path + "/examples/published.csv"))
        var rows: [String] = []
        let summary = try Batch.run(csv: [UInt8](csv), output: { rows.append($0) }, diagnostics: { Issue.record("\($0)") })
        #expect(summary.rejected == 0)
        #expect(
            rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] } == [
                "1300", "5300", "1500", "1100", "109178", "1200", "3400",
            ])
    }

    // MARK: Milestones and splitting

    @Test func lowRatePeriodEndsByCivilCode143() throws {
        func lowEnd(_ regime: String, _ due: String) throws -> CivilDate {
            let result = try compute(["regime": regime, "amount": "10000000", "due": due, "paid": "2026-12-31"])
            return result.explanation.segments.last { $0.rateNote?.hasPrefix("low") == true }!.window.last
        }
        #expect(try lowEnd("local-tax-arrears", "2026-02-02") == d("2026-03-02"))
        #expect(try lowEnd("local-tax-arrears", "2025-01-31") == d("2025-02-28"))
        #expect(try lowEnd("national-tax-arrears", "2025-12-30") == d("2026-02-28"))
        #expect(try lowEnd("national-tax-arrears", "2025-03-31") == d("2025-05-31"))
    }

    @Test func milestoneIsTheDayBeforeTheCorrespondingDayOrMonthEnd() async {
        await propertyCheck(count: 1000, input: Gen.int(in: d("2000-01-01").dayNumber...d("2026-10-31").dayNumber), Gen.int(in: 1...2)) { dueNumber, months in
            let due = CivilDate(dayNumber: dueNumber)
            let first = due.nextDay
            let end = CivilPeriod.months(months).lastDay(afterEventOn: due)!
            let target = CivilDate(year: first.year, month: first.month, day: 1)!.addingMonths(months)!
            if first.day <= CivilDate.daysInMonth(year: target.year, month: target.month) {
                #expect(end.nextDay == CivilDate(year: target.year, month: target.month, day: first.day)!)
            } else {
                #expect(end == target.lastDayOfMonth)
            }
        }
    }

    @Test func segmentsTileTheWindowByCalendarYear() async {
        let gen = zip(Gen.int(in: d("2000-01-01").dayNumber...d("2026-06-30").dayNumber), Gen.int(in: 0...2000), Gen.int(in: 2000...999_999_999), Gen.bool)
        await propertyCheck(count: 300, input: gen) { dueNumber, length, amount, national in
            let due = CivilDate(dayNumber: dueNumber)
            let paid = CivilDate(dayNumber: min(dueNumber + length, d("2026-12-31").dayNumber))
            let regime = national ? "national-tax-arrears" : "local-tax-arrears"
            let result = try! RegimeCatalog.bundled.compute(["regime": regime, "amount": String(amount), "due": due.iso8601, "paid": paid.iso8601])
            let segments = result.explanation.segments
            guard let window = result.explanation.window else {
                #expect(segments.isEmpty)
                return
            }
            let bases = result.explanation.bases
            if bases.first?.base == .zero { #expect(segments.isEmpty); return }
            #expect(segments.first?.window.first == window.first)
            #expect(segments.last?.window.last == window.last)
            for (a, b) in zip(segments, segments.dropFirst()) { #expect(a.window.last.nextDay == b.window.first) }
            for segment in segments { #expect(segment.window.first.year == segment.window.last.year) }
            #expect(segments.reduce(0) { $0 + $1.days } == result.countedDays)
        }
    }

    // MARK: Rounding order

    @Test func aChargeTheHundredYenTruncationBringsToZeroIsWaived() throws {
        // ¥7,000 × 2.9% × 2/365 = ¥1.11: under ¥1,000 in full, so not charged (waived), although
        // the ¥100 truncation alone already gives ¥0. Found by taxRoundingOrder's random draws.
        let result = try compute(["regime": "local-tax-arrears", "amount": "7000", "due": "2014-01-01", "paid": "2014-01-03"])
        #expect(result.amount == .zero && result.status == .waived)
    }

    @Test func taxRoundingOrder() async {
        let gen = zip(Gen.int(in: 0...50_000_000), Gen.int(in: d("2014-01-01").dayNumber...d("2026-01-31").dayNumber), Gen.int(in: 1...900), Gen.bool)
        await propertyCheck(count: 300, input: gen) { amount, dueNumber, length, national in
            let due = CivilDate(dayNumber: dueNumber)
            let paid = CivilDate(dayNumber: min(dueNumber + length, d("2026-12-31").dayNumber))
            let regime = national ? "national-tax-arrears" : "local-tax-arrears"
            let result = try! RegimeCatalog.bundled.compute(["regime": regime, "amount": String(amount), "due": due.iso8601, "paid": paid.iso8601])
            let (unit, minimum) = national ? (10_000, 10_000) : (1_000, 2_000)
            let base = amount < minimum ? 0 : amount / unit * unit
            #expect(result.explanation.bases.first?.base == Yen(base))
            let segments = result.explanation.segments
            for segment in segments {
                #expect(segment.rounded == Yen(segment.exact.rounded(.floor)))
                #expect(segment.principal == Yen(base))
            }
            let sum = segments.reduce(0) { $0 + Int(exactly: $1.rounded!.value)! }
            let floored = sum / 100 * 100
            #expect(result.amount == Yen(floored < 1000 ? 0 : floored))
            // Waived: a positive charge under ¥1,000 in full (全額が1,000円未満), even one that the
            // ¥100 truncation already brought to 0 (a ¥1 charge of two days on ¥7,000).
            let positive = segments.contains { $0.exact.rounded(.ceiling).signum > 0 }
            #expect(result.status == (floored < 1000 && positive ? .waived : .ok))
        }
    }

    // MARK: Boundaries

    @Test func paymentOnTheDueDateIsNoDelay() throws {
        let result = try compute(["regime": "local-tax-arrears", "amount": "100000", "due": "2025-06-30", "paid": "2025-06-30"])
        #expect(result.amount == .zero && result.countedDays == 0 && result.status == .ok)
    }

    @Test func nationalTaxBaseAndLeapDay() throws {
        // Base 1,234,567 → 1,230,000. Due 2023-12-30: low 2023-12-31 .. 2024-02-29 (2 months), high after.
        let result = try compute(["regime": "national-tax-arrears", "amount": "1234567", "due": "2023-12-30", "paid": "2024-03-10"])
        #expect(result.explanation.bases.first?.base == Yen(1_230_000))
        #expect(
            result.explanation.segments.map(\.window) == [
                window("2023-12-31", "2023-12-31"), window("2024-01-01", "2024-02-29"), window("2024-03-01", "2024-03-10"),
            ])
        // 1,230,000 × 2.4% × 1/365 = 80.87 → 80; × 2.4% × 60/365 = 4,852.60 → 4,852; × 8.7% × 10/365 = 2,931.78 → 2,931.
        #expect(result.explanation.segments.map(\.rounded) == [Yen(80), Yen(4_852), Yen(2_931)])
        #expect(result.amount == Yen(7_800))
    }

    @Test func taxBaseMinimums() throws {
        let local = try compute(["regime": "local-tax-arrears", "amount": "1999", "due": "2024-01-31", "paid": "2026-08-31"])
        // A charge the base minimum brings to nothing is waived, not ok.
        #expect(local.amount == .zero && local.status == .waived && local.explanation.segments.isEmpty)
        let national = try compute(["regime": "national-tax-arrears", "amount": "9999", "due": "2024-01-31", "paid": "2026-08-31"])
        #expect(national.amount == .zero && national.status == .waived && national.explanation.segments.isEmpty)
    }

    @Test func outsideTheRateTableIsAClearError() {
        #expect(throws: InputError.self) { try compute(["regime": "local-tax-arrears", "amount": "100000", "due": "2026-12-01", "paid": "2027-02-01"]) }
        do throws(InputError) {
            _ = try compute(["regime": "payment-delay-act", "amount": "1000000", "due": "2014-03-30", "paid": "2014-05-01"])
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "due")
            // The day falls in a period the table lists as unverified: its 告示 is named, no rate.
            #expect(error.reason.contains("no verified rate for 2014-03-31"))
            #expect(error.reason.contains("2013-04-01..2014-03-31 is listed as unverified (rate not found): 平成25年財務省告示第64号"))
            #expect(error.reason.contains("give the rate explicitly"))
        }
        // Before every listed period, the table's plain words.
        do throws(InputError) {
            _ = try compute(["regime": "payment-delay-act", "amount": "1000000", "due": "1960-03-30", "paid": "1960-05-01"])
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.hasPrefix("no rate in the table for 1960-03-31 (the table covers 2014-04-01 onwards); give the rate explicitly"))
        }
        // Past the table's end it is the payment day that asks for a rate.
        do throws(InputError) {
            _ = try compute(["regime": "local-tax-arrears", "amount": "100000", "due": "2026-12-01", "paid": "2027-02-01"])
        } catch {
            #expect(error.field == "paid")
        }
    }

    /// Days past the table that are excluded need no rate: nothing is charged on them.
    @Test func unverifiedRatesAreQuotedNotApplied() throws {
        do throws(InputError) {
            _ = try compute(["regime": "payment-delay-act", "amount": "1000000", "due": "2012-03-31", "paid": "2012-05-01"])
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "due")
            #expect(error.reason.contains("2011-04-01..2013-03-31 is listed as unverified (3.1%): 平成23年財務省告示第52号"))
        }
        do throws(InputError) {
            _ = try compute(["regime": "local-tax-arrears", "amount": "100000", "due": "1999-10-31", "paid": "2000-02-01"])
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.contains("no verified rate for 1999-11-01"))
            #expect(error.reason.contains("1970-04-01..1999-12-31 is listed as unverified (7.3% / 14.6%)"))
        }
        // The person who reads the quote and types the rate gets it, as for any day off the table:
        // ¥1,000,000 × 3.1% × 31/365 = 2632.8…, floored to ¥100.
        let typed = try compute(["regime": "payment-delay-act", "amount": "1000000", "due": "2012-03-31", "paid": "2012-05-01", "rate": "3.1"])
        #expect(typed.amount == Yen(2600))
        let twoTier = try compute(
            ["regime": "local-tax-arrears", "amount": "100000", "due": "1999-10-31", "paid": "2000-02-01", "rate": "7.3", "high_rate": "14.6"])
        #expect(twoTier.amount == Yen(3100))
    }

    @Test func excludedDaysPastTheTableNeedNoRate() throws {
        let none = try compute([
            "regime": "local-tax-arrears", "amount": "100000", "due": "2026-12-31", "paid": "2027-01-10", "excluded": "2027-01-01..2027-01-10",
        ])
        #expect(none.status == .ok && none.amount == .zero && none.countedDays == 0)
        let some = try compute([
            "regime": "national-tax-arrears", "amount": "10000000", "due": "2026-11-30", "paid": "2027-01-10", "excluded": "2027-01-01..2027-01-10",
        ])
        // 10,000,000 × 2.8% × 31/365 = 23,780.8 → 23,780 → ¥23,700.
        #expect(some.amount == Yen(23700))
    }

    // MARK: 支払遅延防止法

    @Test func paymentDelayActPicksTheRateAndDropsHundredYenFractions() throws {
        // First day of delay 2021-04-01 → 2.5%: 10,000,000 × 2.5% × 30/365 = 20,547.9 → 20,547 → ¥20,500.
        let byDelay = try compute(["regime": "payment-delay-act", "amount": "10000000", "due": "2021-03-31", "paid": "2021-04-30"])
        #expect(byDelay.amount == Yen(20_500))
        // Contract date 2019-06-01 → 2.7%: × 2.7% × 30/365 = 22,191.7 → ¥22,100.
        let byContract = try compute([
            "regime": "payment-delay-act", "amount": "10000000", "due": "2021-03-31", "paid": "2021-04-30", "contract_date": "2019-06-01",
        ])
        #expect(byContract.amount == Yen(22_100))
        // An explicit rate for a date outside the verified table.
        let explicit = try compute(["regime": "payment-delay-act", "amount": "10000000", "due": "2014-02-28", "paid": "2014-03-30", "rate": "2.8"])
        #expect(explicit.amount == Yen(23_000))  // 23,013.6 → 23,013 → ¥23,000
        // 10,000 × 2.5% × 30/365 = ¥20.5…: under ¥100, not paid.
        let small = try compute(["regime": "payment-delay-act", "amount": "10000", "due": "2024-03-31", "paid": "2024-04-30"])
        #expect(small.status == .waived && small.amount == .zero)
        // The contract date is refused by regimes that do not use it.
        #expect(throws: InputError(field: "contract_date", reason: "is not used by local-tax-arrears; leave it empty")) {
            try compute(["regime": "local-tax-arrears", "amount": "100000", "due": "2024-03-31", "paid": "2024-04-30", "contract_date": "2024-01-01"])
        }
    }

    // MARK: 民法

    @Test func civilRateIsFixedByTheFirstDayOfDelay() throws {
        let before = try compute(["regime": "civil-statutory", "amount": "3650000", "due": "2020-03-30", "paid": "2020-04-09"])
        #expect(before.explanation.segments.first?.rate == percent("5"))
        #expect(before.amount == Yen(4_986))  // 3,650,000 × 5% × 10/366 (2020 is a leap year) = 4,986.3
        let after = try compute(["regime": "civil-statutory", "amount": "3660000", "due": "2020-03-31", "paid": "2020-04-10"])
        #expect(after.explanation.segments.first?.rate == percent("3"))
        #expect(after.amount == Yen(3_000))  // 3,660,000 × 3% × 10/366
    }

    @Test func civilPartialPaymentsGoToInterestFirst() throws {
        // ¥3,660,000 at 3% from 2024-01-01: by 2024-04-10 (101 days of a leap year) interest is
        // 3,660,000 × 3% × 101/366 = 30,300. A payment of ¥1,030,300 on 2024-04-10 pays it and
        // ¥1,000,000 of principal; ¥2,660,000 then runs from 2024-04-11 through 2024-12-31
        // (265 days of a leap year): 2,660,000 × 3% × 265/366 = 57,778.69… → ¥57,778. Total ¥88,078.
        let result = try compute([
            "regime": "civil-statutory", "amount": "3660000", "due": "2023-12-31", "paid": "2024-12-31",
            "payments": "2024-04-10:1030300",
        ])
        #expect(result.explanation.segments.map(\.principal) == [Yen(3_660_000), Yen(2_660_000)])
        #expect(result.explanation.segments.map(\.rounded) == [Yen(30_300), Yen(57_778)])
        #expect(result.amount == Yen(88_078))
        #expect(result.explanation.notes.contains { $0.contains("¥30,300 to accrued interest") })
    }

    // MARK: Partial payments

    @Test func taxPartialPaymentsReduceThePrincipalFromTheNextDay() throws {
        let result = try compute([
            "regime": "local-tax-arrears", "amount": "56400", "due": "2026-02-02", "paid": "2026-05-29", "payments": "2026-04-01:30000",
        ])
        #expect(result.explanation.bases.map(\.base) == [Yen(56_000), Yen(26_000)])
        #expect(result.explanation.bases.map(\.from) == [d("2026-02-03"), d("2026-04-02")])
        #expect(result.explanation.segments.map(\.rounded) == [Yen(120), Yen(418), Yen(375)])
        #expect(result.status == .waived)  // 913 → ¥900 → under ¥1,000
    }

    @Test func contractLatePaymentWithPartialPayment() throws {
        // ¥7,300,000 late from 2022-05-02; ¥3,650,000 paid on 2022-05-11 (10 days on the whole),
        // the rest paid 2022-05-21 (10 days on half): 7,300,000×2.5%×10/365 + 3,650,000×2.5%×10/365 = 5,000 + 2,500.
        let result = try compute([
            "regime": "contract-late-payment", "amount": "7300000", "due": "2022-05-01", "paid": "2022-05-21", "payments": "2022-05-11:3650000",
        ])
        #expect(result.exactAmount == Rational(7_500))
        #expect(result.amount == Yen(7_500))
    }

    @Test func paymentsAfterTheFinalDayAreRefused() {
        #expect(throws: InputError.self) {
            try compute(["regime": "local-tax-arrears", "amount": "56400", "due": "2026-02-02", "paid": "2026-05-29", "payments": "2026-06-01:1000"])
        }
        #expect(throws: InputError.self) {
            try compute(["regime": "local-tax-arrears", "amount": "56400", "due": "2026-02-02", "paid": "2026-05-29", "payments": "2026-04-01"])
        }
    }

    // MARK: custom

    @Test func customTermsFromTheRow() throws {
        // 下請法-style 14.6% on ¥1,000,000 for 30 days: 12,000 exactly.
        let result = try compute(["regime": "custom", "amount": "1000000", "due": "2025-01-31", "paid": "2025-03-02", "rate": "14.6"])
        #expect(result.amount == Yen(12_000))
        let tiered = try compute([
            "regime": "custom", "amount": "56400", "due": "2026-02-02", "paid": "2026-05-29", "rate": "2.8", "high_rate": "9.1",
            "low_months": "1", "base_unit": "1000", "base_minimum": "2000", "segments": "each", "result_unit": "100", "result_minimum": "1000",
        ])
        #expect(tiered.amount == Yen(1_300))
        #expect(throws: InputError.self) { try compute(["regime": "custom", "amount": "1000", "due": "2025-01-31", "paid": "2025-03-02"]) }
        #expect(throws: InputError.self) {
            try compute(["regime": "custom", "amount": "1000", "due": "2025-01-31", "paid": "2025-03-02", "rate": "3", "basis": "30/360"])
        }
    }
}

@Suite("Rate tables and rate files")
struct RateTableTests {
    func row(_ from: String, _ to: String, _ rate: String = "1") -> RateRow {
        RateRow(window: window(from, to), rate: percent(rate), source: "test")
    }

    @Test func contiguousTablesLoadAndLookUp() throws {
        let table = try RateSchedule(rows: [row("2020-01-01", "2020-12-31", "1"), row("2021-01-01", "2022-12-31", "2")])
        #expect(table.row(on: d("2021-06-01"))?.rate == percent("2"))
        #expect(table.row(on: d("2019-12-31")) == nil)
        #expect(table.row(on: d("2023-01-01")) == nil)
        #expect(table.coverage == window("2020-01-01", "2022-12-31"))
    }

    @Test func gapsOverlapsAndDisorderAreRejectedWithTheRow() {
        #expect(
            throws: InputError(
                field: "rates", reason: "rate table row 2 (from 2021-01-03) leaves a gap after row 1: no rate for 2021-01-01..2021-01-02 (2 days)")
        ) {
            try RateSchedule(rows: [row("2020-01-01", "2020-12-31"), row("2021-01-03", "2021-12-31")])
        }
        #expect(
            throws: InputError(
                field: "rates", reason: "rate table row 2 (from 2020-12-01) overlaps row 1, which runs to 2020-12-31; each day must have one rate")
        ) {
            try RateSchedule(rows: [row("2020-01-01", "2020-12-31"), row("2020-12-01", "2021-12-31")])
        }
        #expect(
            throws: InputError(
                field: "rates", reason: "rate table row 2 (from 2019-01-01) does not start after row 1 (from 2020-01-01); list the rows in date order")
        ) {
            try RateSchedule(rows: [row("2020-01-01", "2020-12-31"), row("2019-01-01", "2019-12-31")])
        }
        #expect(throws: InputError.self) { try RateSchedule(rows: []) }
    }

    @Test func unverifiedRowsLieOutsideTheTableInDateOrder() throws {
        let rows = [row("2020-01-01", "2020-12-31")]
        func unverified(_ from: String, _ to: String) -> UnverifiedRateRow {
            UnverifiedRateRow(window: window(from, to), rate: nil, source: "test")
        }
        let table = try RateSchedule(rows: rows, unverified: [unverified("2010-01-01", "2014-12-31"), unverified("2015-01-01", "2019-12-31")])
        #expect(table.unverifiedRow(on: d("2015-06-01"))?.window == window("2015-01-01", "2019-12-31"))
        #expect(table.unverifiedRow(on: d("2020-06-01")) == nil)
        #expect(
            throws: InputError(
                field: "rates",
                reason:
                    "unverified row 1 (2019-01-01..2020-01-01) overlaps the table, which covers 2020-01-01..2020-12-31; an unverified row lies before or after it"
            )
        ) {
            try RateSchedule(rows: rows, unverified: [unverified("2019-01-01", "2020-01-01")])
        }
        #expect(
            throws: InputError(
                field: "rates",
                reason: "unverified row 2 (2012-01-01..2012-12-31) does not start after unverified row 1 ends; list them in date order, without overlaps")
        ) {
            try RateSchedule(rows: rows, unverified: [unverified("2010-01-01", "2014-12-31"), unverified("2012-01-01", "2012-12-31")])
        }
    }

    @Test func aRateFileGivesUnverifiedRowsCheckedKeyByKey() throws {
        let file = #"""
            {"name": "payment-delay-act", "rates": {"table": [{"from": "2014-04-01", "rate": "2.9", "source": "a"}],
              "unverified": [{"from": "2013-04-01", "to": "2014-03-31", "rate": "3.0", "source": "read in the 官報 of 2013-03-04, not yet checked"}]}}
            """#
        let catalog = try RegimeCatalog.bundled.overlaying(regimeFile: Data(file.utf8))
        do throws(InputError) {
            _ = try catalog.compute(["regime": "payment-delay-act", "amount": "1000000", "due": "2013-05-31", "paid": "2013-07-01"])
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.contains("is listed as unverified (3%): read in the 官報 of 2013-03-04, not yet checked"))
        }
        // A file's own table brings its own unverified rows, or none: the bundled ones go with the bundled table.
        do throws(InputError) {
            _ = try catalog.compute(["regime": "payment-delay-act", "amount": "1000000", "due": "2012-03-31", "paid": "2012-05-01"])
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.hasPrefix("no rate in the table for 2012-04-01"))
        }
        let misspelt = #"{"name": "payment-delay-act", "rates": {"unverified": [{"from": "2013-04-01", "to": "2014-03-31", "rte": "3.0", "source": "x"}]}}"#
        #expect(throws: InputError.self) { try RegimeCatalog.bundled.overlaying(regimeFile: Data(misspelt.utf8)) }
        let overlapping = #"{"name": "payment-delay-act", "rates": {"unverified": [{"from": "2014-01-01", "to": "2014-06-30", "source": "x"}]}}"#
        #expect(throws: InputError.self) { try RegimeCatalog.bundled.overlaying(regimeFile: Data(overlapping.utf8)) }
    }

    /// A rate file's texts are written into explanations, CSV cells and terminals, and a source
    /// is quoted in every refused row: each is one line of text, a source not empty nor huge.
    @Test func aRateFileTextIsOneBoundedLine() throws {
        func load(_ source: String, unverified: Bool = false, extra: String = "") -> String? {
            let encoded = String(decoding: try! JSONEncoder().encode(source), as: UTF8.self)
            let row = #"{"from": "2014-04-01", "rate": "2.9", "source": \#(unverified ? #""a""# : encoded)}"#
            let more = unverified ? #", "unverified": [{"from": "2013-04-01", "to": "2014-03-31", "source": \#(encoded)\#(extra)}]"# : ""
            let file = #"{"name": "payment-delay-act", "rates": {"table": [\#(row)]\#(more)}}"#
            do {
                _ = try RegimeCatalog.bundled.overlaying(regimeFile: Data(file.utf8))
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(load("告示") == nil)
        #expect(load("  ")?.contains("rate table row 1: source: is empty") == true)
        #expect(load(" ", unverified: true)?.contains("unverified row 1: source: is empty") == true)
        #expect(load("a\u{1B}[31m")?.contains("source: holds the control character U+001B") == true)
        #expect(load("a\nb", unverified: true)?.contains("U+000A") == true)
        #expect(load(String(repeating: "x", count: 5000))?.contains("source: is 5000 bytes long; at most 4096") == true)
        // A one-rate regime's unverified row gives no high rate, as its table rows do not.
        #expect(
            load("b", unverified: true, extra: #", "rate": "3", "high_rate": "9""#)?.contains(
                "unverified row 1: high_rate: is given but the regime has one rate") == true)
        let title = #"{"name": "payment-delay-act", "title": "x\u0007"}"#
        #expect(throws: InputError.self) { try RegimeCatalog.bundled.overlaying(regimeFile: Data(title.utf8)) }
        // The bundled files meet the same rules, though they are not checked at every start.
        for name in RegimeCatalog.bundled.names {
            guard let regime = RegimeCatalog.bundled.regime(named: name) as? DataRegime else { continue }
            #expect(regime.textProblem == nil, "\(name): \(regime.textProblem.map(\.description) ?? "")")
        }
    }

    /// A rate file is read whole before it is checked: one past the bound is refused unread.
    @Test func aRateFileHasABoundedSize() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rates-\(UInt64.random(in: 0...UInt64.max)).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(count: RegimeCatalog.maxRateFileBytes + 1).write(to: URL(fileURLWithPath: path))
        do throws(InputError) {
            _ = try RegimeCatalog.bundled.overlaying(regimeFileAt: path)
            Issue.record("a rate file over the bound was read")
        } catch {
            #expect(error.reason.contains("is larger than 16 MiB"))
        }
    }

    /// A contract comes before its payment's deadline; a later contract date would pick a rate of
    /// a period the delay never saw.
    @Test func aContractDateAfterTheDueDateIsRefused() {
        do throws(InputError) {
            _ = try RegimeCatalog.bundled.compute([
                "regime": "payment-delay-act", "amount": "10000000", "due": "2021-03-31", "paid": "2021-06-30", "contract_date": "2030-01-01",
            ])
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "contract_date" && error.reason.contains("is after the due date 2021-03-31"))
        }
    }

    /// A rate the row gives replaces the table on every day of the row: the explanation says so.
    @Test func aRowRateIsNamedInTheExplanation() throws {
        let result = try RegimeCatalog.bundled.compute([
            "regime": "local-tax-arrears", "amount": "1000000", "due": "1999-12-15", "paid": "2000-01-15", "rate": "7.3", "high_rate": "14.6",
        ])
        let fact = result.explanation.inputs.first { $0.key == "rate" }
        #expect(fact?.value == "7.3% / 14.6% (after the low-rate period), in place of the regime's table on every day")
        let plain = try RegimeCatalog.bundled.compute(["regime": "local-tax-arrears", "amount": "1000000", "due": "2024-12-15", "paid": "2025-01-15"])
        #expect(!plain.explanation.inputs.contains { $0.key == "rate" })
    }

    @Test func randomTablesLoadAndAnyBrokenBoundaryIsNamed() async {
        let gen = zip(Gen.int(in: 1...30).array(of: 2...12), Gen.int(in: 0...11), Gen.int(in: -3...3))
        await propertyCheck(count: 300, input: gen) { lengths, breakAt, shift in
            var rows: [RateRow] = []
            var start = d("2000-01-01")
            for length in lengths {
                rows.append(RateRow(window: DateWindow(first: start, last: start.advanced(by: length - 1)), rate: percent("1"), source: ""))
                start = start.advanced(by: length)
            }
            #expect((try? RateSchedule(rows: rows)) != nil)
            let index = breakAt % (rows.count - 1) + 1
            let moved = rows[index].window.first.advanced(by: shift)
            guard shift != 0, moved <= rows[index].window.last else { return }
            rows[index] = RateRow(window: DateWindow(first: moved, last: rows[index].window.last), rate: percent("1"), source: "")
            do throws(InputError) {
                _ = try RateSchedule(rows: rows)
                Issue.record("a table with row \(index + 1) moved by \(shift) days loaded")
            } catch {
                #expect(error.reason.hasPrefix("rate table row \(index + 1) "))
            }
        }
    }

    @Test func aRateFileAddsAYearToABundledTable() throws {
        let bundled = RegimeCatalog.bundled.regime(named: "local-tax-arrears") as? DataRegime
        guard case .table(let schedule, _)? = bundled?.terms.rates.source else { Issue.record("no table"); return }
        // Every bundled row, then 2027 at made-up rates: the file replaces the whole table.
        var rows = schedule.rows.map { row in
            "{\"from\": \"\(row.window.first)\", \"to\": \"\(row.window.last)\", \"rate\": \"\(row.rate.percent.decimalString(fractionDigits: 3))\", \"high_rate\": \"\(row.highRate!.percent.decimalString(fractionDigits: 3))\", \"source\": \"bundled\"}"
        }
        rows.append(#"{"from": "2027-01-01", "to": "2027-12-31", "rate": "3.0", "high_rate": "9.3", "source": "test"}"#)
        let file = "{\"name\": \"local-tax-arrears\", \"rates\": {\"table\": [\(rows.joined(separator: ","))]}}"
        let catalog = try RegimeCatalog.bundled.overlaying(regimeFile: Data(file.utf8))
        let result = try catalog.compute(["regime": "local-tax-arrears", "amount": "1000000", "due": "2027-01-31", "paid": "2027-03-31"])
        #expect(result.explanation.segments.map(\.rate) == [percent("3.0"), percent("9.3")])
        // Everything else still comes from the bundled regime: the base rounding, the result rounding.
        #expect(result.explanation.bases.first?.rounding == .floorTo1000Yen)
    }

    @Test func aRateFileWithAGapIsRejectedNamingTheRegimeAndRow() {
        let file = #"""
            {"name": "local-tax-arrears", "rates": {"table": [
              {"from": "2026-01-01", "to": "2026-12-31", "rate": "2.8", "high_rate": "9.1", "source": "a"},
              {"from": "2027-01-02", "to": "2027-12-31", "rate": "3.0", "high_rate": "9.3", "source": "b"}]}}
            """#
        #expect(
            throws: InputError(
                field: "rates",
                reason: "regime 'local-tax-arrears': rate table row 2 (from 2027-01-02) leaves a gap after row 1: no rate for 2027-01-01 (1 day)")
        ) {
            try RegimeCatalog.bundled.overlaying(regimeFile: Data(file.utf8))
        }
    }

    @Test func aRateFileCanDefineANewRegime() throws {
        let file = #"""
            {"regimes": [{"name": "subcontract-act", "title": "下請代金の遅延利息", "clause": "第4条の2", "document": "下請代金支払遅延等防止法",
              "rates": {"pick": "first-day-of-delay", "table": [{"from": "1970-01-01", "rate": "14.6", "source": "公正取引委員会規則"}]},
              "result": {"rounding": "floor", "unit": "1"}}]}
            """#
        let catalog = try RegimeCatalog.bundled.overlaying(regimeFile: Data(file.utf8))
        let result = try catalog.compute(["regime": "subcontract-act", "amount": "1000000", "due": "2025-01-31", "paid": "2025-03-02"])
        #expect(result.amount == Yen(12_000))
        #expect(result.explanation.rule.clause == "第4条の2")
        #expect(throws: InputError.self) { try RegimeCatalog.bundled.overlaying(regimeFile: Data(#"{"name": "contract-late-completion"}"#.utf8)) }
        #expect(throws: InputError.self) { try RegimeCatalog.bundled.overlaying(regimeFile: Data("not json".utf8)) }
    }
}
