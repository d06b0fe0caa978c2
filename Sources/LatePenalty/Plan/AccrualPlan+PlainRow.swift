extension AccrualPlan {
    /// What a plain row comes to: the amount (in `Int128`, or on GMP integers when it overflows),
    /// whether it was waived, and the days.
    struct PlainCharge {
        var amount: Int128
        /// The amount when it was computed on GMP integers (then `amount` is 0).
        var bigAmount: BigInteger?
        var waived: Bool
        var countedDays: Int
        var excludedDays: Int
    }

    /// The charge of a row with no rate of its own, roll-over or contract date: the same
    /// evaluation as ``Accrual/compute(_:terms:rule:inputs:)`` without the explanation. Nil when
    /// the row has an error to report (a payment after the end day, a day without a rate,
    /// excluded days under the court convention): the general way reports it.
    func plainCharge(
        principal: Int128?, longPrincipal: BigInteger?, due: CivilDate, end: CivilDate, excluded: ExcludedDays,
        payments given: [(date: CivilDate, amount: Int128)] = []
    ) -> PlainCharge? {
        // In the order of Accrual.prepare: dates in range, payments, then the window.
        guard due <= Accrual.latestDayCounted, end <= Accrual.latestDayCounted else { return nil }
        var payments = given
        if !given.isEmpty {
            guard let merged = try? Accrual.byDate(given, end: end, adding: { $0.adding($1) }) else { return nil }
            payments = merged
        }
        guard let window = DateWindow.delay(after: due, through: end) else {
            return PlainCharge(amount: 0, bigAmount: nil, waived: false, countedDays: 0, excludedDays: 0)
        }
        let excludedDays = excluded.count(in: window)
        let counted = window.dayCount - excludedDays
        var none: Explanation? = nil
        do throws(InputError) {
            let rates = try RateResolver(plan: terms.rates, delay: DelayCase(principal: .zero, due: due, end: end, excluded: excluded), window: window)
            if let small, let principal,
                let outcome = try evaluate(
                    small, principal: principal, payments: payments, window: window, excluded: excluded, rates: rates, explanation: &none)
            {
                return PlainCharge(amount: outcome.amount, bigAmount: nil, waived: outcome.waived, countedDays: counted, excludedDays: excludedDays)
            }
            guard let principal = longPrincipal ?? principal.map(\.bigInteger),
                let outcome = try evaluate(
                    big, principal: principal, payments: payments.map { ($0.date, $0.amount.bigInteger) }, window: window,
                    excluded: excluded, rates: rates, explanation: &none)
            else { return nil }
            return PlainCharge(amount: 0, bigAmount: outcome.amount, waived: outcome.waived, countedDays: counted, excludedDays: excludedDays)
        } catch {
            return nil
        }
    }
}
