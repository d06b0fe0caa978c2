import LatePenalty
import Testing

/// The published worked examples (vectors/published-examples.json, with their sources) that the core can check: each published
/// number is reproduced from its inputs with the library's windows (民法143条 month ends),
/// Fixed365, a floor to ¥1 per segment and, for the tax examples, a floor to ¥100 of the total.
/// (The regimes that pick these rates by themselves are built on top of this core.)
@Suite("Published examples")
struct PublishedExampleTests {
    /// Two segments at a low and a high rate split one month after the deadline; each floored.
    func lowThenHigh(base: Int, due: String, paid: String, low: String, high: String) throws -> (segments: [Yen], days: [Int], total: Yen) {
        let due = d(due), paid = d(paid)
        let boundary = CivilPeriod.months(1).lastDay(afterEventOn: due)!
        let parts = [(DateWindow(first: due.nextDay, last: boundary), low), (DateWindow(first: boundary.nextDay, last: paid), high)]
        var segments: [Yen] = [], days: [Int] = []
        for (part, rate) in parts {
            let result = try Accrual.compute(
                principal: Yen(base), window: part, excluded: .none,
                terms: AccrualTerms(rate: percent(rate), segmentRounding: .eachSegment(.floorToYen)),
                rule: RuleReference(clause: "", title: "", document: ""), inputs: [])
            segments.append(result.amount)
            days.append(result.countedDays)
        }
        let sum = segments.reduce(Yen.zero, +)
        return (segments, days, Rounding.floorTo100Yen.apply(sum.exact))
    }

    @Test("V1 中央市 2026: 120 + 1,228 = 1,348 ⇒ 1,300") func v1() throws {
        let r = try lowThenHigh(base: 56_000, due: "2026-02-02", paid: "2026-05-29", low: "2.8", high: "9.1")
        #expect(r.days == [28, 88])
        #expect(r.segments == [Yen(120), Yen(1_228)])
        #expect(r.total == Yen(1_300))
    }

    @Test("V3 富里市 2024 (leap year): 223 + 5,131 = 5,354 ⇒ 5,300") func v3() throws {
        let r = try lowThenHigh(base: 117_000, due: "2024-01-31", paid: "2024-08-31", low: "2.4", high: "8.7")
        #expect(r.days == [29, 184])
        #expect(r.segments == [Yen(223), Yen(5_131)])
        #expect(r.total == Yen(5_300))
    }

    @Test("V5 東広島市 2022: 368 + 1,191 = 1,559 ⇒ 1,500") func v5() throws {
        let r = try lowThenHigh(base: 200_000, due: "2022-01-31", paid: "2022-03-25", low: "2.4", high: "8.7")
        #expect(r.days == [28, 25])
        #expect(r.segments == [Yen(368), Yen(1_191)])
        #expect(r.total == Yen(1_500))
    }

    @Test("V7 都城市 2017: 103 + 1,020 = 1,123 ⇒ 1,100") func v7() throws {
        let r = try lowThenHigh(base: 45_000, due: "2017-04-30", paid: "2017-08-31", low: "2.7", high: "9.0")
        #expect(r.days == [31, 92])
        #expect(r.segments == [Yen(103), Yen(1_020)])
        #expect(r.total == Yen(1_100))
    }

    @Test("V8 松阪 court convention: 100,000 + 9,178 = 109,178") func v8() throws {
        let result = try Accrual.compute(
            principal: Yen(1_000_000), window: window("2009-10-05", "2011-12-10"), excluded: .none,
            terms: AccrualTerms(rate: percent("5"), basis: .japaneseCourt, segmentRounding: .eachSegment(.floorToYen)),
            rule: RuleReference(clause: "民法第404条・第419条", title: "遅延損害金", document: "court practice"), inputs: [])
        #expect(result.explanation.segments.map(\.rounded) == [Yen(100_000), Yen(9_178)])
        #expect(result.explanation.segments.map(\.days) == [730, 67])
        #expect(result.amount == Yen(109_178))
    }

    @Test("V10 OKWave: (500,000,000 − 480,000,000) × 1/1000 × 15 = 300,000") func v10() throws {
        // A daily rate of 1/1000 is an annual rate of 365/1000 on the fixed-365 basis.
        let result = try Accrual.compute(
            principal: Yen(20_000_000), window: .delay(after: d("2020-03-31"), through: d("2020-04-15")), excluded: .none,
            terms: AccrualTerms(rate: Rate(annual: Rational(365, 1000))),
            rule: RuleReference(clause: "", title: "", document: ""), inputs: [])
        #expect(result.countedDays == 15)
        #expect(result.amount == Yen(300_000))
    }

    @Test("P1 安曇野市: 30,000 × 2.4% × 30/365 = 59") func p1() throws {
        let r = try lowThenHigh(base: 30_000, due: "2024-05-31", paid: "2024-07-15", low: "2.4", high: "8.7")
        #expect(r.days[0] == 30)
        #expect(r.segments[0] == Yen(59))
    }

    @Test("P2 大府市: 100,000 × 2.4% × 30/365 = 197.260…") func p2() throws {
        let result = try Accrual.compute(
            principal: Yen(100_000), window: DateWindow(first: d("2023-09-01"), last: CivilPeriod.months(1).lastDay(afterEventOn: d("2023-08-31"))!),
            excluded: .none, terms: AccrualTerms(rate: percent("2.4")), rule: RuleReference(clause: "", title: "", document: ""), inputs: [])
        #expect(result.countedDays == 30)
        #expect(result.exactAmount.decimalString(fractionDigits: 3) == "197.260…")
    }

    @Test("P3 東海市 and P4 福岡市: the first segments' day counts") func p3p4() {
        #expect(DateWindow(first: d("2020-08-01"), last: CivilPeriod.months(1).lastDay(afterEventOn: d("2020-07-31"))!).dayCount == 31)
        #expect(DateWindow(first: d("2025-09-02"), last: CivilPeriod.months(1).lastDay(afterEventOn: d("2025-09-01"))!).dayCount == 30)
    }
}
