/// Finds the rate of each day of one delay under a ``RatePlan``, and where the rate changes.
struct RateResolver {
    let plan: RatePlan
    /// The last day of the low-rate period, when the plan has one.
    let lowEnd: CivilDate?
    /// The index of the table row fixed for the whole delay (`firstDayOfDelay`, `contractDate…`).
    let fixedRow: Int?
    /// The delay's reduced periods: a piece never straddles one's first or last day.
    let reduced: ReducedPeriods

    init(plan: RatePlan, delay: DelayCase, window: DateWindow) throws(InputError) {
        self.plan = plan
        reduced = delay.reduced
        // A low period that would end after 9999-12-31 covers every day a window can hold.
        lowEnd = plan.lowPeriod.map { $0.lastDay(afterEventOn: delay.lowPeriodFrom ?? delay.due) ?? .last }
        guard case .table(let schedule, let pick) = plan.source, pick != .eachDay else {
            fixedRow = nil
            return
        }
        let contractDate = pick == .contractDateElseFirstDayOfDelay ? delay.contractDate : nil
        let useContractDate = contractDate != nil
        // A contract comes before the payment it provides for: a later date would pick a rate
        // of a period the delay never saw.
        if let contractDate, contractDate > delay.due {
            throw InputError(
                field: "contract_date", reason: "\(contractDate) is after the due date \(delay.due); the contract is made before its payment falls due")
        }
        let date = contractDate ?? window.first
        guard let row = schedule.rowIndex(on: date) else {
            throw RateResolver.missing(date, schedule, field: useContractDate ? "contract_date" : "due")
        }
        fixedRow = row
    }

    /// `period` cut wherever the rate may change: after the low-rate period, at each table row's
    /// first day for `eachDay` tables, at each 1 January when the plan says so, and where a
    /// reduced period begins or ends.
    func pieces(of period: DateWindow) -> [DateWindow] {
        var pieces: [DateWindow] = []
        var previous: DateWindow? = nil
        while let piece = piece(after: previous, of: period) {
            pieces.append(piece)
            previous = piece
        }
        return pieces
    }

    /// The piece of `period` after `previous` (the first piece when nil), or nil after the last:
    /// one at a time, so that a computation builds no array.
    func piece(after previous: DateWindow?, of period: DateWindow) -> DateWindow? {
        var first = period.first
        if let previous {
            guard previous.last < period.last else { return nil }
            first = previous.last.nextDay
        }
        // The earliest day after `first` on which the rate may change.
        var cut = period.last.dayNumber + 1
        if let lowEnd, lowEnd >= first, lowEnd < period.last { cut = min(cut, lowEnd.dayNumber + 1) }
        if plan.splitsAtNewYear { cut = min(cut, CivilDate.firstDayNumber(ofYear: first.year + 1)) }
        if case .table(let schedule, .eachDay) = plan.source, let start = schedule.firstStart(after: first) {
            cut = min(cut, start.dayNumber)
        }
        if !reduced.isEmpty, let boundary = reduced.nextBoundary(after: first) { cut = min(cut, boundary) }
        return DateWindow(first: first, last: CivilDate(dayNumber: min(cut - 1, period.last.dayNumber)))
    }

    /// Where the rate of `day` comes from: the table row (0 for a fixed rate) and whether it is
    /// the low rate (the rate of a plan without a low period counts as low).
    func source(on day: CivilDate) throws(InputError) -> (row: Int, low: Bool) {
        let low = lowEnd.map { day <= $0 } ?? true
        switch plan.source {
        case .fixed:
            return (0, low)
        case .table(let schedule, let pick):
            guard let row = pick == .eachDay ? schedule.rowIndex(on: day) : fixedRow else {
                // A day before the table is the due date's doing; one after it, the payment day's.
                throw RateResolver.missing(day, schedule, field: day < schedule.coverage.first ? "due" : "paid")
            }
            return (row, low)
        }
    }

    /// The reduced period holding `day`, by its index, if any.
    func reduction(on day: CivilDate) -> Int? { reduced.isEmpty ? nil : reduced.index(containing: day) }

    /// The rate of `day` after its reduced period, if any.
    func reducedRate(on day: CivilDate) throws(InputError) -> Rate {
        let rate = try rate(on: day).0
        guard let index = reduction(on: day) else { return rate }
        let period = reduced.periods[index]
        return period.applied(to: rate, halving: halves(on: day), grace: period.kind == .grace ? try grace(on: day) : nil)
    }

    /// The 猶予特例基準割合 of `day` from the rate table, or an error asking for the rate.
    func grace(on day: CivilDate) throws(InputError) -> Rate {
        guard let rate = RateResolver.graceRates(plan)[try source(on: day).row] else { throw RateResolver.noGrace(day) }
        return rate
    }

    /// Each source row's 猶予特例基準割合, if given: row 0 of a fixed rate has none.
    static func graceRates(_ plan: RatePlan) -> [Rate?] {
        switch plan.source {
        case .fixed: return [nil]
        case .table(let schedule, _): return schedule.rows.map(\.graceRate)
        }
    }

    static func noGrace(_ day: CivilDate) -> InputError {
        InputError(
            field: "reduced",
            reason:
                "the rates in use give no 猶予特例基準割合 for \(day) (grace_rate in the regime's table; none when the row gives its own rate); give the rate of the 猶予 instead, as FROM..TO:RATE"
        )
    }

    /// Whether a half period halves `day`: a day after the low-rate period, or any day of a plan
    /// without one (国税通則法第63条第1項: 納期限の翌日から二月を経過する日後の期間に限る).
    func halves(on day: CivilDate) -> Bool { lowEnd.map { day > $0 } ?? true }

    /// The rate of `day`, a note saying where it comes from, and the table row it is read from.
    func rate(on day: CivilDate) throws(InputError) -> (Rate, String?, RateRow?) {
        let (index, low) = try source(on: day)
        let (rate, note) = RateResolver.described(plan, row: index, low: low)
        return (rate, note, RateResolver.tableRow(plan, row: index))
    }

    /// The rate of a source row (0 for a fixed rate), low or high, and a note saying where it
    /// comes from (low or high, the table row): the same for every delay under `plan`, so a plan
    /// works them out once. The row's source is cited apart (``tableRow(_:row:)``).
    static func described(_ plan: RatePlan, row index: Int, low: Bool) -> (Rate, String?) {
        let tier = plan.lowPeriod == nil ? "" : (low ? "low rate" : "high rate")
        switch plan.source {
        case .fixed(let rate, let highRate):
            return (low ? rate : (highRate ?? rate), tier.isEmpty ? nil : tier)
        case .table(let schedule, let pick):
            let row = schedule.rows[index]
            let rate = low ? row.rate : (row.highRate ?? row.rate)
            let picked = pick == .eachDay ? "" : " (\(pick.rawValue))"
            return (rate, "\(tier.isEmpty ? "" : tier + ", ")rate table \(row.window)\(picked)")
        }
    }

    /// The table row of source row `index`, which an explanation cites once for all the
    /// segments it rates; nil for a fixed rate.
    static func tableRow(_ plan: RatePlan, row index: Int) -> RateRow? {
        switch plan.source {
        case .fixed: return nil
        case .table(let schedule, _): return schedule.rows[index]
        }
    }

    static func missing(_ date: CivilDate, _ schedule: RateSchedule, field: String) -> InputError {
        let remedy =
            "give the rate explicitly in the row's 'rate' field (it then applies to every day of the row: split a row that runs on into the table where the table begins), or a rate file with --rates"
        // An open-ended table is said to run on, not to end on 9999-12-31.
        let coverage = schedule.coverage.last == .last ? "\(schedule.coverage.first) onwards" : "\(schedule.coverage)"
        guard let row = schedule.unverifiedRow(on: date) else {
            return InputError(field: field, reason: "no rate in the table for \(date) (the table covers \(coverage)); \(remedy)")
        }
        // What the sources say is quoted, not applied: the person who types the rate decides.
        return InputError(
            field: field,
            reason:
                "no verified rate for \(date) (the table covers \(coverage)); \(row.window) is listed as unverified (\(row.rates)): \(row.source); \(remedy)"
        )
    }
}
