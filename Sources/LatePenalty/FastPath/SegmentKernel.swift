/// A plan's evaluation of a plain row in `Int128` with nothing recorded: the same balance
/// periods, bases, rate pieces, segments, roundings and minimum as
/// ``AccrualPlan/evaluate(_:principal:payments:window:excluded:rates:explanation:)``, over day
/// numbers and arrays read by index instead of the general rate resolver and day-count
/// interface, so that a statutory row (rate tables, low and high periods, payments, each
/// segment rounded) costs about what a seed contract's row costs.
///
/// Built from a plan's terms and constants, it refuses terms it cannot honour: a day-count basis
/// other than a fixed year (`fixed-365`, `actual-360`), the calendar year (`actual-by-year`) or
/// the court convention (`court-japan`, whole years first); the plan makes none for reduced
/// periods or constants that do not fit in `Int128`. It also hands a row back (nil) to the plan
/// whenever the row needs more than it does: a window outside the rate table or in a gap
/// between its rows, payments not in strictly increasing date order or after the end day, a
/// positive balance under the base minimum, excluded days under the court convention, an
/// overflow. The plan then computes the row, and reports its error if it has one. Property
/// tests hold the kernel equal to the plan on random rows of every regime.
package final class SegmentKernel: @unchecked Sendable {
    // Immutable after init; its row arrays are allocated once and freed in deinit, so that a
    // row's evaluation reads them without retaining anything.
    let numbers: Numbers
    let lowPeriod: CivilPeriod?

    /// Every number a row reads, by value: the plan's constants, the terms' modes and the rate
    /// rows as day numbers (row 0 only for a fixed rate, covering every day) and scaled rates.
    struct Numbers {
        let denominator: Int128
        let basisScale: Int
        /// The year length of a fixed-year basis, or nil for the calendar year (365 or 366).
        let perYear: Int?
        /// Whether each piece counts whole years first, then its remaining days by calendar
        /// year (the court convention).
        let court: Bool
        /// Whether pieces end at 31 December: the plan's own rule, or the calendar-year basis.
        let splitsAtNewYear: Bool
        /// Whether the row changes day by day (`eachDay` tables); else the row of the first
        /// day of delay holds for the whole delay.
        let eachDay: Bool
        let baseMinimum: Int128?
        let baseUnit: Int128?
        let baseMode: RoundingMode?
        let segmentDivisor: Int128?
        let segmentUnit: Int128?
        let segmentMode: RoundingMode?
        let resultDivisor: Int128
        let resultUnit: Int128
        let resultMode: RoundingMode
        let waiveBelow: Int128?
        let interestFirst: Bool
        /// The last day a delay may count (later days are the plan's error to report), kept
        /// here so that a row does not read a lazily made global.
        let latestDay: Int
        let rowFirst: UnsafeBufferPointer<Int>
        let rowLast: UnsafeBufferPointer<Int>
        let low: UnsafeBufferPointer<Int128>
        let high: UnsafeBufferPointer<Int128>
    }

    /// The kernel of `terms` compiled to `constants` (a plan's, in `Int128`, without reduced
    /// periods), or nil when the terms are more than it computes.
    init?(terms: AccrualTerms, constants: AccrualPlan.Constants<Int128>) {
        let perYear: Int?, court: Bool
        switch terms.basis.name {
        case Fixed365().name, Actual360().name:
            guard terms.basis.denominators.count == 1 else { return nil }
            (perYear, court) = (terms.basis.denominators[0], false)
        case ActualByCalendarYear().name:
            (perYear, court) = (nil, false)
        case JapaneseCourtConvention().name:
            (perYear, court) = (nil, true)
        default:
            return nil
        }
        let rowFirst: [Int], rowLast: [Int], eachDay: Bool
        switch terms.rates.source {
        case .fixed:
            (rowFirst, rowLast, eachDay) = ([CivilDate.firstDayNumber], [CivilDate.lastDayNumber], false)
        case .table(let schedule, let pick):
            // A contract date never reaches a plain row: its first day of delay picks the row.
            rowFirst = schedule.rows.map(\.window.first.dayNumber)
            rowLast = schedule.rows.map(\.window.last.dayNumber)
            eachDay = pick == .eachDay
        }
        guard !rowFirst.isEmpty, constants.scaledRates.count == rowFirst.count,
            (perYear.map { [$0] } ?? [1, 365, 366]).allSatisfy({ constants.basisScale % $0 == 0 })
        else { return nil }
        let segmentMode: RoundingMode? = if case .eachSegment(let rounding) = terms.segmentRounding { rounding.mode } else { nil }
        numbers = Numbers(
            denominator: constants.denominator, basisScale: constants.basisScale, perYear: perYear, court: court,
            splitsAtNewYear: terms.rates.splitsAtNewYear || (perYear == nil && !court), eachDay: eachDay, baseMinimum: constants.baseMinimum,
            baseUnit: constants.baseUnit, baseMode: terms.baseRounding?.mode, segmentDivisor: constants.segmentDivisor,
            segmentUnit: constants.segmentUnit, segmentMode: segmentMode, resultDivisor: constants.resultDivisor,
            resultUnit: constants.resultUnit, resultMode: terms.resultRounding.mode, waiveBelow: constants.waiveBelow,
            interestFirst: terms.paymentAllocation == .interestFirst, latestDay: Accrual.latestDayCounted.dayNumber,
            rowFirst: .table(rowFirst), rowLast: .table(rowLast), low: .table(constants.scaledRates.map(\.low)),
            high: .table(constants.scaledRates.map(\.high)))
        lowPeriod = terms.rates.lowPeriod
    }

    deinit {
        numbers.rowFirst.deallocate()
        numbers.rowLast.deallocate()
        numbers.low.deallocate()
        numbers.high.deallocate()
    }

    /// What a row comes to: as ``AccrualPlan/PlainCharge`` with the amount in `Int128`.
    struct Charge {
        var amount: Int128
        var waived: Bool
        var countedDays: Int
        var excludedDays: Int
    }

    /// The charge of a delay after day `due` through day `end`, the days `excludedFirst`
    /// through `excludedLast` not counted (none when first > last), with partial `payments`;
    /// nil hands the row to the plan.
    func charge(principal: Int128, due: Int, end: Int, excludedFirst: Int, excludedLast: Int, payments: [(date: CivilDate, amount: Int128)]) -> Charge? {
        let numbers = self.numbers
        guard principal >= 0, due <= numbers.latestDay, end <= numbers.latestDay else { return nil }
        var previousDate = Int.min
        for payment in payments {
            guard payment.date.dayNumber > previousDate, payment.date.dayNumber <= end, payment.amount >= 0 else { return nil }
            previousDate = payment.date.dayNumber
        }
        guard end > due else { return Charge(amount: 0, waived: false, countedDays: 0, excludedDays: 0) }
        let first = due + 1
        let excludedDays = SegmentKernel.overlap(first, end, excludedFirst, excludedLast)
        // The court convention does not define excluded days: the plan reports the error.
        guard !numbers.court || excludedDays == 0 else { return nil }
        // Every counted day has a rate: the window lies inside the table, or the row of its
        // first day holds for the whole delay.
        let lastRated = numbers.rowLast[numbers.rowLast.count - 1]
        guard first >= numbers.rowFirst[0], first <= lastRated, end <= lastRated || !numbers.eachDay else { return nil }
        let lowEnd = lowPeriod.map { $0.lastDay(afterEventOn: CivilDate(dayNumber: due))?.dayNumber ?? CivilDate.lastDayNumber }
        let firstRow = SegmentKernel.rowIndex(first, numbers)
        // A first day in a gap between rows has no rate: the plan says so.
        guard numbers.rowFirst[firstRow] <= first, first <= numbers.rowLast[firstRow] else { return nil }
        var run = Run(numbers: numbers, lowEnd: lowEnd, excludedFirst: excludedFirst, excludedLast: excludedLast, row: firstRow)
        var balance = principal
        var periodStart = first
        for (date, amount) in payments where date.dayNumber < first {
            guard let reduced = balance.subtracting(amount) else { return nil }
            balance = max(0, reduced)
        }
        for (date, amount) in payments where date.dayNumber >= first && date.dayNumber < end {
            guard run.accrue(balance, from: periodStart, through: date.dayNumber), let newBalance = run.pay(amount, from: balance) else { return nil }
            balance = newBalance
            periodStart = date.dayNumber + 1
        }
        guard run.accrue(balance, from: periodStart, through: end) else { return nil }
        let rounded = run.total.divided(by: numbers.resultDivisor, rounding: numbers.resultMode).multiplied(by: numbers.resultUnit)
        guard var amount = rounded else { return nil }
        if let threshold = numbers.waiveBelow, amount < threshold { amount = 0 }
        let waived = amount == 0 && numbers.waiveBelow != nil && run.total > 0
        return Charge(amount: amount, waived: waived, countedDays: end - first + 1 - excludedDays, excludedDays: excludedDays)
    }

    /// The rate row holding `day`, by binary search (the window was checked to lie inside).
    private static func rowIndex(_ day: Int, _ numbers: Numbers) -> Int {
        var lowIndex = 0, highIndex = numbers.rowFirst.count - 1
        while lowIndex < highIndex {
            let middle = (lowIndex + highIndex + 1) / 2
            if numbers.rowFirst[middle] <= day { lowIndex = middle } else { highIndex = middle - 1 }
        }
        return lowIndex
    }

    /// How many of the days `first...last` lie in `from...to`.
    @inline(__always)
    private static func overlap(_ first: Int, _ last: Int, _ from: Int, _ to: Int) -> Int {
        let start = max(first, from), stop = min(last, to)
        return start <= stop ? stop - start + 1 : 0
    }

    /// The running state of one row.
    private struct Run {
        let numbers: Numbers
        let lowEnd: Int?
        let excludedFirst: Int
        let excludedLast: Int
        /// The rate row of the piece being computed: pieces come in date order.
        var row: Int
        var total: Int128 = 0
        var unpaidInterest: Int128 = 0
        var accruedSinceLastPayment: Int128 = 0

        init(numbers: Numbers, lowEnd: Int?, excludedFirst: Int, excludedLast: Int, row: Int) {
            self.numbers = numbers
            self.lowEnd = lowEnd
            self.excludedFirst = excludedFirst
            self.excludedLast = excludedLast
            self.row = row
        }

        /// Adds the segments of the balance period `first...last`; false hands the row back.
        @inline(__always)
        mutating func accrue(_ balance: Int128, from first: Int, through last: Int) -> Bool {
            if let minimum = numbers.baseMinimum, balance < minimum {
                // A positive balance under the minimum may waive the row: the plan says.
                return balance <= 0
            }
            var base = balance
            if let unit = numbers.baseUnit, let mode = numbers.baseMode {
                guard let rounded = balance.divided(by: unit, rounding: mode).multiplied(by: unit) else { return false }
                base = rounded
            }
            var start = first
            while start <= last {
                if numbers.eachDay {
                    while numbers.rowLast[row] < start { row += 1 }
                    // A day in a gap between rows has no rate (unless excluded): the plan decides.
                    guard numbers.rowFirst[row] <= start else { return false }
                }
                // The piece ends where the rate may change: the period's end, the low period's
                // last day, the table row's last day, 31 December.
                var stop = last
                if let lowEnd, lowEnd >= start, lowEnd < stop { stop = lowEnd }
                if numbers.eachDay { stop = min(stop, numbers.rowLast[row]) }
                var year = 0
                if numbers.splitsAtNewYear {
                    year = CivilDate.year(ofDayNumber: start)
                    stop = min(stop, CivilDate.firstDayNumber(ofYear: year + 1) - 1)
                }
                let isLow = lowEnd.map { start <= $0 } ?? true
                let rate = isLow ? numbers.low[row] : numbers.high[row]
                let pieceStart = start
                start = stop + 1
                if numbers.court {
                    guard courtParts(base, rate, from: pieceStart, through: stop) else { return false }
                    continue
                }
                let days = stop - pieceStart + 1 - SegmentKernel.overlap(pieceStart, stop, excludedFirst, excludedLast)
                guard days > 0 else { continue }
                guard add(base, days, rate, perYear: numbers.perYear ?? CivilDate.daysInYear(year)) else { return false }
            }
            return true
        }

        /// Adds the parts of a piece under the court convention (no day of it excluded): its
        /// whole years as one part worth that many years, then its remaining days by calendar
        /// year.
        mutating func courtParts(_ base: Int128, _ rate: Int128, from first: Int, through last: Int) -> Bool {
            var start = first
            let piece = DateWindow(first: CivilDate(dayNumber: first), last: CivilDate(dayNumber: last))
            if let (years, yearsEnd) = JapaneseCourtConvention.wholeYears(of: piece) {
                guard add(base, years, rate, perYear: 1) else { return false }
                start = yearsEnd.dayNumber + 1
            }
            while start <= last {
                let year = CivilDate.year(ofDayNumber: start)
                let stop = min(last, CivilDate.firstDayNumber(ofYear: year + 1) - 1)
                guard add(base, stop - start + 1, rate, perYear: CivilDate.daysInYear(year)) else { return false }
                start = stop + 1
            }
            return true
        }

        /// Adds one segment: `base × count/perYear` years at the scaled `rate`, rounded when
        /// segments are; false on overflow.
        @inline(__always)
        mutating func add(_ base: Int128, _ count: Int, _ rate: Int128, perYear: Int) -> Bool {
            guard let exact = base.multiplied(by: Int128(count))?.multiplied(by: rate)?.multiplied(by: Int128(numbers.basisScale / perYear))
            else { return false }
            var value = exact
            if let divisor = numbers.segmentDivisor, let unit = numbers.segmentUnit, let mode = numbers.segmentMode {
                guard let yen = exact.divided(by: divisor, rounding: mode).multiplied(by: unit),
                    let scaled = yen.multiplied(by: numbers.denominator)
                else { return false }
                value = scaled
            }
            guard let newTotal = total.adding(value), let newAccrued = accruedSinceLastPayment.adding(value) else { return false }
            total = newTotal
            accruedSinceLastPayment = newAccrued
            return true
        }

        /// The balance after a partial payment (interest first when the terms say so); nil on
        /// overflow.
        @inline(__always)
        mutating func pay(_ amount: Int128, from balance: Int128) -> Int128? {
            var toPrincipal = amount
            if numbers.interestFirst {
                let denominator = numbers.denominator
                guard let unpaid = unpaidInterest.adding(accruedSinceLastPayment) else { return nil }
                let toInterest = min(amount, unpaid.divided(by: denominator, rounding: .floor))
                guard let paid = toInterest.multiplied(by: denominator), let left = unpaid.subtracting(paid) else { return nil }
                unpaidInterest = left
                toPrincipal = amount - toInterest
            }
            accruedSinceLastPayment = 0
            guard let reduced = balance.subtracting(toPrincipal) else { return nil }
            return max(0, reduced)
        }
    }
}
