import LatePenalty
import PropertyBased
import Testing

@Suite("Excluded days and windows")
struct ExcludedDaysTests {
    @Test func delayWindowStartsTheDayAfter() {
        #expect(DateWindow.delay(after: d("2022-03-25"), through: d("2022-03-25")) == nil)
        #expect(DateWindow.delay(after: d("2022-03-25"), through: d("2022-03-20")) == nil)
        #expect(DateWindow.delay(after: d("2022-03-25"), through: d("2022-03-26")) == window("2022-03-26", "2022-03-26"))
        #expect(DateWindow.delay(after: d("2022-03-25"), through: d("2022-04-30"))?.dayCount == 36)
    }

    @Test func overlappingAndOutsideRangesCountOnce() throws {
        let excluded = try ExcludedDays.parse("2022-04-10..2022-04-12;2022-04-11..2022-04-15;2022-04-15;2022-03-01..2022-03-27;2022-05-30..2022-06-05")
        let w = window("2022-03-26", "2022-05-31")
        // 03-26..03-27 (2) + 04-10..04-15 (6) + 05-30..05-31 (2)
        #expect(excluded.count(in: w) == 10)
        #expect(excluded.runs(in: w) == [window("2022-03-26", "2022-03-27"), window("2022-04-10", "2022-04-15"), window("2022-05-30", "2022-05-31")])
        #expect(excluded.countedRuns(in: w) == [window("2022-03-28", "2022-04-09"), window("2022-04-16", "2022-05-29")])
    }

    @Test func adjacentRunsMerge() throws {
        let excluded = try ExcludedDays.parse("2022-04-01..2022-04-02; 2022-04-03")
        #expect(excluded.runs == [window("2022-04-01", "2022-04-03")])
    }

    @Test func runsEndingOnTheLastSupportedDayMerge() throws {
        // Merging once asked for the day after 9999-12-31 and trapped (found by BytewiseBatchTests).
        let excluded = try ExcludedDays.parse("9999-12-30..9999-12-31;9999-12-31")
        #expect(excluded.runs == [window("9999-12-30", "9999-12-31")])
    }

    @Test func reversedRangeIsAnError() {
        #expect(throws: InputError(field: "excluded", reason: "range '2022-04-12..2022-04-10' ends before it starts; write FROM..TO with FROM on or before TO"))
        {
            try ExcludedDays.parse("2022-04-12..2022-04-10")
        }
        #expect(throws: InputError.self) { try ExcludedDays.parse("2022-04-31") }
        #expect(throws: InputError.self) { try ExcludedDays.parse("2022-04-01..") }
    }

    @Test func countedAndExcludedPartitionTheWindow() async {
        let gen = zip(Gen.int(in: 0...60), Gen.int(in: 0...60), Gen.int(in: 0...80), Gen.int(in: 0...20), Gen.int(in: 0...80), Gen.int(in: 0...20))
        await propertyCheck(count: 500, input: gen) { start, length, a, aLength, b, bLength in
            let base = d("2023-12-01").dayNumber
            let w = DateWindow(first: CivilDate(dayNumber: base + start), last: CivilDate(dayNumber: base + start + length))
            let excluded = ExcludedDays([
                DateWindow(first: CivilDate(dayNumber: base + a), last: CivilDate(dayNumber: base + a + aLength)),
                DateWindow(first: CivilDate(dayNumber: base + b), last: CivilDate(dayNumber: base + b + bLength)),
            ])
            let counted = excluded.countedRuns(in: w).reduce(0) { $0 + $1.dayCount }
            #expect(counted + excluded.count(in: w) == w.dayCount)
            // Brute force: count day by day.
            let brute = (w.first.dayNumber...w.last.dayNumber).filter { n in excluded.runs.contains { $0.contains(CivilDate(dayNumber: n)) } }.count
            #expect(brute == excluded.count(in: w))
        }
    }
}
