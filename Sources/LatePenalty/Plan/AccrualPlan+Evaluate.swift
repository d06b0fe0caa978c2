extension AccrualPlan {
    /// What a row comes to, in the plan's integers: sums are numerators over the plan's
    /// denominator, the amount is in yen.
    struct Outcome<N: PlanInteger> {
        /// The sum of the segments as they enter the total (rounded when segments are).
        let total: N
        /// The sum of the exact segment values.
        let exactTotal: N
        /// The result after its rounding and the minimum rule.
        let amount: N
        /// Whether a positive charge came to nothing under the minimum rule.
        let waived: Bool
    }

    /// Computes one delay whose window, excluded days and rate resolver are known, in `N`, or
    /// returns nil when an `Int128` product overflows (compute again on GMP integers). When
    /// `explanation` is not nil, every base, segment, payment, rounding and the minimum
    /// decision are recorded in it as they are computed: the explanation is this computation's
    /// trace, not a second one.
    ///
    /// The steps are those of ``Accrual``: balance periods cut after each partial payment and at
    /// each decrease (in the order of ``BalanceChanges``), the
    /// base of each (its minimum, then its rounding), rate pieces, day-count parts, each
    /// segment's exact value (rounded one by one when the terms say so), the sum, its rounding
    /// and the minimum rule.
    func evaluate<N: PlanInteger>(
        _ constants: Constants<N>, principal: N, payments: [(date: CivilDate, amount: N)], decreases: [(date: CivilDate, amount: N)] = [],
        window: DateWindow, excluded: ExcludedDays, rates: RateResolver, explanation: inout Explanation?
    ) throws(InputError) -> Outcome<N>? {
        var run = Evaluation(plan: self, constants: constants, excluded: excluded, rates: rates)
        var balance = principal
        var periodStart = window.first
        var changes = BalanceChanges(payments: payments, decreases: decreases)
        while let (day, change) = changes.next(), day <= window.last {
            let beforeDelay = day <= window.first
            if !beforeDelay, day > periodStart {
                guard try run.accrue(balance, over: DateWindow(first: periodStart, last: day.previousDay), explanation: &explanation) else { return nil }
                periodStart = day
            }
            let changed: N?
            switch change {
            case .payment(let date, let amount) where beforeDelay:
                changed = balance.subtracting(amount).map { max(.zero, $0) }
                if let changed {
                    explanation?.note(
                        .paymentBeforeDelay(amount: Yen(amount.bigInteger), date: date, balance: Yen(balance.bigInteger), newBalance: Yen(changed.bigInteger)))
                }
            case .payment(let date, let amount):
                changed = run.applyPayment(amount, on: date, to: balance, explanation: &explanation)
            case .decrease(let date, let amount):
                changed = balance.subtracting(amount).map { max(.zero, $0) }
                if let changed, explanation.isRecording {
                    explanation?.note(
                        .decrease(
                            amount: Yen(amount.bigInteger), date: date, balance: Yen(balance.bigInteger), newBalance: Yen(changed.bigInteger),
                            beforeDelay: beforeDelay))
                }
            }
            guard let changed else { return nil }
            balance = changed
        }
        guard try run.accrue(balance, over: DateWindow(first: periodStart, last: window.last), explanation: &explanation) else { return nil }
        return run.finish(explanation: &explanation)
    }

    /// The running state of one evaluation.
    private struct Evaluation<N: PlanInteger> {
        let plan: AccrualPlan
        let constants: Constants<N>
        let excluded: ExcludedDays
        let rates: RateResolver
        var total = N.zero
        var exactTotal = N.zero
        /// Interest accrued and not yet paid, for `interestFirst` allocation.
        var unpaidInterest = N.zero
        var accruedSinceLastPayment = N.zero
        var segments = 0
        /// Whether the base minimum kept a positive balance from a charge it would have accrued.
        var baseMinimumSkippedCharge = false

        init(plan: AccrualPlan, constants: Constants<N>, excluded: ExcludedDays, rates: RateResolver) {
            self.plan = plan
            self.constants = constants
            self.excluded = excluded
            self.rates = rates
        }

        func yen(_ value: N) -> Yen { Yen(value.bigInteger) }
        func exact(_ numerator: N) -> Rational { Rational(numerator: numerator.bigInteger, denominator: constants.denominator.bigInteger) }

        /// Adds the segments of one balance period; false on overflow.
        mutating func accrue(_ balance: N, over period: DateWindow, explanation: inout Explanation?) throws(InputError) -> Bool {
            if let minimum = constants.baseMinimum, balance < minimum {
                let threshold = yen(minimum)
                explanation?.bases.append(
                    Explanation.Base(
                        from: period.first, balance: yen(balance), rounding: nil, base: .zero,
                        note: "under \(threshold): not charged (\(threshold.grouped)円未満は計算しない)"))
                if !baseMinimumSkippedCharge, balance > .zero { baseMinimumSkippedCharge = accrues(over: period) }
                return true
            }
            var base = balance
            if let unit = constants.baseUnit, let mode = plan.baseMode {
                guard let rounded = balance.divided(by: unit, rounding: mode).multiplied(by: unit) else { return false }
                base = rounded
            }
            explanation?.bases.append(
                Explanation.Base(from: period.first, balance: yen(balance), rounding: plan.terms.baseRounding, base: yen(base), note: nil))
            // Pieces and parts one at a time: no array is built for a row.
            var previousPiece: DateWindow? = nil
            while let piece = rates.piece(after: previousPiece, of: period) {
                previousPiece = piece
                // The rate is looked up for a piece's first counted day: a piece whose days are
                // all excluded needs none (they may lie past the end of the rate table).
                var pieceRate: (rate: N, described: (Rate, String?)?, row: Int)? = nil
                var previousPart: DayCount? = nil
                while let part = try plan.basis.count(after: previousPart, in: piece, excluding: excluded) {
                    previousPart = part
                    guard part.days > 0 else { continue }
                    if pieceRate == nil { pieceRate = try rate(of: piece, describing: explanation.isRecording) }
                    guard let (rate, described, row) = pieceRate else { continue }
                    guard part.perYear > 0, constants.basisScale % part.perYear == 0 else {
                        throw InputError(
                            field: nil, reason: "the day-count basis \(plan.basis.name) gave a year of \(part.perYear) days, which it does not declare")
                    }
                    guard let exact = base.multiplied(by: N(part.years))?.multiplied(by: rate)?.multiplied(by: N(constants.basisScale / part.perYear))
                    else { return false }
                    var value = exact
                    var rounded: N? = nil
                    if let divisor = constants.segmentDivisor, let unit = constants.segmentUnit, let mode = plan.segmentMode {
                        guard let yen = exact.divided(by: divisor, rounding: mode).multiplied(by: unit),
                            let scaled = yen.multiplied(by: constants.denominator)
                        else { return false }
                        rounded = yen
                        value = scaled
                    }
                    guard let newExactTotal = exactTotal.adding(exact), let newTotal = total.adding(value),
                        let newAccrued = accruedSinceLastPayment.adding(value)
                    else { return false }
                    exactTotal = newExactTotal
                    total = newTotal
                    accruedSinceLastPayment = newAccrued
                    segments += 1
                    if let described {
                        let segmentRule: Rounding? = if case .eachSegment(let rounding) = plan.terms.segmentRounding { rounding } else { nil }
                        explanation?.segments.append(
                            Explanation.Segment(
                                window: part.window, days: part.days, principal: yen(base), rate: described.0,
                                years: part.years, perYear: part.perYear, exact: self.exact(exact),
                                rounded: rounded.map(yen), segmentRounding: segmentRule, rateNote: described.1,
                                rateRow: plan.rateRows[row]))
                    }
                }
            }
            return true
        }

        /// The scaled rate of a rate piece, how an explanation shows it when `describing`, and
        /// its source row.
        func rate(of piece: DateWindow, describing: Bool) throws(InputError) -> (rate: N, described: (Rate, String?)?, row: Int) {
            let (row, low) = try rates.source(on: piece.first)
            var rate = low ? constants.scaledRates[row].low : constants.scaledRates[row].high
            var described = describing ? (low ? plan.rateDescriptions[row].low : plan.rateDescriptions[row].high) : nil
            if let index = rates.reduction(on: piece.first) {
                let halving = rates.halves(on: piece.first)
                rate = try reduced(rate, row: row, period: index, halving: halving, on: piece.first)
                described = described.map { rates.reduced.periods[index].described($0, halving: halving, grace: plan.graceRates[row]) }
            }
            return (rate, described, row)
        }

        /// The scaled rate of `day`, of source row `row`, inside reduced period `index`, whose
        /// own scaled rate is `rate`.
        func reduced(_ rate: N, row: Int, period index: Int, halving: Bool, on day: CivilDate) throws(InputError) -> N {
            switch rates.reduced.periods[index].kind {
            // Exact: a plan compiled for a halving period doubles its rate scale.
            case .half: return halving ? rate.divided(by: N(2), rounding: .floor) : rate
            case .exempt: return .zero
            case .rate: return constants.reducedRates[index].map { min($0, rate) } ?? rate
            case .grace:
                guard let grace = constants.graceRates[row] else { throw RateResolver.noGrace(day) }
                return min(grace, rate)
            }
        }

        /// Whether some counted day of `period` falls at a known positive rate: a positive
        /// balance would accrue a positive charge over it. A day without a rate in the table is
        /// no error here, since nothing is charged on a base under the minimum.
        func accrues(over period: DateWindow) -> Bool {
            var previousPiece: DateWindow? = nil
            while let piece = rates.piece(after: previousPiece, of: period) {
                previousPiece = piece
                guard let (row, low) = try? rates.source(on: piece.first) else { continue }
                var rate = low ? constants.scaledRates[row].low : constants.scaledRates[row].high
                if let index = rates.reduction(on: piece.first) {
                    guard let value = try? reduced(rate, row: row, period: index, halving: rates.halves(on: piece.first), on: piece.first) else { continue }
                    rate = value
                }
                guard rate > .zero else { continue }
                var previousPart: DayCount? = nil
                while let part = try? plan.basis.count(after: previousPart, in: piece, excluding: excluded) {
                    if part.days > 0 { return true }
                    previousPart = part
                }
            }
            return false
        }

        /// Applies a partial payment at the end of a balance period and returns the new balance,
        /// charged from the day after the payment; nil on overflow.
        mutating func applyPayment(_ amount: N, on date: CivilDate, to balance: N, explanation: inout Explanation?) -> N? {
            var toPrincipal = amount
            if plan.interestFirst {
                guard let unpaid = unpaidInterest.adding(accruedSinceLastPayment) else { return nil }
                let owed = unpaid.divided(by: constants.denominator, rounding: .floor)
                let toInterest = min(amount, owed)
                guard let paid = toInterest.multiplied(by: constants.denominator), let left = unpaid.subtracting(paid),
                    let rest = amount.subtracting(toInterest)
                else { return nil }
                unpaidInterest = left
                toPrincipal = rest
                explanation?.note(
                    .interestFirst(amount: yen(amount), date: date, toInterest: yen(toInterest), owed: yen(owed), toPrincipal: yen(toPrincipal)))
            }
            accruedSinceLastPayment = .zero
            guard let reduced = balance.subtracting(toPrincipal) else { return nil }
            let newBalance = max(.zero, reduced)
            if explanation.isRecording {
                let beyond = toPrincipal > balance ? toPrincipal.subtracting(balance).map(yen) : nil
                explanation?.note(.payment(date: date, balance: yen(balance), newBalance: yen(newBalance), beyond: beyond))
            }
            return newBalance
        }

        /// The sum, its rounding and the minimum rule; nil on overflow.
        func finish(explanation: inout Explanation?) -> Outcome<N>? {
            guard let rounded = total.divided(by: constants.resultDivisor, rounding: plan.resultMode).multiplied(by: constants.resultUnit)
            else { return nil }
            var amount = rounded
            if let threshold = constants.waiveBelow, rounded < threshold { amount = .zero }
            // A minimum waives a charge: the result's, of a positive sum; or the base's, of a
            // positive balance that would have accrued one.
            let waived = amount == .zero && ((constants.waiveBelow != nil && total > .zero) || baseMinimumSkippedCharge)
            if explanation.isRecording {
                let terms = plan.terms
                let sum = exact(total)
                if segments > 1 { explanation?.steps.append(.value(label: "sum of segments (合計)", exact: sum)) }
                explanation?.steps.append(.rounding(label: "result", rule: terms.resultRounding, before: sum, after: yen(rounded)))
                explanation?.minimum = terms.minimum.decide(
                    yen(rounded), exact: sum, baseMinimum: baseMinimumSkippedCharge ? terms.baseMinimum : nil)
            }
            return Outcome(total: total, exactTotal: exactTotal, amount: amount, waived: waived)
        }
    }
}

extension Optional where Wrapped == Explanation {
    /// Whether an explanation is being recorded. A pattern, not `!= nil`: that operator takes its
    /// operand by value, and copying an explanation (retaining each of its arrays) for the test
    /// cost more than a segment's arithmetic.
    var isRecording: Bool {
        switch self {
        case .some: true
        case .none: false
        }
    }
}
