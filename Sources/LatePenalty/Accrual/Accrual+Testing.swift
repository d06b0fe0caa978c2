// Hooks for the tests that hold the integer evaluator to the exact reference: package access,
// never public.

extension Accrual {
    /// ``compute(_:terms:rule:inputs:)`` with every row on GMP integers, as a row whose `Int128`
    /// products overflow is computed.
    package static func computeOnGMP(
        _ delay: DelayCase, terms: AccrualTerms, rule: RuleReference, inputs: [Explanation.Fact]
    ) throws(InputError) -> ChargeResult {
        try compute(delay, plan: AccrualPlan(terms: terms), rule: rule, inputs: inputs, useInt128: false)
    }

    /// Whether `terms` compile to constants that fit in `Int128` (else every row runs on GMP).
    package static func fitsInt128(_ terms: AccrualTerms) -> Bool {
        AccrualPlan(terms: terms).small != nil
    }
}

extension DayChargeKernel {
    /// Whether `terms` get the kernel.
    package static func forTerms(_ terms: AccrualTerms) -> Bool { DayChargeKernel(terms: terms) != nil }

    /// Whether the kernel for `terms` and their plan give the same amount, status and days for
    /// `delay` (its excluded days as one run at most, no payments), as the byte-level batch
    /// computes a plain row.
    package static func agreesWithPlan(_ terms: AccrualTerms, _ delay: DelayCase) -> Bool {
        guard let kernel = DayChargeKernel(terms: terms), delay.excluded.runs.count <= 1, delay.payments.isEmpty else { return true }
        let plan = AccrualPlan(terms: terms)
        let digits = Array(delay.principal.value.description.utf8)
        let short = digits.count <= 18 ? UInt64(delay.principal.value.description) : nil
        let run = delay.excluded.runs.first
        let row = PlainRow(
            amount: short ?? 0, longAmount: short == nil ? (0, digits.count) : nil, due: delay.due.dayNumber, paid: delay.end.dayNumber,
            excludedFirst: run?.first.dayNumber ?? 1, excludedLast: run?.last.dayNumber ?? 0)
        let scratch = IntegerScratch()
        guard let fast = digits.withUnsafeBufferPointer({ kernel.charge(row, bytes: $0.baseAddress!, scratch: scratch) }),
            let planned = plan.plainCharge(
                principal: short.map { Int128($0) }, longPrincipal: short == nil ? delay.principal.value : nil,
                due: delay.due, end: delay.end, excluded: delay.excluded)
        else { return false }
        let fastAmount = fast.inScratch ? scratch.bigInteger : fast.amount.bigInteger
        let plannedAmount = planned.bigAmount ?? planned.amount.bigInteger
        return fastAmount == plannedAmount && fast.waived == planned.waived && fast.countedDays == planned.countedDays
            && fast.excludedDays == planned.excludedDays
    }
}

extension RatePlan {
    /// Whether the rate pieces of `delay`'s window are the maximal runs of days that share a
    /// table row (each-day tables), the low or high tier, and the calendar year (when the plan
    /// splits at 1 January), found day by day.
    package func piecesMatchDayByDay(_ delay: DelayCase) -> Bool {
        guard let window = DateWindow.delay(after: delay.due, through: delay.end),
            let rates = try? RateResolver(plan: self, delay: delay, window: window)
        else { return true }
        func key(_ day: CivilDate) -> [Int] {
            var key = [rates.lowEnd.map { day <= $0 ? 0 : 1 } ?? 0]
            if splitsAtNewYear { key.append(day.year) }
            if case .table(let schedule, .eachDay) = source { key.append(schedule.rowIndex(on: day) ?? -1) }
            return key
        }
        var expected: [DateWindow] = []
        var first = window.first
        var day = window.first
        while day < window.last {
            let next = day.nextDay
            if key(next) != key(day) {
                expected.append(DateWindow(first: first, last: day))
                first = next
            }
            day = next
        }
        expected.append(DateWindow(first: first, last: window.last))
        return rates.pieces(of: window) == expected
    }
}

extension SegmentKernel {
    /// What the segment kernel of `terms` does with `delay` (its excluded days as one run at
    /// most, amounts of at most 18 digits), as the byte-level batch computes a row: `nil` when
    /// the terms or the row are not the kernel's, else whether its amount, status and days are
    /// the plan's. A row the kernel computes and the plan refuses is a disagreement.
    package static func agreesWithPlan(_ terms: AccrualTerms, _ delay: DelayCase) -> Bool? {
        let plan = AccrualPlan(terms: terms)
        guard let kernel = plan.segmentKernel, delay.excluded.runs.count <= 1,
            let principal = Int128(exactly: delay.principal.value), principal < 1_000_000_000_000_000_000
        else { return nil }
        var payments: [(date: CivilDate, amount: Int128)] = []
        for payment in delay.payments {
            guard let amount = Int128(exactly: payment.amount.value), amount < 1_000_000_000_000_000_000 else { return nil }
            payments.append((payment.date, amount))
        }
        let run = delay.excluded.runs.first
        guard
            let fast = kernel.charge(
                principal: principal, due: delay.due.dayNumber, end: delay.end.dayNumber, excludedFirst: run?.first.dayNumber ?? 1,
                excludedLast: run?.last.dayNumber ?? 0, payments: payments)
        else { return nil }
        guard
            let planned = plan.plainCharge(
                principal: principal, longPrincipal: nil, due: delay.due, end: delay.end, excluded: delay.excluded, payments: payments)
        else { return false }
        let plannedAmount = planned.bigAmount ?? planned.amount.bigInteger
        return fast.amount.bigInteger == plannedAmount && fast.waived == planned.waived && fast.countedDays == planned.countedDays
            && fast.excludedDays == planned.excludedDays
    }

    /// Whether the plan of `terms` has a segment kernel.
    package static func forTerms(_ terms: AccrualTerms) -> Bool { AccrualPlan(terms: terms).segmentKernel != nil }
}
