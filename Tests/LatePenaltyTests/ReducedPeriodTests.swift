import LatePenalty
import PropertyBased
import Testing

/// Reduced periods (猶予 and the like): halved, exempt, or charged at a lower rate, each shown as
/// its own segments, on the integer plan as on the exact reference.
@Suite("Reduced periods")
struct ReducedPeriodTests {
    static let rule = RuleReference(clause: "", title: "t", document: "")

    static func terms(_ name: String) -> AccrualTerms {
        (RegimeCatalog.bundled.regime(named: name) as! DataRegime).terms
    }

    /// A random tax case inside the rate tables, and random reduced periods of every kind.
    /// With `grace`, periods of kind 猶予特例 too, which are an error on days before 2014 (the
    /// table gives no 猶予特例基準割合 for them).
    static func randomCase(
        _ seed: Int, kinds: [ReducedPeriods.Kind]? = nil, grace: Bool = false, startingAfter offset: ClosedRange<Int> = -40...60
    ) -> DelayCase {
        var stream = SplitMix(state: UInt64(bitPattern: Int64(seed)))
        let due = CivilDate(dayNumber: stream.int(d("2001-01-01").dayNumber...d("2024-06-30").dayNumber))
        let end = CivilDate(dayNumber: min(due.dayNumber + stream.int(1...900), d("2026-12-31").dayNumber))
        var periods: [ReducedPeriods.Period] = []
        var day = due.dayNumber + stream.int(offset)
        for _ in 0..<stream.int(1...3) {
            let length = stream.int(0...200)
            let kind =
                kinds.map { stream.pick($0) }
                ?? stream.pick([.half, .exempt, .rate(try! Rate.parse(percent: stream.pick(["0.9", "1.3", "20"])))] + (grace ? [.grace] : []))
            periods.append(.init(window: DateWindow(first: CivilDate(dayNumber: day), last: CivilDate(dayNumber: day + length)), kind: kind))
            day += length + 1 + stream.int(0...60)
        }
        var payments: [Payment] = []
        for _ in 0..<stream.int(0...2) {
            payments.append(Payment(date: CivilDate(dayNumber: stream.int(due.dayNumber...end.dayNumber)), amount: Yen(stream.int(1...400_000))))
        }
        return DelayCase(
            principal: Yen(stream.int(1...50_000_000)), due: due, end: end, payments: payments, reduced: try! ReducedPeriods(periods))
    }

    static func compute(_ delay: DelayCase, _ terms: AccrualTerms) -> ChargeResult {
        try! Accrual.compute(delay, terms: terms, rule: rule, inputs: [])
    }

    static func with(_ delay: DelayCase, kind: ReducedPeriods.Kind?) -> DelayCase {
        var changed = delay
        changed.reduced = kind.map { kind in try! ReducedPeriods(delay.reduced.periods.map { .init(window: $0.window, kind: kind) }) } ?? .none
        return changed
    }

    static let taxes = ["national-tax-arrears", "local-tax-arrears"]

    @Test func parsesKindsInEnglishAndJapanese() throws {
        let periods = try ReducedPeriods.parse("2026-03-01..2026-03-31:half; R8.4.1..R8.4.30:免除;2026-05-01..2026-05-31：1.3")
        #expect(periods.periods.map(\.kind) == [.half, .exempt, .rate(try Rate.parse(percent: "1.3"))])
        #expect(periods.periods[1].window == DateWindow(first: d("2026-04-01"), last: d("2026-04-30")))
        #expect(try ReducedPeriods.parse("").isEmpty)
        #expect(try ReducedPeriods.parse("2026-05-01..2026-05-31:半額;2026-03-01..2026-03-31:2分の1").periods.first?.window.first == d("2026-03-01"))
    }

    @Test(arguments: [
        ("2026-03-01..2026-03-31", "no kind"),
        ("2026-03-01..2026-03-31:", "no kind"),
        ("2026-03-01..2026-03-31:quarter", "not a kind"),
        ("2026-03-01..2026-03-31:1.3%", "'%'"),
        ("2026-03-31..2026-03-01:half", "ends before it starts"),
        ("2026-03-01:half", "not a range"),
        ("..2026-03-01:half", "not a range"),
        ("2026-03-01..2026-03-31:half;2026-03-31..2026-04-30:exempt", "overlap"),
        ("2026-02-30..2026-03-31:half", "does not exist"),
    ])
    func refusesWhatItCannotRead(_ text: String, _ reason: String) {
        do {
            _ = try ReducedPeriods.parse(text)
            Issue.record("'\(text)' was read")
        } catch {
            #expect(error.field == "reduced")
            #expect(error.description.contains(reason), "\(error)")
        }
    }

    @Test func manyPeriodsAreRefusedBeforeAnyWork() {
        let text = (0...ReducedPeriods.maxPeriods).map { CivilDate(dayNumber: d("2000-01-01").dayNumber + 2 * $0).iso8601 }
            .map { "\($0)..\($0):half" }.joined(separator: ";")
        #expect(throws: InputError.self) { try ReducedPeriods.parse(text) }
    }

    /// A period ending on the last day of the calendar has no day after it: no trap.
    @Test func aPeriodToTheLastDayOfTheCalendar() throws {
        let result = try RegimeCatalog.bundled.compute([
            "regime": "custom", "amount": "1000000", "rate": "3", "due": "2026-01-01", "paid": "2026-03-01",
            "reduced": "2026-02-01..9999-12-31:half",
        ])
        #expect(result.explanation.segments.last?.rate == Rate(percent: Rational(3, 2)))
    }

    @Test func eachPeriodIsItsOwnSegmentAndSaysWhy() throws {
        let result = try RegimeCatalog.bundled.compute([
            "regime": "national-tax-arrears", "amount": "1234567", "due": "2023-12-30", "paid": "2024-03-10",
            "reduced": "2024-01-10..2024-03-05:half",
        ])
        let segments = result.explanation.segments
        #expect(segments.map(\.days) == [1, 9, 51, 5, 5])
        // The low months keep their rate; the high months are halved (国税通則法第63条第1項).
        #expect(segments[2].rate == Rate(percent: Rational(12, 5)))
        #expect(segments[2].rateNote?.contains("2.4% unchanged (the half applies after the low-rate period only)") == true)
        #expect(segments[3].rate == Rate(percent: Rational(87, 20)))  // half of 8.7%
        #expect(segments[3].rateNote?.contains("half (2分の1免除): 8.7% → 4.35%") == true)
        // 80 + 727 + 4,124 + 732 + 1,465 = 7,128 → ¥7,100.
        #expect(result.amount == Yen(7100))
        #expect(result.explanation.inputs.contains { $0.key == "reduced" })
    }

    /// The integer plan (Int128 and GMP integers) equals the exact reference with reduced
    /// periods, under every regime's terms and custom terms.
    @Test(arguments: AccrualPlanTests.termsList.indices)
    func theIntegerPlanEqualsTheReference(_ index: Int) async {
        let terms = AccrualPlanTests.termsList[index].1
        await propertyCheck(count: 60, input: Gen.int(in: Int.min...Int.max)) { seed in
            var delay = AccrualPlanTests.randomCase(seed)
            delay.reduced = Self.randomCase(seed, grace: true).reduced
            let reference = AccrualPlanTests.outcome { () throws(InputError) in try Accrual.referenceCompute(delay, terms: terms, rule: Self.rule, inputs: []) }
            let plan = AccrualPlanTests.outcome { () throws(InputError) in try Accrual.compute(delay, terms: terms, rule: Self.rule, inputs: []) }
            let gmp = AccrualPlanTests.outcome { () throws(InputError) in try Accrual.computeOnGMP(delay, terms: terms, rule: Self.rule, inputs: []) }
            #expect(plan == reference, "seed \(seed)")
            #expect(gmp == reference, "seed \(seed)")
        }
    }

    @Test func aReducedPeriodNeverRaisesTheCharge() async {
        await propertyCheck(count: 300, input: Gen.int(in: Int.min...Int.max), Gen.int(in: 0...1)) { seed, which in
            let terms = Self.terms(Self.taxes[which])
            let reduced = Self.randomCase(seed), plain = Self.with(reduced, kind: nil)
            let a = Self.compute(reduced, terms), b = Self.compute(plain, terms)
            #expect(a.exactAmount <= b.exactAmount, "seed \(seed)")
            #expect(a.amount <= b.amount, "seed \(seed)")
        }
    }

    /// An exempt period charges what excluding its days charges (the exact value).
    @Test func anExemptPeriodEqualsExcludingItsDays() async {
        await propertyCheck(count: 300, input: Gen.int(in: Int.min...Int.max), Gen.int(in: 0...1)) { seed, which in
            let terms = Self.terms(Self.taxes[which])
            let exempt = Self.with(Self.randomCase(seed), kind: .exempt)
            var excluded = Self.with(exempt, kind: nil)
            excluded.excluded = ExcludedDays(exempt.reduced.periods.map(\.window))
            #expect(Self.compute(exempt, terms).exactAmount == Self.compute(excluded, terms).exactAmount, "seed \(seed)")
        }
    }

    /// After the low-rate months, half a period's charge is the mean of charging it whole and
    /// not at all (the exact value); inside them, a half period changes nothing.
    @Test func halfIsTheMeanOfWholeAndExempt() async {
        await propertyCheck(count: 300, input: Gen.int(in: Int.min...Int.max), Gen.int(in: 0...1)) { seed, which in
            let terms = Self.terms(Self.taxes[which])
            let delay = Self.randomCase(seed, startingAfter: 63...200)
            let half = Self.compute(Self.with(delay, kind: .half), terms).exactAmount
            let whole = Self.compute(Self.with(delay, kind: nil), terms).exactAmount
            let none = Self.compute(Self.with(delay, kind: .exempt), terms).exactAmount
            #expect(half * Rational(2) == whole + none, "seed \(seed)")
        }
    }

    @Test func halfInsideTheLowMonthsChangesNothing() async {
        await propertyCheck(count: 200, input: Gen.int(in: Int.min...Int.max), Gen.int(in: 0...1), Gen.int(in: 1...28), Gen.int(in: 0...27)) {
            seed, which, start, length in
            let terms = Self.terms(Self.taxes[which])
            var delay = Self.with(Self.randomCase(seed), kind: nil)
            let first = delay.due.dayNumber + start
            let last = CivilDate(dayNumber: min(first + length, delay.due.dayNumber + 28))
            delay.reduced = try! ReducedPeriods([.init(window: DateWindow(first: CivilDate(dayNumber: first), last: last), kind: .half)])
            #expect(Self.compute(delay, terms).exactAmount == Self.compute(Self.with(delay, kind: nil), terms).exactAmount, "seed \(seed)")
        }
    }

    /// A rate above every rate of the table changes no exact value; splitting a period in two of
    /// the same kind changes nothing at all.
    @Test func aHigherRateOrASplitChangesNothing() async {
        await propertyCheck(count: 200, input: Gen.int(in: Int.min...Int.max), Gen.int(in: 0...1)) { seed, which in
            let terms = Self.terms(Self.taxes[which])
            let delay = Self.randomCase(seed)
            let high = Self.with(delay, kind: .rate(try! Rate.parse(percent: "20")))
            #expect(Self.compute(high, terms).exactAmount == Self.compute(Self.with(delay, kind: nil), terms).exactAmount, "seed \(seed)")
            var split = delay
            split.reduced = try! ReducedPeriods(
                delay.reduced.periods.flatMap { period -> [ReducedPeriods.Period] in
                    guard period.window.first < period.window.last else { return [period] }
                    let middle = CivilDate(dayNumber: (period.window.first.dayNumber + period.window.last.dayNumber) / 2)
                    return [
                        .init(window: DateWindow(first: period.window.first, last: middle), kind: period.kind),
                        .init(window: DateWindow(first: middle.nextDay, last: period.window.last), kind: period.kind),
                    ]
                })
            #expect(Self.compute(split, terms).exactAmount == Self.compute(delay, terms).exactAmount, "seed \(seed)")
        }
    }

    /// 猶予特例: each year's 猶予特例基準割合 from the table (0.9% in 2025, 1.3% in 2026), for every
    /// day of the period, the low months included (租税特別措置法第94条第2項).
    @Test func graceTakesEachYearsRateFromTheTable() throws {
        let result = try RegimeCatalog.bundled.compute([
            "regime": "national-tax-arrears", "amount": "1000000", "due": "2025-01-31", "paid": "2026-06-30",
            "reduced": "2025-03-01..2026-03-31:猶予特例",
        ])
        #expect(result.explanation.segments.map(\.rate.description) == ["2.4%", "0.9%", "0.9%", "1.3%", "9.1%"])
        // 1,841 + 764 + 6,780 + 3,205 + 22,687 = 35,277 → ¥35,200.
        #expect(result.amount == Yen(35200))
        // The same as giving each year's rate by hand.
        let byHand = try RegimeCatalog.bundled.compute([
            "regime": "national-tax-arrears", "amount": "1000000", "due": "2025-01-31", "paid": "2026-06-30",
            "reduced": "2025-03-01..2025-12-31:0.9;2026-01-01..2026-03-31:1.3",
        ])
        #expect(byHand.exactAmount == result.exactAmount && byHand.amount == result.amount)
    }

    @Test func graceWithoutATableRateIsAnErrorAskingForTheRate() {
        for fields in [
            ["regime": "national-tax-arrears", "amount": "1000000", "due": "2013-01-31", "paid": "2014-06-30", "reduced": "2013-03-01..2014-03-31:grace"],
            ["regime": "custom", "rate": "3", "amount": "1000000", "due": "2025-01-31", "paid": "2025-06-30", "reduced": "2025-03-01..2025-03-31:grace"],
            [
                "regime": "local-tax-arrears", "rate": "7.3", "high_rate": "14.6", "amount": "1000000", "due": "2025-01-31", "paid": "2025-06-30",
                "reduced": "2025-03-01..2025-03-31:grace",
            ],
        ] {
            do {
                _ = try RegimeCatalog.bundled.compute(fields)
                Issue.record("\(fields) computed")
            } catch {
                #expect(error.field == "reduced" && error.reason.contains("give the rate of the 猶予 instead"), "\(error)")
            }
        }
    }

    /// Through a file: the `reduced` column sends a row the general way, and both engines agree.
    @Test func aFileWithReducedPeriods() throws {
        let csv = """
            id,regime,amount,due,paid,reduced
            a,national-tax-arrears,1234567,2023-12-30,2024-03-10,2024-01-10..2024-03-05:half
            b,national-tax-arrears,1234567,2023-12-30,2024-03-10,
            c,local-tax-arrears,56400,2026-02-02,2026-05-29,2026-02-03..2026-05-29:exempt
            d,local-tax-arrears,56400,2026-02-02,2026-05-29,2026-02-03..2026-05-29:quarter
            e,contract-late-completion,10000000,2022-03-25,2022-04-30,2022-04-01..2022-04-02:half

            """
        let r = try runBatch(Array(csv.utf8))
        #expect(r.rows.count == 6)
        #expect(r.rows[1].hasPrefix("a,national-tax-arrears,ok,7100,"))
        #expect(r.rows[2].hasPrefix("b,national-tax-arrears,ok,7800,"))
        #expect(r.rows[3].hasPrefix("c,local-tax-arrears,ok,0,"))
        #expect(r.rows[4].contains("reduced: 'quarter' is not a kind"))
        #expect(r.rows[5].contains("reduced: is not used by contract-late-completion"))
        let jsonl =
            #"{"id":"a","regime":"national-tax-arrears","amount":"1234567","due":"2023-12-30","paid":"2024-03-10","#
            + #""reduced":"2024-01-10..2024-03-05:half"}"#
        let j = try runBatch(Array((jsonl + "\n").utf8), jsonl: true)
        #expect(j.rows[1].hasPrefix("a,national-tax-arrears,ok,7100,"))
    }
}
