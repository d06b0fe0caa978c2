extension DayChargeKernel {
    /// The kernel for `terms`, or nil when they are more than it computes: one fixed rate (no
    /// low period), fixed 365, no base rounding or base minimum, the sum rounded once by the
    /// floor to ¥1, any minimum. Those are the terms of the seed contract's 第6条第3項 and
    /// 第6条第5項; any regime with the same terms gets the kernel, none is named here.
    ///
    /// The kernel agrees with the regime's plan on a row without partial payments (proven by
    /// property tests); a row with payments is computed by the plan.
    init?(terms: AccrualTerms) {
        guard case .fixed(let rate, let highRate) = terms.rates.source, highRate == nil || highRate == rate,
            terms.rates.lowPeriod == nil, terms.basis.name == Fixed365().name,
            terms.baseRounding == nil, terms.baseMinimum == nil,
            terms.segmentRounding == .totalOnly, terms.resultRounding == .floorToYen
        else { return nil }
        self.init(rate: rate, minimum: terms.minimum)
    }

    /// What one plain row comes to.
    struct RowCharge {
        /// The charge; for a long amount, 0 here and the charge in the scratch integer.
        var amount: Int128
        var inScratch: Bool
        var waived: Bool
        var countedDays: Int
        var excludedDays: Int
    }

    /// The charge for `row`: days after `due` through `paid` less the excluded ones, at the
    /// kernel's rate on a 365-day year, floored to ¥1, the minimum applied. A long amount is
    /// computed in `scratch`, which then holds the charge. Nil only if an `Int128` product
    /// overflows, which 18-digit amounts cannot reach.
    @inline(__always)
    func charge(_ row: PlainRow, bytes: UnsafePointer<UInt8>, scratch: IntegerScratch) -> RowCharge? {
        guard row.paid > row.due else {
            return RowCharge(amount: 0, inScratch: false, waived: false, countedDays: 0, excludedDays: 0)
        }
        let first = row.due + 1, last = row.paid
        let from = max(first, row.excludedFirst), to = min(last, row.excludedLast)
        let excluded = from <= to ? to - from + 1 : 0
        let counted = last - first + 1 - excluded
        if let (start, end) = row.longAmount {
            guard scratch.set(digits: UnsafeBufferPointer(start: bytes + start, count: end - start)) else { return nil }
            let waived = exactCharge(inPlace: scratch, days: counted)
            return RowCharge(amount: 0, inScratch: true, waived: waived, countedDays: counted, excludedDays: excluded)
        }
        guard let (amount, waived) = charge(amount: Int128(row.amount), days: counted) else { return nil }
        return RowCharge(amount: amount, inScratch: false, waived: waived, countedDays: counted, excludedDays: excluded)
    }
}
