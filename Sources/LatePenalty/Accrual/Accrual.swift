/// Charges by the day: principal × annual rate × year fraction over the days of delay, piece by
/// piece, then the named roundings and the minimum rule. Every clause and regime that charges by
/// the day (第6条第3項, 第6条第5項, 第22条, 延滞金, 延滞税, 遅延利息, 遅延損害金) runs through here.
///
/// The order of work is fixed and shown in the explanation:
/// 1. the window: the day after the deadline through the end day, both counted;
/// 2. balance periods: the window cut after each partial payment;
/// 3. the base of each balance: the minimum rule for the base, then its rounding;
/// 4. rate pieces: each balance period cut where the rate changes (the low-rate period's end,
///    a rate table row's start);
/// 5. segments: each rate piece cut by the day-count basis, each with its exact value
///    base × rate × year fraction, rounded one by one when the terms say so;
/// 6. the sum, its rounding, and the minimum rule for the result.
public enum Accrual {
    /// The last day a delay may start or end on.
    public static let latestDayCounted = CivilDate(year: 9998, month: 12, day: 31)!

    /// Computes the charge for `delay` under `terms`, citing `rule`.
    public static func compute(
        _ given: DelayCase, terms: AccrualTerms, rule: RuleReference, inputs: [Explanation.Fact]
    ) throws(InputError) -> ChargeResult {
        try compute(given, plan: AccrualPlan(terms: terms), rule: rule, inputs: inputs)
    }

    /// The most work one case may ask for: its balance periods (partial payments and decreases + 1) times the
    /// decimal digits of its largest amount. Every segment of the explanation holds fractions of
    /// about that many digits, so time and memory grow with the product: a row of a few
    /// megabytes (100,000 payments on a 16,000-digit amount) would otherwise need gigabytes.
    /// Two million allows, say, 1,000 payments on a 2,000-digit amount, or one period on a
    /// 2,000,000-digit one.
    public static let maxWork = 2_000_000

    /// Refuses a case over ``maxWork``, naming the field to shorten.
    static func checkWork(_ delay: DelayCase) throws(InputError) {
        let changes = delay.payments.count + delay.decreases.count
        let periods = changes + 1
        // Amounts that fit in 64 bits (up to 19 digits) are the common case: no digit count, and
        // no array of the amounts is made (this runs for every row).
        func long(_ yen: Yen) -> Bool { Int(exactly: yen.value) == nil }
        guard
            periods * 19 > maxWork || long(delay.principal) || delay.payments.contains(where: { long($0.amount) })
                || delay.decreases.contains(where: { long($0.amount) })
        else { return }
        // Past the quick bound, the digits are counted exactly (once, for such a row only).
        func digits(_ yen: Yen) -> Int { yen.value.decimalDigitCount }
        let widest = max(
            delay.payments.reduce(digits(delay.principal)) { max($0, digits($1.amount)) },
            delay.decreases.reduce(0) { max($0, digits($1.amount)) })
        let (work, overflow) = periods.multipliedReportingOverflow(by: widest)
        guard overflow || work > maxWork else { return }
        let field = changes == 0 ? "amount" : delay.payments.count >= delay.decreases.count ? "payments" : "decreases"
        let given = [(delay.payments.count, "partial payment"), (delay.decreases.count, "decrease")].filter { $0.0 > 0 }
            .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: " and ")
        throw InputError(
            field: field,
            reason:
                "\(given.isEmpty ? "an amount" : given) of up to \(widest) digits ask for more work than one case may: \(periods) balance periods × \(widest) digits, at most \(maxWork); split the case, or give fewer items or shorter amounts"
        )
    }

    /// Computes the charge for `delay` under a compiled plan (a regime compiles its terms once).
    static func compute(
        _ given: DelayCase, plan regimePlan: AccrualPlan, rule: RuleReference, inputs: [Explanation.Fact], useInt128: Bool = true
    ) throws(InputError) -> ChargeResult {
        // Reduced periods bring their own rates (and a halving), so such a delay gets a plan of
        // its own terms and periods.
        let plan = given.reduced == regimePlan.reduced ? regimePlan : AccrualPlan(base: regimePlan, reduced: given.reduced)
        // Consumed, not copied: taking the case's values out of a copy retained each of them.
        let (delay, window, changes, rates): (DelayCase, DateWindow, Changes, RateResolver)
        var explanation: Explanation?
        let prepared = try prepare(given, terms: plan.terms, rule: rule, inputs: inputs)
        switch consume prepared {
        case .noDelay(let result): return result
        case .delay(let d, let w, let c, let r, let e):
            (delay, window, changes, rates) = (d, w, c, r)
            explanation = e
        }
        // Int128 first; the same evaluation on GMP integers when a product overflows. The
        // explanation is moved into the evaluation, never copied: a copy shares its arrays, and
        // the first note appended would copy them all.
        if useInt128, let small = plan.small, let principal = Int128(exactly: delay.principal.value),
            let payments = convert(changes.payments, to: Int128.self), let decreases = convert(changes.decreases, to: Int128.self)
        {
            var trace = explanation.take()
            if let outcome = try plan.evaluate(
                small, principal: principal, payments: payments, decreases: decreases, window: window, excluded: delay.excluded, rates: rates,
                explanation: &trace),
                let recorded = trace.take()
            {
                return result(outcome, plan: plan, explanation: recorded)
            }
            // The trace holds the steps before the overflow: the explanation as prepared, again.
            guard case .delay(_, _, _, _, let fresh) = try prepare(given, terms: plan.terms, rule: rule, inputs: inputs) else {
                preconditionFailure("Accrual.prepare: a delay is a delay the second time")
            }
            explanation = fresh
        }
        var trace = explanation.take()
        guard
            let outcome = try plan.evaluate(
                plan.big, principal: delay.principal.value, payments: changes.payments.map { ($0.date, $0.amount.value) },
                decreases: changes.decreases.map { ($0.date, $0.amount.value) }, window: window, excluded: delay.excluded,
                rates: rates, explanation: &trace),
            let recorded = trace.take()
        else { preconditionFailure("Accrual: GMP integers do not overflow") }
        return result(outcome, plan: plan, explanation: recorded)
    }

    private static func convert<N: PlanInteger>(_ changes: [(date: CivilDate, amount: Yen)], to: N.Type) -> [(date: CivilDate, amount: N)]? {
        if changes.isEmpty { return [] }
        var converted: [(date: CivilDate, amount: N)] = []
        converted.reserveCapacity(changes.count)
        for (date, amount) in changes {
            guard let value = N(exactly: amount.value) else { return nil }
            converted.append((date, value))
        }
        return converted
    }

    private static func result<N: PlanInteger>(_ outcome: AccrualPlan.Outcome<N>, plan: AccrualPlan, explanation: consuming Explanation) -> ChargeResult {
        let denominator = plan.big.denominator
        let (counted, excluded) = (explanation.countedDays, explanation.excludedDays)
        return ChargeResult(
            status: outcome.waived ? .waived : .ok, amount: Yen(outcome.amount.bigInteger),
            exactAmount: Rational(numerator: outcome.exactTotal.bigInteger, denominator: denominator),
            countedDays: counted, excludedDays: excluded, explanation: explanation)
    }

    /// A delay's partial payments and decreases, each summed by date, in date order.
    struct Changes {
        var payments: [(date: CivilDate, amount: Yen)]
        var decreases: [(date: CivilDate, amount: Yen)]
    }

    /// What is known of a delay before its days are charged.
    enum Prepared {
        /// No day is counted: the result is ¥0.
        case noDelay(ChargeResult)
        /// The delay after any roll-over, its window, the payments and decreases by date, the
        /// rates, and the explanation so far (inputs, window, days, notes).
        case delay(DelayCase, DateWindow, Changes, RateResolver, Explanation)
    }

    /// The checks and the steps before the charge: dates in range, the deadline rolled over
    /// closed days, the window, the excluded and counted days, the payments by date, the rate
    /// resolver with its low-rate period.
    static func prepare(
        _ given: DelayCase, terms: AccrualTerms, rule: RuleReference, inputs: [Explanation.Fact]
    ) throws(InputError) -> Prepared {
        var delay = given
        try checkWork(delay)
        // Counting may look up to a year past the end day (whole years of the court convention,
        // a deadline rolled past closed days), so the last supported year is kept free of it.
        for (field, date) in [("due", delay.due), ("paid", delay.end)] where date > latestDayCounted {
            throw InputError(field: field, reason: "\(date) is after \(latestDayCounted); days are counted up to \(latestDayCounted)")
        }
        var rollNote: String? = nil
        if let calendar = delay.rollDue {
            let (rolled, skipped) = try calendar.checkedRollForward(delay.due, field: "due")
            if !skipped.isEmpty {
                let reasons = skipped.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
                rollNote =
                    "The deadline \(delay.due) falls on a closed day of the \(calendar.name) calendar (\(reasons)): moved to \(rolled), the next open day (国税通則法第10条第2項, 地方自治法第4条の2第4項)."
                delay.due = rolled
            } else {
                rollNote = "The deadline \(delay.due) is an open day of the \(calendar.name) calendar: not moved."
            }
        }
        guard delay.principal.value.signum >= 0 else {
            throw InputError(field: "amount", reason: "is negative (\(delay.principal)); a principal is 0 or more")
        }
        var explanation = Explanation(rule: rule, inputs: inputs)
        explanation.basis = terms.basis.name
        if let rollNote { explanation.note(.text(rollNote)) }
        let changes = try changesByDate(delay)
        guard let window = DateWindow.delay(after: delay.due, through: delay.end) else {
            explanation.note(.text("No delay: \(delay.end) is not after the deadline \(delay.due), so no day is counted (遅滞なし)."))
            explanation.minimum = terms.minimum.decide(.zero, exact: 0)
            return .noDelay(ChargeResult(status: .ok, amount: .zero, exactAmount: 0, countedDays: 0, excludedDays: 0, explanation: explanation))
        }
        explanation.window = window
        // Room for the usual pieces at once (a few segments, two steps): grown one element at a
        // time, each array was made again on its second and third append.
        explanation.segments.reserveCapacity(4)
        explanation.steps.reserveCapacity(2)
        let excludedRuns = delay.excluded.runs(in: window)
        explanation.excludedRuns = excludedRuns
        explanation.excludedDays = excludedRuns.reduce(0) { $0 + $1.dayCount }
        explanation.countedDays = window.dayCount - explanation.excludedDays

        let rates = try RateResolver(plan: terms.rates, delay: delay, window: window)
        if let lowEnd = rates.lowEnd, let lowPeriod = terms.rates.lowPeriod {
            explanation.note(.lowRate(first: window.first, lowEnd: lowEnd, period: lowPeriod, amendedOn: delay.lowPeriodFrom))
        }
        return .delay(delay, window, changes, rates, explanation)
    }

    /// The same charge computed with exact fractions (`Rational`) step by step: the reference
    /// the integer plan is tested against, not a production path.
    package static func referenceCompute(
        _ given: DelayCase, terms: AccrualTerms, rule: RuleReference, inputs: [Explanation.Fact]
    ) throws(InputError) -> ChargeResult {
        let prepared = try prepare(given, terms: terms, rule: rule, inputs: inputs)
        guard case .delay(let delay, let window, let changes, let rates, var explanation) = prepared else {
            guard case .noDelay(let result) = prepared else { preconditionFailure("Accrual.prepare: unknown case") }
            return result
        }
        var accumulator = Accumulator(terms: terms, excluded: delay.excluded, rates: rates)
        var balance = delay.principal
        var periodStart = window.first
        var balanceChanges = BalanceChanges(payments: changes.payments, decreases: changes.decreases)
        while let (day, change) = balanceChanges.next(), day <= window.last {
            let beforeDelay = day <= window.first
            if !beforeDelay, day > periodStart {
                try accumulator.accrue(balance, over: DateWindow(first: periodStart, last: day.previousDay), explanation: &explanation)
                periodStart = day
            }
            switch change {
            case .payment(let date, let amount) where beforeDelay:
                balance = accumulator.applyBeforeDelay(amount, on: date, to: balance, explanation: &explanation)
            case .payment(let date, let amount):
                balance = accumulator.applyPayment(amount, on: date, to: balance, explanation: &explanation)
            case .decrease(let date, let amount):
                balance = accumulator.applyDecrease(amount, from: date, to: balance, beforeDelay: beforeDelay, explanation: &explanation)
            }
        }
        try accumulator.accrue(balance, over: DateWindow(first: periodStart, last: window.last), explanation: &explanation)

        let total = accumulator.total
        if explanation.segments.count > 1 {
            explanation.steps.append(.value(label: "sum of segments (合計)", exact: total))
        }
        let rounded = terms.resultRounding.apply(total)
        explanation.steps.append(.rounding(label: "result", rule: terms.resultRounding, before: total, after: rounded))
        let decision = terms.minimum.decide(
            rounded, exact: total, baseMinimum: accumulator.baseMinimumSkippedCharge ? terms.baseMinimum : nil)
        explanation.minimum = decision
        return ChargeResult(
            status: decision.waived ? .waived : .ok, amount: decision.after, exactAmount: accumulator.exactTotal,
            countedDays: explanation.countedDays, excludedDays: explanation.excludedDays, explanation: explanation)
    }

    /// Computes the charge on `principal` for the days of `window` (`nil`: no delay) that are not
    /// `excluded`. The deadline is taken to be the day before the window.
    public static func compute(
        principal: Yen, window: DateWindow?, excluded: ExcludedDays, terms: AccrualTerms,
        rule: RuleReference, inputs: [Explanation.Fact]
    ) throws(InputError) -> ChargeResult {
        let day = window?.first.previousDay ?? CivilDate(dayNumber: 0)
        let delay = DelayCase(principal: principal, due: day, end: window?.last ?? day, excluded: excluded)
        return try compute(delay, terms: terms, rule: rule, inputs: inputs)
    }

    /// Partial payments and decreases, each summed by date, in date order; none may fall after
    /// the end day.
    static func changesByDate(_ delay: DelayCase) throws(InputError) -> Changes {
        // Yen never overflows, so the sums are always there.
        let payments = try byDate(delay.payments.map { ($0.date, $0.amount) }, end: delay.end) { $0 + $1 } ?? []
        let decreases =
            delay.decreases.isEmpty
            ? []
            : try byDate(
                delay.decreases.map { ($0.date, $0.amount) }, end: delay.end, field: "decreases", what: "decrease from",
                hint:
                    "it would lower no day charged (the final day is `paid`, or the --as-of day of a quote): leave it out; a decrease that lowers the principal from the start is dated on or before the first day counted"
            ) { $0 + $1 } ?? []
        return Changes(payments: payments, decreases: decreases)
    }

    /// Payments (or decreases) summed by date, in date order, or nil when a sum overflows; one
    /// after `end` is an error. The one rule for the record path and the byte-level path.
    static func byDate<Amount>(
        _ payments: [(date: CivilDate, amount: Amount)], end: CivilDate, field: String = "payments", what: String = "payment on",
        hint: String = "the final day must be the last", adding: (Amount, Amount) -> Amount?
    ) throws(InputError) -> [(date: CivilDate, amount: Amount)]? {
        if let late = payments.first(where: { $0.date > end }) {
            throw InputError(field: field, reason: "the \(what) \(late.date) is after the final payment day \(end); \(hint)")
        }
        var merged: [(date: CivilDate, amount: Amount)] = []
        merged.reserveCapacity(payments.count)
        for payment in payments.sorted(by: { $0.date < $1.date }) {
            if let last = merged.last, last.date == payment.date {
                guard let sum = adding(last.amount, payment.amount) else { return nil }
                merged[merged.count - 1].amount = sum
            } else {
                merged.append(payment)
            }
        }
        return merged
    }
}

/// Adds up the segments of an accrual with exact fractions, balance period by balance period:
/// the reference computation (``Accrual/referenceCompute(_:terms:rule:inputs:)``).
struct Accumulator {
    let terms: AccrualTerms
    let excluded: ExcludedDays
    let rates: RateResolver
    let segmentRule: Rounding?
    /// The sum of the segments as they enter the total (rounded when segments are).
    private(set) var total = Rational(0)
    /// The sum of the exact segment values.
    private(set) var exactTotal = Rational(0)
    /// Interest accrued and not yet paid, for `interestFirst` allocation.
    private var unpaidInterest = Rational(0)
    private var accruedSinceLastPayment = Rational(0)
    /// Whether the base minimum kept a positive balance from a charge it would have accrued.
    private(set) var baseMinimumSkippedCharge = false

    init(terms: AccrualTerms, excluded: ExcludedDays, rates: RateResolver) {
        self.terms = terms
        self.excluded = excluded
        self.rates = rates
        if case .eachSegment(let rounding) = terms.segmentRounding { segmentRule = rounding } else { segmentRule = nil }
    }

    /// Adds the segments of one balance period.
    mutating func accrue(_ balance: Yen, over period: DateWindow, explanation: inout Explanation) throws(InputError) {
        if let minimum = terms.baseMinimum, balance < minimum {
            explanation.bases.append(
                Explanation.Base(
                    from: period.first, balance: balance, rounding: nil, base: .zero,
                    note: "under \(minimum): not charged (\(minimum.grouped)円未満は計算しない)"))
            // Would a positive balance accrue a positive charge? Days without a known rate do
            // not tell, and are no error: nothing is charged on a base under the minimum.
            if balance > .zero {
                for piece in rates.pieces(of: period) where (try? rates.reducedRate(on: piece.first))?.annual.signum ?? 0 > 0 {
                    if (try? terms.basis.counts(of: piece, excluding: excluded))?.contains(where: { $0.days > 0 }) ?? false {
                        baseMinimumSkippedCharge = true
                    }
                }
            }
            return
        }
        let base = terms.baseRounding?.apply(balance.exact) ?? balance
        explanation.bases.append(
            Explanation.Base(
                from: period.first, balance: balance, rounding: terms.baseRounding, base: base, note: nil))
        for piece in rates.pieces(of: period) {
            // A piece whose days are all excluded needs no rate (they may lie past the table).
            let parts = try terms.basis.counts(of: piece, excluding: excluded).filter { $0.days > 0 }
            guard !parts.isEmpty else { continue }
            var (rate, note, row) = try rates.rate(on: piece.first)
            if let index = rates.reduction(on: piece.first) {
                let period = rates.reduced.periods[index]
                let grace = period.kind == .grace ? try rates.grace(on: piece.first) : nil
                (rate, note) = period.described((rate, note), halving: rates.halves(on: piece.first), grace: grace)
            }
            for part in parts {
                let exact = base.exact * rate.annual * part.yearFraction
                let rounded = segmentRule?.apply(exact)
                let value = rounded?.exact ?? exact
                exactTotal += exact
                total += value
                accruedSinceLastPayment += value
                explanation.segments.append(
                    Explanation.Segment(
                        window: part.window, days: part.days, principal: base, rate: rate,
                        years: part.years, perYear: part.perYear, exact: exact, rounded: rounded, segmentRounding: segmentRule, rateNote: note,
                        rateRow: row))
            }
        }
    }

    /// Applies a payment made on or before the deadline: it only reduces the principal.
    mutating func applyBeforeDelay(_ amount: Yen, on date: CivilDate, to balance: Yen, explanation: inout Explanation) -> Yen {
        let newBalance = max(.zero, balance - amount)
        explanation.note(.paymentBeforeDelay(amount: amount, date: date, balance: balance, newBalance: newBalance))
        return newBalance
    }

    /// Applies a decrease of the principal from `date` on and returns the new balance.
    mutating func applyDecrease(_ amount: Yen, from date: CivilDate, to balance: Yen, beforeDelay: Bool, explanation: inout Explanation) -> Yen {
        let newBalance = max(.zero, balance - amount)
        explanation.note(.decrease(amount: amount, date: date, balance: balance, newBalance: newBalance, beforeDelay: beforeDelay))
        return newBalance
    }

    /// Applies a partial payment at the end of a balance period and returns the new balance,
    /// which is charged from the day after the payment.
    mutating func applyPayment(_ amount: Yen, on date: CivilDate, to balance: Yen, explanation: inout Explanation) -> Yen {
        var toPrincipal = amount
        if terms.paymentAllocation == .interestFirst {
            unpaidInterest += accruedSinceLastPayment
            let owed = Yen(unpaidInterest.rounded(.floor))
            let toInterest = min(amount, owed)
            unpaidInterest -= toInterest.exact
            toPrincipal = amount - toInterest
            explanation.note(.interestFirst(amount: amount, date: date, toInterest: toInterest, owed: owed, toPrincipal: toPrincipal))
        }
        accruedSinceLastPayment = 0
        let newBalance = max(.zero, balance - toPrincipal)
        explanation.note(.payment(date: date, balance: balance, newBalance: newBalance, beyond: toPrincipal > balance ? toPrincipal - balance : nil))
        return newBalance
    }
}
