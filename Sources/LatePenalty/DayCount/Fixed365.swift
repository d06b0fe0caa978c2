/// Actual days over a fixed 365, even for periods that contain 29 February (閏年の日を含む期間に
/// ついても365日当たりの割合).
///
/// The Japanese public-sector rule: 利率等の表示の年利建て移行に関する法律 第25条 for 延滞税,
/// 延滞金, 違約金 and the like, and the prefectural rules modelled on it. The numerator counts
/// 29 February; the denominator stays 365.
public struct Fixed365: DayCountBasis {
    public init() {}
    public var name: String { "fixed-365" }
    public var description: String { "actual days / 365, also in leap years (閏年も365日)" }

    public var denominators: [Int] { [365] }

    public func count(after previous: DayCount?, in window: DateWindow, excluding excluded: ExcludedDays) throws(InputError) -> DayCount? {
        previous == nil ? .days(window.dayCount - excluded.count(in: window), in: window, perYear: 365) : nil
    }
}

extension DayCountBasis where Self == Fixed365 {
    /// Actual days / 365, also in leap years.
    public static var fixed365: Fixed365 { Fixed365() }
}
