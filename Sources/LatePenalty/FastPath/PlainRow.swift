/// The values of a row in its plainest form, read straight from its bytes: an amount of ASCII
/// digits, ISO dates, at most one excluded date or `FROM..TO` range. Any other form, valid or
/// not, goes the general way, which reads every form and reports every error.
struct PlainRow {
    /// The amount, when it has at most 18 digits.
    var amount: UInt64
    /// Where a longer amount's digits are (start, end), or nil.
    var longAmount: (Int, Int)?
    var due: Int
    var paid: Int
    /// The excluded days as one run of day numbers (`first > last`: none).
    var excludedFirst: Int
    var excludedLast: Int

    private static let latestDayCounted = Accrual.latestDayCounted.dayNumber

    /// The excluded days as the library's type.
    var excluded: ExcludedDays {
        hasExcluded ? ExcludedDays([DateWindow(first: CivilDate(dayNumber: excludedFirst), last: CivilDate(dayNumber: excludedLast))]) : .none
    }

    /// An amount of more than 18 digits as a GMP integer (read from `bytes`), or nil.
    func longPrincipal(_ bytes: UnsafePointer<UInt8>) -> BigInteger? {
        longAmount.flatMap { BigInteger(String(decoding: UnsafeBufferPointer(start: bytes + $0.0, count: $0.1 - $0.0), as: UTF8.self)) }
    }

    /// The amount as yen.
    func principal(_ bytes: UnsafePointer<UInt8>) -> Yen? {
        longAmount == nil ? Yen(BigInteger(Int(amount))) : longPrincipal(bytes).map(Yen.init)
    }

    /// Reads the amount, dates and excluded days, or returns nil to send the row the general
    /// way. Field positions are byte offsets into `bytes`, already trimmed.
    @inline(__always)
    static func read(
        _ bytes: UnsafePointer<UInt8>, amount: (Int, Int), due: (Int, Int), paid: (Int, Int), excluded: (Int, Int)?
    ) -> PlainRow? {
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
        var row = PlainRow(amount: value, longAmount: longAmount, due: dueDay, paid: paidDay, excludedFirst: 1, excludedLast: 0)
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

    /// The most partial payments a plain row holds; a row with more goes the general way.
    static let maxPayments = 16

    /// Reads partial payments written plainly, `YYYY-MM-DD:DIGITS` separated by `;` (no spaces,
    /// amounts of 1 to 18 digits, not 0), into `payments` (emptied first). False sends the row
    /// the general way, which reads every form and reports every error.
    @inline(__always)
    static func readPayments(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into payments: inout [(date: CivilDate, amount: Int128)]) -> Bool {
        payments.removeAll(keepingCapacity: true)
        var index = start
        while index < end {
            guard payments.count < maxPayments, end - index > 11, bytes[index + 10] == 0x3A,
                let day = ByteFields.isoDayNumber(bytes, index, index + 10)
            else { return false }
            var amountEnd = index + 11
            while amountEnd < end && bytes[amountEnd] != 0x3B { amountEnd += 1 }
            guard let amount = ByteFields.digits(bytes, index + 11, amountEnd), amount > 0 else { return false }
            payments.append((CivilDate(dayNumber: day), Int128(amount)))
            index = amountEnd + 1
            if amountEnd < end && index == end { return false }  // a trailing ';'
        }
        return true
    }

    /// Whether the row has excluded days.
    var hasExcluded: Bool { excludedFirst <= excludedLast }
}
