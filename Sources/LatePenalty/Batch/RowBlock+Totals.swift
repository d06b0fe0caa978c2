// The fast path's totals by regime: in 128 bits while they fit, on GMP integers past that.

extension RowBlock {
    /// Adds the fast path's totals to the block's summary.
    func addFastTotals(_ plan: RowPlan) {
        guard let regimes = plan.fast?.regimes else { return }
        for index in regimes.indices where index < fastTotals.count {
            var total: BigInteger? = fastLongTotals[index]
            if let small = fastTotals[index] { total = (total ?? BigInteger(0)) + small.bigInteger }
            if let total { summary.addTotal(Yen(total), for: regimes[index].name) }
        }
        fastTotals = fastTotals.map { _ in nil }
        fastLongTotals = fastLongTotals.map { _ in nil }
    }

    /// Adds a charge to its regime's total, in 128 bits while the sum fits.
    @inline(__always)
    func addToTotal(_ amount: Int128, regime index: Int) {
        let (sum, overflow) = (fastTotals[index] ?? 0).addingReportingOverflow(amount)
        if overflow {
            fastLongTotals[index] = (fastLongTotals[index] ?? BigInteger(0)) + amount.bigInteger
            if fastTotals[index] == nil { fastTotals[index] = 0 }
        } else {
            fastTotals[index] = sum
        }
    }

    func addToLongTotal(_ amount: BigInteger, regime index: Int) {
        fastLongTotals[index] = (fastLongTotals[index] ?? BigInteger(0)) + amount
    }
}
