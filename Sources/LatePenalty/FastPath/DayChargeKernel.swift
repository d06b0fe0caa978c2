/// A charge by the day in fixed-width integers, for bulk work on values held in memory:
/// `floor(amount × rate × days / 365)` with the minimum rule, for the single-rate, fixed-365,
/// floor-to-¥1 terms of the seed contract's day charges (第6条第3項, 第6条第5項, 第22条).
///
/// Proven equal to the exact GMP computation (`Accrual`) by property tests over random and
/// boundary inputs, including values just below and above the overflow limits. When a product
/// would overflow `Int128`, ``charge(amount:days:)`` returns nil and the caller takes the GMP
/// path (``exactCharge(amount:days:)`` or `Accrual`). No allocation on either path's hot loop
/// except GMP's own.
public struct DayChargeKernel: Sendable {
    /// The annual rate as numerator / (denominator × 365), reduced.
    public let numerator: Int128
    public let denominator: Int128
    /// Below this many yen a positive charge is waived (0 for no minimum).
    public let waiveBelow: Int128
    // Only fixed-width integers: a kernel is copied row after row, and a GMP value in it would
    // be retained and released with each copy.

    /// A kernel for `rate` on the fixed-365 basis with the floor to ¥1 and `minimum`, or nil
    /// when the rate's terms do not fit in 64 bits.
    public init?(rate: Rate, minimum: MinimumRule) {
        let perDay = rate.annual / Rational(365)
        guard let numerator = Int(exactly: perDay.numerator), let denominator = Int(exactly: perDay.denominator), numerator >= 0 else {
            return nil
        }
        self.numerator = Int128(numerator)
        self.denominator = Int128(denominator)
        switch minimum {
        case .none: waiveBelow = 0
        case .waiveBelow(let threshold):
            guard let value = Int(exactly: threshold.value) else { return nil }
            waiveBelow = Int128(value)
        }
    }

    /// The kernel for the seed contract's 第6条第3項 and 第6条第5項: 年2.5%, under ¥100 waived.
    public static let seedContract = DayChargeKernel(rate: .seedContract, minimum: SeedContract.underHundredYen)!

    /// The charge and whether it was waived, or nil when `amount × numerator × days` overflows
    /// `Int128` (take the GMP path).
    @inlinable
    public func charge(amount: Int128, days: Int) -> (amount: Int128, waived: Bool)? {
        guard amount >= 0, days >= 0 else { return nil }
        let (scaled, overflow1) = amount.multipliedReportingOverflow(by: numerator)
        if overflow1 { return nil }
        let (product, overflow2) = scaled.multipliedReportingOverflow(by: Int128(days))
        if overflow2 { return nil }
        let floored = product / denominator  // both non-negative: truncation is the floor
        if floored < waiveBelow { return (0, product > 0) }
        return (floored, false)
    }

    /// The same charge on the GMP path, for any amount: integer products and one floor
    /// division, with no fraction to reduce (five GMP values made per call).
    public func exactCharge(amount: BigInteger, days: Int) -> (amount: BigInteger, waived: Bool) {
        let product = amount * Int(numerator) * days
        let floored = product.divided(by: denominator.bigInteger, rounding: .floor)
        if floored < waiveBelow.bigInteger { return (BigInteger(0), product.signum > 0) }
        return (floored, false)
    }

    /// The same charge on the GMP path, in place and without allocating once `amount` has
    /// grown to its size: `amount` holds the amount (0 or more) and is replaced by the charge.
    /// Returns whether a positive charge was waived.
    public func exactCharge(inPlace amount: IntegerScratch, days: Int) -> Bool {
        precondition(amount.signum >= 0 && days >= 0, "DayChargeKernel.exactCharge(inPlace:days:): negative amount or days")
        amount.multiply(by: Int(numerator))
        amount.multiply(by: days)
        let positive = amount.signum > 0
        amount.floorDivide(by: Int(denominator))
        guard amount.compare(to: Int(waiveBelow)) < 0 else { return false }
        amount.set(0)
        return positive
    }

    /// Days of delay after `due` through `end`, less the excluded days inside that window,
    /// without allocating.
    @inlinable
    public static func countedDays(due: CivilDate, end: CivilDate, excluded: ExcludedDays) -> Int {
        guard end > due else { return 0 }
        let first = due.dayNumber + 1, last = end.dayNumber
        var days = last - first + 1
        for run in excluded.runs {
            let from = max(first, run.first.dayNumber), to = min(last, run.last.dayNumber)
            if from <= to { days -= to - from + 1 }
        }
        return days
    }
}
