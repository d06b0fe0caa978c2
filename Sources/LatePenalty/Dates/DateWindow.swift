/// A non-empty run of consecutive days, both ends counted (両端入れ): 2022-03-26...2022-03-28
/// is three days.
public struct DateWindow: Sendable, Hashable, CustomStringConvertible {
    public let first: CivilDate
    public let last: CivilDate

    /// The days `first` through `last`.
    ///
    /// - Precondition: `first <= last`.
    public init(first: CivilDate, last: CivilDate) {
        precondition(first <= last, "DateWindow: \(first) is after \(last)")
        self.first = first
        self.last = last
    }

    /// The days of delay after a deadline: from the day after `deadline` (民法第140条) through
    /// `end`, both counted; `nil` when `end` is not after `deadline` (no delay).
    public static func delay(after deadline: CivilDate, through end: CivilDate) -> DateWindow? {
        end > deadline ? DateWindow(first: deadline.nextDay, last: end) : nil  // end > deadline: not the last day
    }

    /// The number of days in the window.
    public var dayCount: Int { first.distance(to: last) + 1 }

    /// Whether `date` is in the window.
    public func contains(_ date: CivilDate) -> Bool { first <= date && date <= last }

    /// The days this window shares with `other`, or `nil` when none.
    public func intersection(_ other: DateWindow) -> DateWindow? {
        let start = max(first, other.first), end = min(last, other.last)
        return start <= end ? DateWindow(first: start, last: end) : nil
    }

    /// The window cut at each 1 January inside it, one part per calendar year.
    public var splitByCalendarYear: [DateWindow] {
        var parts: [DateWindow] = []
        var start = first
        while start <= last {
            let yearEnd = min(CivilDate.lastDay(ofYear: start.year), last)
            parts.append(DateWindow(first: start, last: yearEnd))
            guard yearEnd < last else { break }
            start = yearEnd.nextDay
        }
        return parts
    }

    public var description: String { OutputBytes.text { write(to: $0) } }

    /// Writes ``description`` to `out`: `2021-01-01..2021-12-31`, or one date for one day.
    func write(to out: OutputBytes) {
        first.writeISO8601(to: out)
        guard first != last else { return }
        out.append(literal: "..")
        last.writeISO8601(to: out)
    }
}
