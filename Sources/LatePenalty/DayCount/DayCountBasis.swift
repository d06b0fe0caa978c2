/// How days of delay become a fraction of a year: a named convention, one per file, behind this
/// one interface (as QuantLib's `ql/time/daycounters/`).
///
/// A basis cuts the counted days of a window into ``DayCount``s, each with its year fraction as
/// two whole numbers; the accrual multiplies each by the principal and the annual rate.
public protocol DayCountBasis: Sendable, CustomStringConvertible {
    /// A stable name for files and the command line: `fixed-365`, `actual-by-year`,
    /// `actual-360`, `court-japan`.
    var name: String { get }

    /// Every denominator its year fractions may have (365; 365 and 366; 1 for whole years …):
    /// a plan computes over their least common multiple.
    var denominators: [Int] { get }

    /// The part of `window` after `previous` (the first part when nil), with `excluded` days
    /// removed, or nil after the last. One part at a time, so that a computation builds no
    /// array: parts come in date order and together cover the window.
    func count(after previous: DayCount?, in window: DateWindow, excluding excluded: ExcludedDays) throws(InputError) -> DayCount?
}

extension DayCountBasis {
    /// The parts of `window` after removing `excluded` days, in whole numbers.
    public func counts(of window: DateWindow, excluding excluded: ExcludedDays) throws(InputError) -> [DayCount] {
        var parts: [DayCount] = []
        var previous: DayCount? = nil
        while let part = try count(after: previous, in: window, excluding: excluded) {
            parts.append(part)
            previous = part
        }
        return parts
    }

}

/// The bases the library ships, by name.
public enum DayCountBases {
    /// Every shipped basis.
    public static let all: [any DayCountBasis] = [Fixed365(), ActualByCalendarYear(), Actual360(), JapaneseCourtConvention()]

    /// The shipped basis called `name`, or `nil`.
    public static func named(_ name: String) -> (any DayCountBasis)? {
        all.first { $0.name == name }
    }
}
