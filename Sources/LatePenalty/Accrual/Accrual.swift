/// Interest-like charges over a window of days: principal × annual rate × year fraction, piece by
/// piece, then the named roundings and the minimum rule. Every clause that charges by the day
/// (第6条第3項, 第6条第5項, 第22条) runs through here.
public enum Accrual {
    /// Computes the charge on `principal` for the days of `window` (`nil`: no delay) that are not
    /// `excluded`.
    public static func compute(
        principal: Yen,
        window: DateWindow?,
        excluded: ExcludedDays,
        terms: AccrualTerms,
        rule: RuleReference,
        inputs: [Explanation.Fact]
    ) throws(InputError) -> ChargeResult {
        guard principal.value.signum >= 0 else {
            throw InputError(field: "amount", reason: "is negative (\(principal)); a principal is 0 or more")
        }
        var explanation = Explanation(rule: rule, inputs: inputs)
        explanation.basis = terms.basis.name
        explanation.window = window
        guard let window else {
            explanation.notes.append("No delay: the end date is not after the deadline, so no day is counted (遅滞なし).")
            explanation.minimum = terms.minimum.decide(.zero)
            return ChargeResult(status: .ok, amount: .zero, exactAmount: 0, countedDays: 0, excludedDays: 0, explanation: explanation)
        }
        let excludedRuns = excluded.runs(in: window)
        let excludedDays = excludedRuns.reduce(0) { $0 + $1.dayCount }
        explanation.excludedRuns = excludedRuns
        explanation.excludedDays = excludedDays
        explanation.countedDays = window.dayCount - excludedDays

        var segmentRule: Rounding? = nil
        if case .eachSegment(let rounding) = terms.segmentRounding { segmentRule = rounding }
        var exactTotal = Rational(0)
        var total = Rational(0)
        for piece in try terms.basis.pieces(of: window, excluding: excluded) {
            let exact = principal.exact * terms.rate.annual * piece.yearFraction
            exactTotal += exact
            let rounded = segmentRule?.apply(exact)
            total += rounded?.exact ?? exact
            explanation.segments.append(Explanation.Segment(
                window: piece.window, days: piece.days, principal: principal, rate: terms.rate,
                yearFraction: piece.yearFraction, formula: piece.formula, exact: exact, rounded: rounded,
                segmentRounding: segmentRule))
        }
        if explanation.segments.count > 1 {
            explanation.steps.append(.value(label: "sum of segments (合計)", exact: total))
        }
        let rounded = terms.resultRounding.apply(total)
        explanation.steps.append(.rounding(label: "result", rule: terms.resultRounding, before: total, after: rounded))
        let decision = terms.minimum.decide(rounded)
        explanation.minimum = decision
        return ChargeResult(
            status: decision.waived ? .waived : .ok, amount: decision.after, exactAmount: exactTotal,
            countedDays: explanation.countedDays, excludedDays: excludedDays, explanation: explanation)
    }
}
