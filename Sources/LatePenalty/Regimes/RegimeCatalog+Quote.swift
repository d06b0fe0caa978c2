extension RegimeCatalog {
    /// The longest a quote is searched for: a year of payment days after the day asked.
    public static let quoteSearchDays = 366

    /// Computes `fields`; when the row has no `paid` day and `asOf` is given, computes it as if
    /// paid on `asOf` and marks it as a quote (``ChargeResult/quote``), with the last payment day
    /// for which the amount stays the same, so that a 納付書 or 督促状 can say until when it holds.
    ///
    /// A charge never falls as the payment day moves later (no payment is made after the day
    /// asked, and every rate is 0 or more), so that last day is found by halving the interval
    /// of a year after `asOf`: about ten computations.
    public func compute(_ fields: [String: String], asOf: CivilDate?) throws(InputError) -> ChargeResult {
        let name = fields["regime"] ?? ""
        guard let asOf, (fields["paid"] ?? "").trimmingSpaces.isEmpty, let regime = regime(named: name), regime.fields.contains("paid") else {
            return try compute(fields)
        }
        var quoted = fields
        func outcome(paidOn day: CivilDate) -> Result<Yen, InputError> {
            quoted["paid"] = day.iso8601
            do throws(InputError) { return .success(try compute(quoted).amount) } catch { return .failure(error) }
        }
        quoted["paid"] = asOf.iso8601
        var result = try compute(quoted)
        // Invariant: paying on `low` gives the amount; on `high` (if it is not the last day
        // searched) something else, `atHigh`.
        var low = asOf
        var high = min(asOf.adding(days: RegimeCatalog.quoteSearchDays) ?? Accrual.latestDayCounted, Accrual.latestDayCounted)
        var atHigh = high > low ? outcome(paidOn: high) : .success(result.amount)
        if case .success(result.amount) = atHigh {
            low = high
        } else {
            while low.dayNumber + 1 < high.dayNumber {
                let middle = CivilDate(dayNumber: (low.dayNumber + high.dayNumber) / 2)
                let atMiddle = outcome(paidOn: middle)
                if case .success(result.amount) = atMiddle { low = middle } else { (high, atHigh) = (middle, atMiddle) }
            }
        }
        var explanation = result.explanation
        var note = "Quote (見込額): computed as if paid on \(asOf), the day asked; the amount holds if paid by \(low)"
        // After the search `high` is the day after `low`, and its outcome is known.
        switch atHigh {
        case _ where low >= high: note += " (searched to \(low))"
        case .success(let next): note += "; paid on \(high) it is \(next)"
        case .failure(let error): note += "; a later payment cannot be quoted yet (\(error))"
        }
        explanation.note(.text(note + "."))
        result = ChargeResult(
            status: result.status, amount: result.amount, exactAmount: result.exactAmount, countedDays: result.countedDays,
            excludedDays: result.excludedDays, explanation: explanation, quote: ChargeResult.Quote(paidOn: asOf, holdsThrough: low))
        return result
    }
}
