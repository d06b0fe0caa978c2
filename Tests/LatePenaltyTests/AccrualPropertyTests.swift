import LatePenalty
import PropertyBased
import Testing

/// Properties every day-counting charge of the seed contract must have.
@Suite("Accrual properties")
struct AccrualPropertyTests {
    static let amounts = Gen.int(in: 0...2_000_000_000_000)
    static let deadlines = Gen.int(in: d("2000-01-01").dayNumber...d("2035-12-31").dayNumber)
    static let delays = Gen.int(in: -30...1500)

    static func penalty(_ amount: Int, _ due: Int, _ delay: Int, excluded: ExcludedDays = .none, rate: Rate = .seedContract) -> ChargeResult {
        var terms = LateCompletionPenalty.defaultTerms
        terms.setFixedRate(rate)
        return try! LateCompletionPenalty(
            contractAmount: Yen(amount), contractPeriodEnd: CivilDate(dayNumber: due),
            completionDate: CivilDate(dayNumber: due + delay), inspectionDays: excluded, terms: terms
        ).compute()
    }

    @Test func moreDelayNeverLowersTheCharge() async {
        await propertyCheck(count: 400, input: Self.amounts, Self.deadlines, Self.delays, Gen.int(in: 0...400)) { amount, due, delay, more in
            let shorter = Self.penalty(amount, due, delay), longer = Self.penalty(amount, due, delay + more)
            #expect(shorter.amount <= longer.amount)
            #expect(shorter.exactAmount <= longer.exactAmount)
            #expect(shorter.countedDays <= longer.countedDays)
        }
    }

    @Test func excludingDaysNeverRaisesTheCharge() async {
        await propertyCheck(count: 400, input: Self.amounts, Self.deadlines, Gen.int(in: 1...800), Gen.int(in: -20...820), Gen.int(in: 0...60)) {
            amount, due, delay, from, length in
            let excluded = ExcludedDays([DateWindow(first: CivilDate(dayNumber: due + from), last: CivilDate(dayNumber: due + from + length))])
            let all = Self.penalty(amount, due, delay), fewer = Self.penalty(amount, due, delay, excluded: excluded)
            #expect(fewer.amount <= all.amount)
            #expect(fewer.exactAmount <= all.exactAmount)
            #expect(fewer.countedDays + fewer.excludedDays == all.countedDays)
        }
    }

    @Test func exactValueIsAdditiveOverASplitWindow() async {
        await propertyCheck(count: 400, input: Self.amounts, Self.deadlines, Gen.int(in: 2...1500), Gen.int(in: 1...1499)) { amount, due, delay, cutRaw in
            let cut = cutRaw % (delay - 1) + 1  // 1 ..< delay
            let whole = Self.penalty(amount, due, delay)
            let first = Self.penalty(amount, due, cut)
            let second = Self.penalty(amount, due + cut, delay - cut)
            #expect(whole.exactAmount == first.exactAmount + second.exactAmount)
        }
    }

    @Test func flooredResultIsWithinOneYenBelowExact() async {
        await propertyCheck(count: 400, input: Self.amounts, Self.deadlines, Gen.int(in: 1...1500)) { amount, due, delay in
            let result = try! LatePaymentInterest(
                unpaidAmount: Yen(amount), paymentDeadline: CivilDate(dayNumber: due), paymentDate: CivilDate(dayNumber: due + delay),
                terms: AccrualTerms(rate: .seedContract)
            ).compute()
            #expect(result.amount.exact <= result.exactAmount)
            #expect(result.exactAmount - result.amount.exact < Rational(1))
        }
    }

    @Test func scalingTheAmountScalesTheExactValue() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000_000), Self.deadlines, Gen.int(in: 0...1500), Gen.int(in: 1...10_000)) {
            amount, due, delay, factor in
            let base = Self.penalty(amount, due, delay), scaled = Self.penalty(amount * factor, due, delay)
            #expect(scaled.exactAmount == base.exactAmount * Rational(factor))
        }
    }

    @Test func underHundredYenIsAlwaysZeroAndWaived() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1...5_000_000), Self.deadlines, Gen.int(in: 1...400)) { amount, due, delay in
            // amount ≥ ¥1 and at least one day late: the exact charge is always positive.
            let result = Self.penalty(amount, due, delay)
            let floored = result.exactAmount.rounded(.floor)
            if floored < BigInteger(100) {
                #expect(result.amount == .zero)
                #expect(result.status == .waived)  // a positive exact charge that comes to nothing
            } else {
                #expect(result.amount == Yen(floored))
                #expect(result.status == .ok)
            }
        }
    }

    @Test func hugeAmountsStayExact() throws {
        // 10^20 yen, 7 days late: 10^20 × 1/40 × 7/365 = 10^20 × 7 / 14600.
        let amount = Yen(BigInteger.powerOfTen(20))
        let result = try LateCompletionPenalty(contractAmount: amount, contractPeriodEnd: d("2022-03-25"), completionDate: d("2022-04-01")).compute()
        #expect(result.exactAmount == Rational(BigInteger.powerOfTen(20) * BigInteger(7)) / Rational(14600))
        #expect(result.amount.value.description == "47945205479452054")
    }
}
