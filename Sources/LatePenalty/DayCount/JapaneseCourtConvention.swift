/// The convention of Japanese courts for 遅延損害金 (端数期間暦年閏年説, used by 東京地裁民事第21部
/// and others): the whole years counted from the first day form one part, worth that many years;
/// the remaining days are split by calendar year, each part ÷365 or ÷366 by the length of its
/// year. Each part is floored to the yen before the parts are summed (choose
/// `SegmentRounding.eachSegment(.floorToYen)` with it).
///
/// Example (松阪 弁護士ブログ 遅延損害金の計算, https://bengoshi-mie.com/matsusakashi/blog/date/2017/11/07): ¥1,000,000 at 5% from 2009-10-05 through 2011-12-10 is two whole
/// years (¥100,000) plus 67 days of 2011 (¥9,178), ¥109,178 in all.
///
/// Excluded days have no agreed meaning here (do they shorten a whole year?), so a window with
/// excluded days inside it is refused rather than guessed at.
public struct JapaneseCourtConvention: DayCountBasis {
    public init() {}
    public var name: String { "court-japan" }
    public var description: String { "whole years, then the remaining days by calendar year ÷365/÷366 (端数期間暦年閏年説)" }

    public var denominators: [Int] { [1, 365, 366] }

    public func count(after previous: DayCount?, in window: DateWindow, excluding excluded: ExcludedDays) throws(InputError) -> DayCount? {
        // After the whole years or a year's part: the remaining days by calendar year.
        if let previous { return ActualByCalendarYear.yearCount(after: previous, in: window, excluding: .none) }
        guard excluded.count(in: window) == 0 else {
            throw InputError(
                field: "excluded", reason: "the court convention (court-japan) does not define excluded days; remove them or choose another day-count basis")
        }
        guard let (years, yearsEnd) = JapaneseCourtConvention.wholeYears(of: window) else {
            return ActualByCalendarYear.yearCount(after: nil, in: window, excluding: .none)
        }
        let span = DateWindow(first: window.first, last: yearsEnd)
        return DayCount(window: span, days: span.dayCount, years: years, perYear: 1)
    }

    /// The whole years counted from `window`'s first day that fit in it, and the last day of
    /// the last of them; nil when not even one fits. A year that would end after 9999-12-31
    /// cannot fit in a window, so counting stops there.
    static func wholeYears(of window: DateWindow) -> (years: Int, last: CivilDate)? {
        var years = 0
        var yearsEnd: CivilDate? = nil
        while let end = CivilPeriod.years(years + 1).lastDay(countingFrom: window.first), end <= window.last {
            years += 1
            yearsEnd = end
        }
        return yearsEnd.map { (years, $0) }
    }
}

extension DayCountBasis where Self == JapaneseCourtConvention {
    /// Whole years, then the remaining days by calendar year ÷365/÷366.
    public static var japaneseCourt: JapaneseCourtConvention { JapaneseCourtConvention() }
}
