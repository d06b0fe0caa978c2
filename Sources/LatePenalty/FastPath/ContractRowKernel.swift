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
    /// A row's values, read from its bytes.
    struct Row {
        var lateCompletion: Bool
        /// The amount, when it has at most 18 digits.
        var amount: UInt64
        /// Where a longer amount's digits are (start, end), or nil.
        var longAmount: (Int, Int)?
        var due: Int
        var paid: Int
        /// The excluded days as one run of day numbers (`first > last`: none).
        var excludedFirst: Int
        var excludedLast: Int
    }

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
    private static let latestDayCounted = Accrual.latestDayCounted.dayNumber

    /// Reads the regime, amount, dates and excluded days, or returns nil to send the row the
    /// general way. Field positions are byte offsets into `bytes`, already trimmed.
    @inline(__always)
    static func read(
        _ bytes: UnsafePointer<UInt8>, regime: (Int, Int), amount: (Int, Int), due: (Int, Int), paid: (Int, Int),
        excluded: (Int, Int)?
    ) -> Row? {
        let lateCompletion: Bool
        if ByteFields.equals(bytes, regime.0, regime.1, lateCompletionName) {
            lateCompletion = true
        } else if ByteFields.equals(bytes, regime.0, regime.1, latePaymentName) {
            lateCompletion = false
        } else {
            return nil
        }
        var longAmount: (Int, Int)? = nil
        var value: UInt64 = 0
        if let short = ByteFields.digits(bytes, amount.0, amount.1) {
            value = short
        } else {
            guard amount.1 - amount.0 > 18, (amount.0..<amount.1).allSatisfy({ bytes[$0] &- 0x30 <= 9 }) else { return nil }
            longAmount = amount
        }
        guard let dueDay = ByteFields.isoDayNumber(bytes, due.0, due.1),
            let paidDay = ByteFields.isoDayNumber(bytes, paid.0, paid.1),
            dueDay <= latestDayCounted, paidDay <= latestDayCounted  // later: the general way's error
        else { return nil }
        var row = Row(lateCompletion: lateCompletion, amount: value, longAmount: longAmount, due: dueDay, paid: paidDay, excludedFirst: 1, excludedLast: 0)
        if let (start, end) = excluded, end > start {
            switch end - start {
            case 10:
                guard let day = ByteFields.isoDayNumber(bytes, start, end) else { return nil }
                row.excludedFirst = day
                row.excludedLast = day
            case 22:
                guard bytes[start + 10] == 0x2E, bytes[start + 11] == 0x2E,
                    let from = ByteFields.isoDayNumber(bytes, start, start + 10),
                    let to = ByteFields.isoDayNumber(bytes, start + 12, end), from <= to
                else { return nil }
                row.excludedFirst = from
                row.excludedLast = to
            default:
                return nil
            }
        }
        return row
    }

    /// The charge for `row`: days after `due` through `paid` less the excluded ones, the
    /// contract's 年2.5% on a 365-day year, floored to ¥1, under ¥100 waived. A long amount is
    /// computed in `scratch`, which then holds the charge. Nil only if an `Int128` product
    /// overflows, which 18-digit amounts cannot reach.
    @inline(__always)
    func charge(_ row: Row, bytes: UnsafePointer<UInt8>, scratch: IntegerScratch) -> Charge? {
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
