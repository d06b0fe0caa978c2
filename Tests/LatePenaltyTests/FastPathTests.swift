import LatePenalty
import PropertyBased
import Testing

/// The fixed-width fast path equals the exact GMP path (`Accrual`), and gives way to it when a
/// product would overflow.
@Suite("Fast path = GMP path")
struct FastPathTests {
    static let rates = Gen.int(in: 1...2000).map { percent("\($0 / 100).\(String(format2($0 % 100)))") }
    static let minimums = Gen.int(in: 0...2).map { [MinimumRule.none, .waiveBelow(Yen(100)), .waiveBelow(Yen(1000))][$0] }

    static func gmp(_ amount: BigInteger, days: Int, rate: Rate, minimum: MinimumRule) -> ChargeResult {
        let due = CivilDate(year: 2020, month: 1, day: 1)!
        var terms = AccrualTerms(rate: rate, minimum: minimum)
        terms.resultRounding = .floorToYen
        return try! LateCompletionPenalty(contractAmount: Yen(amount), contractPeriodEnd: due, completionDate: due.advanced(by: days), terms: terms).compute()
    }

    @Test func equalOnRandomAmounts() async {
        await propertyCheck(count: 1000, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...4000), Self.rates, Self.minimums) { amount, days, rate, minimum in
            let kernel = DayChargeKernel(rate: rate, minimum: minimum)!
            let expected = Self.gmp(BigInteger(Int(amount)), days: days, rate: rate, minimum: minimum)
            let fast = kernel.charge(amount: Int128(amount), days: days)!  // Int64 amounts never overflow Int128 here
            #expect(BigInteger(fast.amount.description) == expected.amount.value)
            #expect(fast.waived == (expected.status == .waived))
            let exact = kernel.exactCharge(amount: BigInteger(Int(amount)), days: days)
            #expect(exact.amount == expected.amount.value && exact.waived == fast.waived)
        }
    }

    @Test func equalOnSmallAmountsNearTheMinimum() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...3_000_000), Gen.int(in: 0...60), Self.rates, Self.minimums) { amount, days, rate, minimum in
            let kernel = DayChargeKernel(rate: rate, minimum: minimum)!
            let expected = Self.gmp(BigInteger(amount), days: days, rate: rate, minimum: minimum)
            let fast = kernel.charge(amount: Int128(amount), days: days)!
            #expect(BigInteger(fast.amount.description) == expected.amount.value)
            #expect(fast.waived == (expected.status == .waived))
        }
    }

    @Test func inPlaceGMPPathEqualsTheGMPPath() async {
        // One scratch integer reused for every case, as the batch reuses one per block.
        let scratch = IntegerScratch()
        let digits = Gen.int(in: 0...9).array(of: 1...60)
        await propertyCheck(count: 500, input: digits, Gen.int(in: 0...4000), Self.rates, Self.minimums) { digits, days, rate, minimum in
            let kernel = DayChargeKernel(rate: rate, minimum: minimum)!
            let text = digits.map(String.init).joined()
            let amount = BigInteger(text)!
            let expected = kernel.exactCharge(amount: amount, days: days)
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { scratch.set(digits: $0) })
            let waived = kernel.exactCharge(inPlace: scratch, days: days)
            #expect(scratch.bigInteger == expected.amount && waived == expected.waived)
            #expect(scratch.withDecimalDigits { String(decoding: $0, as: UTF8.self) } == expected.amount.description)
            #expect(Self.gmp(amount, days: days, rate: rate, minimum: minimum).amount.value == expected.amount)
        }
    }

    @Test func justBelowAndAboveTheOverflowLimit() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...4000), Self.rates, Gen.int(in: -3...3)) { days, rate, step in
            let kernel = DayChargeKernel(rate: rate, minimum: .waiveBelow(Yen(100)))!
            // The largest amount whose product fits: floor(Int128.max / (numerator × days)).
            let limit = Int128.max / (kernel.numerator * Int128(days))
            let amount = limit + Int128(step)
            let expected = Self.gmp(BigInteger(amount.description)!, days: days, rate: rate, minimum: .waiveBelow(Yen(100)))
            if let fast = kernel.charge(amount: amount, days: days) {
                #expect(amount <= limit)
                #expect(BigInteger(fast.amount.description) == expected.amount.value)
            } else {
                #expect(amount > limit)  // only a real overflow falls back
                let exact = kernel.exactCharge(amount: BigInteger(amount.description)!, days: days)
                #expect(exact.amount == expected.amount.value)
            }
        }
    }

    @Test func countedDaysWithoutAllocation() async {
        let gen = zip(Gen.int(in: 0...400), Gen.int(in: -30...400), Gen.int(in: -40...420), Gen.int(in: 0...40), Gen.int(in: -40...420), Gen.int(in: 0...40))
        await propertyCheck(count: 500, input: gen) { _, delay, a, aLength, b, bLength in
            let due = CivilDate(year: 2023, month: 12, day: 1)!
            let excluded = ExcludedDays([
                DateWindow(first: due.advanced(by: a), last: due.advanced(by: a + aLength)),
                DateWindow(first: due.advanced(by: b), last: due.advanced(by: b + bLength)),
            ])
            let expected = try! LateCompletionPenalty(
                contractAmount: Yen(1), contractPeriodEnd: due, completionDate: due.advanced(by: delay), inspectionDays: excluded
            ).compute()
            #expect(DayChargeKernel.countedDays(due: due, end: due.advanced(by: delay), excluded: excluded) == expected.countedDays)
        }
    }

    @Test func seedKernel() {
        #expect(DayChargeKernel.seedContract.charge(amount: 10_000_000, days: 33)! == (22_602, false))
        #expect(DayChargeKernel.seedContract.charge(amount: 1_459_854, days: 1)! == (0, true))
        #expect(DayChargeKernel.seedContract.charge(amount: 1_460_000, days: 1)! == (100, false))
        #expect(DayChargeKernel.seedContract.charge(amount: 0, days: 10)! == (0, false))
    }
}

private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
