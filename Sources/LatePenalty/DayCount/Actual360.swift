/// Actual days over 360 (ACT/360), the money-market convention; offered for contracts that
/// name it, not used by Japanese public rules.
public struct Actual360: DayCountBasis {
    public init() {}
    public var name: String { "actual-360" }
    public var description: String { "actual days / 360" }

    public var denominators: [Int] { [360] }

    public func count(after previous: DayCount?, in window: DateWindow, excluding excluded: ExcludedDays) throws(InputError) -> DayCount? {
        previous == nil ? .days(window.dayCount - excluded.count(in: window), in: window, perYear: 360) : nil
    }
}

extension DayCountBasis where Self == Actual360 {
    /// Actual days / 360.
    public static var actual360: Actual360 { Actual360() }
}
