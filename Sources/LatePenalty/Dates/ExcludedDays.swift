/// Days that a clause says are not counted: inspection days (第6条第3項), force-majeure days
/// (第6条第5項), or any other exclusion.
///
/// Given as single dates and ranges that may overlap, touch, repeat or fall partly or wholly
/// outside the counting window; a day is excluded once however often it is named, and only the
/// days inside the window count.
public struct ExcludedDays: Sendable, Hashable, CustomStringConvertible {
    /// The excluded days as sorted, disjoint, non-adjacent runs.
    public let runs: [DateWindow]

    /// No excluded days.
    public static let none = ExcludedDays([])

    /// The union of `windows`.
    public init(_ windows: [DateWindow]) {
        // One run is already sorted and merged (a plain row's excluded range).
        guard windows.count > 1 else {
            runs = windows
            return
        }
        let sorted = windows.sorted { $0.first < $1.first }
        var merged: [DateWindow] = []
        for window in sorted {
            if let previous = merged.last, window.first.dayNumber <= previous.last.dayNumber + 1 {  // touching; no nextDay past 9999-12-31
                merged[merged.count - 1] = DateWindow(first: previous.first, last: max(previous.last, window.last))
            } else {
                merged.append(window)
            }
        }
        runs = merged
    }

    /// The union of single `dates`.
    public init(dates: [CivilDate]) {
        self.init(dates.map { DateWindow(first: $0, last: $0) })
    }

    /// Whether no day is excluded.
    public var isEmpty: Bool { runs.isEmpty }

    /// The excluded runs that fall inside `window`, cut to it.
    public func runs(in window: DateWindow) -> [DateWindow] {
        var result: [DateWindow] = []
        var index = firstRun(endingOnOrAfter: window.first)
        while index < runs.count, runs[index].first <= window.last {
            if let part = runs[index].intersection(window) { result.append(part) }
            index += 1
        }
        return result
    }

    /// The index of the first run that ends on or after `day` (`runs.count` if none): runs are
    /// sorted and disjoint, so a window's runs are found by binary search, not by a scan. A
    /// row with many excluded ranges and many payments asks once per balance period.
    func firstRun(endingOnOrAfter day: CivilDate) -> Int {
        var low = 0, high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].last < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// How many days of `window` are excluded.
    public func count(in window: DateWindow) -> Int {
        // Without building the intersections: this runs for every part of every row.
        var days = 0
        var index = runs.count > 4 ? firstRun(endingOnOrAfter: window.first) : 0
        while index < runs.count, runs[index].first <= window.last {
            let run = runs[index]
            let first = max(run.first.dayNumber, window.first.dayNumber), last = min(run.last.dayNumber, window.last.dayNumber)
            if first <= last { days += last - first + 1 }
            index += 1
        }
        return days
    }

    /// The days of `window` that are not excluded, as runs.
    public func countedRuns(in window: DateWindow) -> [DateWindow] {
        var result: [DateWindow] = []
        var start = window.first
        for run in runs(in: window) {
            if start < run.first { result.append(DateWindow(first: start, last: run.first.previousDay)) }
            if run.last >= window.last { return result }
            start = run.last.nextDay
        }
        result.append(DateWindow(first: start, last: window.last))
        return result
    }

    public var description: String {
        runs.isEmpty ? "none" : runs.map(\.description).joined(separator: ";")
    }
}
