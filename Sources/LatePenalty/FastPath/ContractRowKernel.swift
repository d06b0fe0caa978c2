/// The seed contract's day charges (第6条第3項 `contract-late-completion`, 第6条第5項
/// `contract-late-payment`) computed straight from a CSV row's bytes, for bulk batches without
/// `--explain`.
///
/// It takes a row only in the plainest form: an amount of ASCII digits, ISO dates, at most
/// one excluded date or `FROM..TO` range, and every other column those regimes could read
/// empty (no `payments`, `rate` or `roll_due`). Any other row, valid or not, goes the general
/// way (`ContractCase` and `Accrual`), which is the reference: a property test runs random rows
/// through both and requires identical output. The charge is ``DayChargeKernel``'s, itself
/// proven equal to the GMP path: in `Int128` for amounts of up to 18 digits, on a reused GMP
/// integer (``IntegerScratch``) for longer ones.
struct ContractRowKernel: Sendable {
    /// What one row comes to.
    struct Charge {
        /// The charge; for a long amount, 0 here and the charge in the scratch integer.
        var amount: Int128
        var inScratch: Bool
        var waived: Bool
        var countedDays: Int
        var excludedDays: Int
    }

    static let lateCompletionName = Array(ContractRegime.lateCompletion.rawValue.utf8)
    static let latePaymentName = Array(ContractRegime.latePayment.rawValue.utf8)

    private let kernel = DayChargeKernel.seedContract

    /// Which of the two regimes `regime` names (true: late completion), or nil.
    @inline(__always)
    static func regime(_ bytes: UnsafePointer<UInt8>, _ regime: (Int, Int)) -> Bool? {
        if ByteFields.equals(bytes, regime.0, regime.1, lateCompletionName) { return true }
        if ByteFields.equals(bytes, regime.0, regime.1, latePaymentName) { return false }
        return nil
    }

    /// The charge for `row`: days after `due` through `paid` less the excluded ones, the
    /// contract's 年2.5% on a 365-day year, floored to ¥1, under ¥100 waived. A long amount is
    /// computed in `scratch`, which then holds the charge. Nil only if an `Int128` product
    /// overflows, which 18-digit amounts cannot reach.
    @inline(__always)
    func charge(_ row: PlainRow, bytes: UnsafePointer<UInt8>, scratch: IntegerScratch) -> Charge? {
        guard row.paid > row.due else {
            return Charge(amount: 0, inScratch: false, waived: false, countedDays: 0, excludedDays: 0)
        }
        let first = row.due + 1, last = row.paid
        let from = max(first, row.excludedFirst), to = min(last, row.excludedLast)
        let excluded = from <= to ? to - from + 1 : 0
        let counted = last - first + 1 - excluded
        if let (start, end) = row.longAmount {
            guard scratch.set(digits: UnsafeBufferPointer(start: bytes + start, count: end - start)) else { return nil }
            let waived = kernel.exactCharge(inPlace: scratch, days: counted)
            return Charge(amount: 0, inScratch: true, waived: waived, countedDays: counted, excludedDays: excluded)
        }
        guard let (amount, waived) = kernel.charge(amount: Int128(row.amount), days: counted) else { return nil }
        return Charge(amount: amount, inScratch: false, waived: waived, countedDays: counted, excludedDays: excluded)
    }
}
