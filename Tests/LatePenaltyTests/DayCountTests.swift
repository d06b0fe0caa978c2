import LatePenalty
import PropertyBased
import Testing

@Suite("Day-count bases")
struct DayCountTests {
    @Test func fixed365CountsTheLeapDayOver365() throws {
        let pieces = try Fixed365().counts(of: window("2024-02-01", "2024-03-31"), excluding: .none)
        #expect(pieces.count == 1)
        #expect(pieces[0].days == 60)
        #expect(pieces[0].yearFraction == Rational(60, 365))
    }

    @Test func actualByCalendarYearSplitsAtNewYear() throws {
        let pieces = try ActualByCalendarYear().counts(of: window("2023-12-01", "2024-01-31"), excluding: .none)
        #expect(pieces.map(\.days) == [31, 31])
        #expect(pieces.map(\.yearFraction) == [Rational(31, 365), Rational(31, 366)])
        #expect(pieces.map(\.window) == [window("2023-12-01", "2023-12-31"), window("2024-01-01", "2024-01-31")])
    }

    @Test func actual360() throws {
        let pieces = try Actual360().counts(of: window("2024-01-01", "2024-12-31"), excluding: .none)
        #expect(pieces[0].yearFraction == Rational(366, 360))
    }

    @Test func courtConventionWholeYearsThenStub() throws {
        // 松阪 弁護士ブログ 遅延損害金の計算, https://bengoshi-mie.com/matsusakashi/blog/date/2017/11/07: 2009-10-05 through 2011-12-10 is 2 whole years and 67 days of 2011.
        let pieces = try JapaneseCourtConvention().counts(of: window("2009-10-05", "2011-12-10"), excluding: .none)
        #expect(pieces.map(\.yearFraction) == [Rational(2), Rational(67, 365)])
        #expect(pieces[0].window == window("2009-10-05", "2011-10-04"))
        // A stub that crosses into a leap year is split: 2023-11-01 .. 2024-01-31.
        let leap = try JapaneseCourtConvention().counts(of: window("2022-11-01", "2024-01-31"), excluding: .none)
        #expect(leap.map(\.yearFraction) == [Rational(1), Rational(61, 365), Rational(31, 366)])
    }

    @Test func courtConventionRefusesExcludedDays() {
        #expect(throws: InputError.self) {
            try JapaneseCourtConvention().counts(of: window("2022-01-01", "2022-12-31"), excluding: ExcludedDays(dates: [d("2022-05-05")]))
        }
    }

    @Test func basesByName() {
        #expect(DayCountBases.named("fixed-365") is Fixed365)
        #expect(DayCountBases.named("actual-by-year") is ActualByCalendarYear)
        #expect(DayCountBases.named("actual-360") is Actual360)
        #expect(DayCountBases.named("court-japan") is JapaneseCourtConvention)
        #expect(DayCountBases.named("30/360") == nil)
    }

    @Test func yearFractionsAreAdditiveOverAnySplit() async throws {
        // The exact value over a window equals the sum over any split of it (calendar-day bases).
        let gen = zip(Gen.int(in: d("1990-01-01").dayNumber...d("2030-12-31").dayNumber), Gen.int(in: 1...1200), Gen.int(in: 0...1199))
        await propertyCheck(count: 500, input: gen) { start, length, cutOffset in
            let w = DateWindow(first: CivilDate(dayNumber: start), last: CivilDate(dayNumber: start + length - 1))
            let cut = cutOffset % length
            guard cut > 0 else { return }
            let left = DateWindow(first: w.first, last: w.first.advanced(by: cut - 1))
            let right = DateWindow(first: w.first.advanced(by: cut), last: w.last)
            for basis in [Fixed365() as any DayCountBasis, ActualByCalendarYear(), Actual360()] {
                func total(_ x: DateWindow) -> Rational {
                    (try! basis.counts(of: x, excluding: .none)).reduce(Rational(0)) { $0 + $1.yearFraction }
                }
                #expect(total(w) == total(left) + total(right), "\(basis.name) over \(w) cut at \(cut)")
            }
        }
    }
}
