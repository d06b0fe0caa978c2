import LatePenalty
import Testing

/// The seed contract's clauses (神奈川県 業務委託契約書, docs/clauses.md), one example or boundary each. The
/// expected numbers are derived by hand from the clause text; the derivation is in each comment.
@Suite("Seed contract 002 clauses")
struct SeedContractTests {
    @Test func lateCompletionWithInspectionDays() throws {
        // 2022-03-26..2022-04-30 = 36 days, 3 inspection days → 33;
        // 10,000,000 × 1/40 × 33/365 = 1,650,000/73 = 22,602.739… → ¥22,602.
        let result = try LateCompletionPenalty(
            contractAmount: Yen(10_000_000), completionDate: d("2022-04-30"),
            inspectionDays: ExcludedDays([window("2022-04-10", "2022-04-12")])
        ).compute()
        #expect(result.amount == Yen(22_602))
        #expect(result.exactAmount == Rational(1_650_000, 73))
        #expect(result.countedDays == 33)
        #expect(result.excludedDays == 3)
        #expect(result.status == .ok)
        #expect(result.explanation.rule.clause == "第6条第3項")
        #expect(result.explanation.window == window("2022-03-26", "2022-04-30"))
    }

    @Test func completedOnTheLastDayOfThePeriodIsNotLate() throws {
        let result = try LateCompletionPenalty(contractAmount: Yen(10_000_000), completionDate: d("2022-03-25")).compute()
        #expect(result.amount == .zero)
        #expect(result.countedDays == 0)
        #expect(result.status == .ok)
        #expect(result.explanation.window == nil)
    }

    @Test func oneDayLate() throws {
        // 10,000,000 × 1/40 × 1/365 = 684.93… → ¥684.
        let result = try LateCompletionPenalty(contractAmount: Yen(10_000_000), completionDate: d("2022-03-26")).compute()
        #expect(result.amount == Yen(684))
        #expect(result.countedDays == 1)
    }

    @Test func inspectionDaysAtBothEndsOfTheWindow() throws {
        // Window 2022-03-26..2022-04-04 (10 days); excluded 03-20..03-27 (2 inside) and 04-04..04-10 (1 inside) → 7.
        let result = try LateCompletionPenalty(
            contractAmount: Yen(3_650_000), completionDate: d("2022-04-04"),
            inspectionDays: ExcludedDays([window("2022-03-20", "2022-03-27"), window("2022-04-04", "2022-04-10")])
        ).compute()
        #expect(result.countedDays == 7)
        #expect(result.excludedDays == 3)
        // 3,650,000 × 1/40 × 7/365 = 1,750 exactly.
        #expect(result.exactAmount == Rational(1750))
        #expect(result.amount == Yen(1750))
    }

    @Test func chargeOf99Point99IsWaivedAndExactly100IsCharged() throws {
        // 1,460,000 × 1/40 × 1/365 = 100 exactly → charged.
        let hundred = try LateCompletionPenalty(contractAmount: Yen(1_460_000), completionDate: d("2022-03-26")).compute()
        #expect(hundred.exactAmount == Rational(100))
        #expect(hundred.amount == Yen(100))
        #expect(hundred.status == .ok)
        // 1,459,999 × 1/40 × 1/365 = 99.9999… → ¥99 → under ¥100: waived.
        let below = try LateCompletionPenalty(contractAmount: Yen(1_459_999), completionDate: d("2022-03-26")).compute()
        #expect(below.amount == .zero)
        #expect(below.status == .waived)
        #expect(below.explanation.minimum?.before == Yen(99))
        // 1,459,854 × 1/40 × 1/365 = 1,459,854/14,600 = ¥99.99 exactly → floor ¥99 → waived.
        let ninetyNine = try LateCompletionPenalty(contractAmount: Yen(1_459_854), completionDate: d("2022-03-26")).compute()
        #expect(ninetyNine.exactAmount == Rational(9_999, 100))
        #expect(ninetyNine.status == .waived)
    }

    @Test func leapDayIsCountedOver365() throws {
        // 2024-02-28 deadline, completed 2024-03-01: 02-29 and 03-01 = 2 days, ÷365.
        let result = try LateCompletionPenalty(contractAmount: Yen(7_300_000), contractPeriodEnd: d("2024-02-28"), completionDate: d("2024-03-01")).compute()
        #expect(result.countedDays == 2)
        #expect(result.exactAmount == Rational(1000))  // 7,300,000 × 1/40 × 2/365
    }

    @Test func windowCrossingNewYear() throws {
        // 2023-12-26..2024-01-05 = 11 days at fixed 365: 36,500,000 × 1/40 × 11/365 = 27,500.
        let result = try LateCompletionPenalty(contractAmount: Yen(36_500_000), contractPeriodEnd: d("2023-12-25"), completionDate: d("2024-01-05")).compute()
        #expect(result.countedDays == 11)
        #expect(result.amount == Yen(27_500))
    }

    @Test func latePaymentInterestExcludesForceMajeureDays() throws {
        // Deadline 2022-05-01, paid 2022-06-15: 45 days, 11 of force majeure → 34;
        // 5,500,000 × 1/40 × 34/365 = 4,675,000/365 = 12,808.21… → ¥12,808.
        let result = try LatePaymentInterest(
            unpaidAmount: Yen(5_500_000), paymentDeadline: d("2022-05-01"), paymentDate: d("2022-06-15"),
            forceMajeureDays: ExcludedDays([window("2022-05-10", "2022-05-20")])
        ).compute()
        #expect(result.amount == Yen(12_808))
        #expect(result.countedDays == 34)
        #expect(result.explanation.rule.clause == "第6条第5項")
    }

    @Test func latePaymentUnderHundredIsNotPaid() throws {
        let result = try LatePaymentInterest(unpaidAmount: Yen(100_000), paymentDeadline: d("2022-05-01"), paymentDate: d("2022-05-10")).compute()
        // 100,000 × 1/40 × 9/365 = 61.64… → ¥61 → waived.
        #expect(result.status == .waived)
        #expect(result.amount == .zero)
    }

    @Test func latePaymentCanTruncateHundredYenFractions() throws {
        var terms = LatePaymentInterest.defaultTerms
        terms.resultRounding = .floorTo100Yen
        let result = try LatePaymentInterest(unpaidAmount: Yen(5_500_000), paymentDeadline: d("2022-05-01"), paymentDate: d("2022-06-15"), terms: terms)
            .compute()
        #expect(result.amount == Yen(16_900))  // 16,952.05… → ¥16,900
    }

    @Test func terminationPenaltyIsOneTenth() throws {
        let result = try TerminationPenalty(contractAmount: Yen(12_345_678)).compute()
        #expect(result.amount == Yen(1_234_567))  // 1,234,567.8 → floor
        #expect(result.exactAmount == Rational(12_345_678, 10))
        #expect(result.explanation.rule.clause == "第21条第3項")
    }

    @Test func antitrustDamagesAreFifteenHundredthsPlusExcess() throws {
        let plain = try AntitrustDamages(contractAmount: Yen(12_345_678)).compute()
        #expect(plain.damages.amount == Yen(1_851_851))  // 1,851,851.7 → floor
        #expect(plain.excessClaim == .zero)
        let withActual = try AntitrustDamages(contractAmount: Yen(10_000_000), actualDamages: Yen(2_000_000)).compute()
        #expect(withActual.damages.amount == Yen(1_500_000))
        #expect(withActual.excessClaim == Yen(500_000))
        let below = try AntitrustDamages(contractAmount: Yen(10_000_000), actualDamages: Yen(1_000_000)).compute()
        #expect(below.excessClaim == .zero)
    }

    @Test func damagesInterestFromTheDayAfterTheDesignatedPeriod() throws {
        // 2022-08-01..2022-09-30 = 61 days; 1,650,000 × 1/40 × 61/365 = 6,893.83… → ¥6,893.
        let result = try DamagesInterest(damages: Yen(1_650_000), designatedPeriodEnd: d("2022-07-31"), paymentDate: d("2022-09-30")).compute()
        #expect(result.amount == Yen(6_893))
        #expect(result.countedDays == 61)
        #expect(result.explanation.rule.clause == "第22条第1項")
    }

    @Test func setOffShortfallAndRemainder() throws {
        let interest = DamagesInterest(damages: Yen(1_650_000), designatedPeriodEnd: d("2022-07-31"), paymentDate: d("2022-09-30"))
        let short = try SetOff(damagesInterest: interest, unpaidPrice: Yen(1_000_000)).compute()
        #expect(short.claim == Yen(1_656_893))
        #expect(short.deducted == Yen(1_000_000))
        #expect(short.shortfall == Yen(656_893))
        #expect(short.remainderToPay == .zero)
        let covered = try SetOff(damagesInterest: interest, unpaidPrice: Yen(11_000_000)).compute()
        #expect(covered.deducted == Yen(1_656_893))
        #expect(covered.shortfall == .zero)
        #expect(covered.remainderToPay == Yen(9_343_107))
    }

    @Test func consumptionTaxIsTenHundredTenths() throws {
        #expect(try ConsumptionTax(taxInclusiveAmount: Yen(11_000_000)).compute().amount == Yen(1_000_000))
        // 12,345,678 × 10/110 = 1,122,334.36… → ¥1,122,334.
        #expect(try ConsumptionTax(taxInclusiveAmount: Yen(12_345_678)).compute().amount == Yen(1_122_334))
    }

    @Test func inspectionDeadlineIsTheEarlierDay() {
        #expect(InspectionDeadline(noticeReceived: d("2022-03-01")).compute().date == d("2022-03-11"))
        #expect(InspectionDeadline(noticeReceived: d("2022-03-20")).compute().date == d("2022-03-25"))
        #expect(InspectionDeadline(noticeReceived: d("2022-03-20"), fixedDate: nil).compute().date == d("2022-03-30"))
    }

    @Test func paymentDeadlineIsThirtyDaysAfterTheInvoice() {
        #expect(PaymentDeadline(invoiceReceived: d("2022-04-01")).compute().date == d("2022-05-01"))
        #expect(PaymentDeadline(invoiceReceived: d("2024-01-31")).compute().date == d("2024-03-01"))
    }

    @Test func rateOverride() throws {
        var terms = LateCompletionPenalty.defaultTerms
        terms.setFixedRate(percent("2.7"))
        let result = try LateCompletionPenalty(
            contractAmount: Yen(1_200_000), contractPeriodEnd: d("2024-02-20"), completionDate: d("2024-03-10"), terms: terms
        ).compute()
        // 19 days: 1,200,000 × 27/1000 × 19/365 = 615,600/365 = 1,686.57… → ¥1,686.
        #expect(result.amount == Yen(1_686))
    }
}
