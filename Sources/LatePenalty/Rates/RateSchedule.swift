/// One row of a rate table: the rates in force from `window.first` through `window.last`, and
/// where the numbers come from.
public struct RateRow: Sendable, Hashable {
    public let window: DateWindow
    /// The rate, or the low rate of a two-tier regime (the first one or two months).
    public let rate: Rate
    /// The high rate of a two-tier regime (after the first one or two months), if any.
    public let highRate: Rate?
    /// The rate of the row's days inside a 猶予 period of kind 猶予特例 (the 猶予特例基準割合,
    /// 租税特別措置法第94条第2項), if the table gives one.
    public let graceRate: Rate?
    /// The notice, statute or page the numbers come from.
    public let source: String

    public init(window: DateWindow, rate: Rate, highRate: Rate? = nil, graceRate: Rate? = nil, source: String) {
        self.window = window
        self.rate = rate
        self.highRate = highRate
        self.graceRate = graceRate
        self.source = source
    }
}

/// A table of dated rates with no gap and no overlap, in date order. Validated when made, so a
/// table that would leave a day without a rate, or give it two, never reaches a computation.
public struct RateSchedule: Sendable, Hashable {
    public let rows: [RateRow]
    /// Periods outside the table that sources speak of but the table does not ship, in date
    /// order: a day in one is refused, and the error quotes the row.
    public let unverified: [UnverifiedRateRow]

    /// Validates `rows`: at least one, in date order, each starting the day after the previous
    /// one ends; and `unverified`: in date order, none overlapping another or the table. The
    /// error names the row (1-based) and what is wrong with it.
    public init(rows: [RateRow], unverified: [UnverifiedRateRow] = []) throws(InputError) {
        guard !rows.isEmpty else { throw InputError(field: "rates", reason: "the rate table has no rows") }
        for index in rows.indices.dropFirst() {
            let previous = rows[index - 1].window, row = rows[index].window
            let name = "rate table row \(index + 1) (from \(row.first))"
            if row.first <= previous.first {
                throw InputError(field: "rates", reason: "\(name) does not start after row \(index) (from \(previous.first)); list the rows in date order")
            }
            if row.first <= previous.last {
                throw InputError(field: "rates", reason: "\(name) overlaps row \(index), which runs to \(previous.last); each day must have one rate")
            }
            if row.first > previous.last.nextDay {
                let gap = DateWindow(first: previous.last.nextDay, last: row.first.previousDay)
                throw InputError(
                    field: "rates", reason: "\(name) leaves a gap after row \(index): no rate for \(gap) (\(gap.dayCount) day\(gap.dayCount == 1 ? "" : "s"))")
            }
        }
        self.rows = rows
        let coverage = DateWindow(first: rows[0].window.first, last: rows[rows.count - 1].window.last)
        for (index, row) in unverified.enumerated() {
            let name = "unverified row \(index + 1) (\(row.window))"
            if row.window.first <= coverage.last, coverage.first <= row.window.last {
                throw InputError(field: "rates", reason: "\(name) overlaps the table, which covers \(coverage); an unverified row lies before or after it")
            }
            if index > 0, row.window.first <= unverified[index - 1].window.last {
                throw InputError(field: "rates", reason: "\(name) does not start after unverified row \(index) ends; list them in date order, without overlaps")
            }
        }
        self.unverified = unverified
    }

    /// The unverified row that holds `date`, if any.
    public func unverifiedRow(on date: CivilDate) -> UnverifiedRateRow? {
        unverified.first { $0.window.contains(date) }
    }

    /// The days the table covers.
    public var coverage: DateWindow { DateWindow(first: rows[0].window.first, last: rows[rows.count - 1].window.last) }

    /// The row in force on `date`, or `nil` outside the table.
    public func row(on date: CivilDate) -> RateRow? {
        rowIndex(on: date).map { rows[$0] }
    }

    /// The first day of the first row that starts after `date`, or nil.
    func firstStart(after date: CivilDate) -> CivilDate? {
        var low = 0, high = rows.count  // the first row with window.first > date is in low..<high, or none
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].window.first > date { high = middle } else { low = middle + 1 }
        }
        return low < rows.count ? rows[low].window.first : nil
    }

    /// The index of the row in force on `date`, or `nil` outside the table.
    func rowIndex(on date: CivilDate) -> Int? {
        // Binary search: rows are sorted and contiguous.
        var low = 0, high = rows.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let window = rows[middle].window
            if date < window.first { high = middle - 1 } else if date > window.last { low = middle + 1 } else { return middle }
        }
        return nil
    }
}
