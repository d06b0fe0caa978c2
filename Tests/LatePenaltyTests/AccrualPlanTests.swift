import LatePenalty
import PropertyBased
import Testing

/// The integer evaluator (`Int128`, and GMP integers past its bounds) against the exact
/// reference computed with fractions, on random delays under the terms of every regime and of
/// custom terms that use every option: amounts to 10^30, windows across leap years, rate changes
/// and 1 January, payments and decreases on every edge, excluded ranges inside and outside the window. The
/// amount, status, exact value, days and the whole explanation must be identical.
@Suite("Integer plan equals the exact reference")
struct AccrualPlanTests {
    /// Every bundled regime's terms, the seed contract's, and custom terms.
    static let termsList: [(String, AccrualTerms)] = {
        var list: [(String, AccrualTerms)] = RegimeCatalog.bundled.names.compactMap { name in
            (RegimeCatalog.bundled.regime(named: name) as? DataRegime).map { (name, $0.terms) }
        }
        list.append(("late-completion", LateCompletionPenalty.defaultTerms))
        list.append(("late-payment", LatePaymentInterest.defaultTerms))
        list.append(("damages", DamagesInterest.defaultTerms))
        func rate(_ text: String) -> Rate { try! Rate.parse(percent: text, field: "rate") }
        for basis in DayCountBases.all {
            list.append(
                (
                    "custom \(basis.name) each",
                    AccrualTerms(
                        rates: RatePlan(source: .fixed(rate: rate("7.325"), highRate: rate("14.6")), lowPeriod: .months(2)), basis: basis,
                        baseRounding: Rounding(.floor, toMultipleOf: 1000), baseMinimum: Yen(2000), segmentRounding: .eachSegment(.floorToYen),
                        resultRounding: .floorTo100Yen, minimum: .waiveBelow(Yen(1000)), paymentAllocation: .interestFirst)
                ))
            list.append(
                (
                    "custom \(basis.name) total",
                    AccrualTerms(
                        rates: RatePlan(source: .fixed(rate: rate("2.875"), highRate: nil), splitsAtNewYear: true), basis: basis,
                        segmentRounding: .totalOnly, resultRounding: Rounding(.halfUp, toMultipleOf: 10), paymentAllocation: .principalFirst)
                ))
        }
        for mode in RoundingMode.allCases {
            list.append(
                (
                    "custom \(mode.rawValue)",
                    AccrualTerms(
                        rates: RatePlan(source: .fixed(rate: rate("3.1"), highRate: rate("9.05")), lowPeriod: .months(1)),
                        baseRounding: Rounding(mode, toMultipleOf: 10000), segmentRounding: .eachSegment(Rounding(mode, toMultipleOf: 1)),
                        resultRounding: Rounding(mode, toMultipleOf: 100), minimum: .waiveBelow(Yen(100)), paymentAllocation: .interestFirst)
                ))
        }
        return list
    }()

    static func randomCase(_ seed: Int) -> DelayCase {
        var stream = SplitMix(state: UInt64(bitPattern: Int64(seed)))
        let digits = [1, 4, 7, 12, 18, 19, 25, 30][stream.int(0...7)]
        let principal = Yen(stream.amount(digits: digits))
        let due = CivilDate(dayNumber: stream.int(d("1998-01-01").dayNumber...d("2030-12-31").dayNumber))
        let end = CivilDate(dayNumber: due.dayNumber + stream.int(-10...2500))
        var runs: [DateWindow] = []
        for _ in 0..<stream.int(0...2) where stream.int(0...2) == 0 {
            let first = due.dayNumber + stream.int(-20...400)
            runs.append(DateWindow(first: CivilDate(dayNumber: first), last: CivilDate(dayNumber: first + stream.int(0...40))))
        }
        var payments: [Payment] = []
        let span = max(end.dayNumber - due.dayNumber, 1)
        for _ in 0..<stream.int(0...3) {
            let day = CivilDate(dayNumber: min(due.dayNumber + stream.int(-15...span), end.dayNumber))
            payments.append(Payment(date: day, amount: Yen(stream.amount(digits: max(digits - 1, 1)))))
        }
        // Decreases on every edge too: before the delay, on a payment's day and the day after it,
        // on the end day, larger than what is left.
        var decreases: [PrincipalDecrease] = []
        for _ in 0..<stream.int(0...2) where stream.int(0...1) == 0 {
            let day =
                payments.isEmpty || stream.int(0...2) > 0
                ? CivilDate(dayNumber: min(due.dayNumber + stream.int(-15...span), end.dayNumber))
                : CivilDate(dayNumber: min(payments[0].date.dayNumber + stream.int(0...1), end.dayNumber))
            decreases.append(PrincipalDecrease(date: day, amount: Yen(stream.amount(digits: max(digits - stream.int(0...1), 1)))))
        }
        return DelayCase(principal: principal, due: due, end: end, excluded: ExcludedDays(runs), payments: payments, decreases: decreases)
    }

    /// What a computation came to, or its error, as comparable text.
    static func outcome(_ body: () throws(InputError) -> ChargeResult) -> String {
        do {
            let r = try body()
            return "\(r.status) \(r.amount) \(r.exactAmount) \(r.countedDays) \(r.excludedDays)\n\(r.explanation.text)"
        } catch {
            return "error \(error)"
        }
    }

    static let rule = RuleReference(clause: "", title: "t", document: "")

    @Test(arguments: termsList.indices)
    func theIntegerPlanEqualsTheReference(_ index: Int) async {
        let (_, terms) = Self.termsList[index]
        await propertyCheck(count: 150, input: Gen.int(in: Int.min...Int.max)) { seed in
            let delay = Self.randomCase(seed)
            let reference = Self.outcome { () throws(InputError) in try Accrual.referenceCompute(delay, terms: terms, rule: Self.rule, inputs: []) }
            let plan = Self.outcome { () throws(InputError) in try Accrual.compute(delay, terms: terms, rule: Self.rule, inputs: []) }
            let gmp = Self.outcome { () throws(InputError) in try Accrual.computeOnGMP(delay, terms: terms, rule: Self.rule, inputs: []) }
            #expect(plan == reference, "seed \(seed)")
            #expect(gmp == reference, "seed \(seed)")
        }
    }

    /// The random cases are mostly charges, not errors, and reach GMP integers now and then.
    @Test func randomCasesMostlyCompute() {
        var computed = 0, positive = 0
        for seed in 0..<400 {
            let delay = Self.randomCase(seed)
            if let result = try? Accrual.compute(delay, terms: Self.termsList[0].1, rule: Self.rule, inputs: []) {
                computed += 1
                if result.amount > .zero { positive += 1 }
            }
        }
        #expect(computed > 250 && positive > 150, "\(computed) computed, \(positive) positive of 400")
    }

    /// Rate pieces, cut one at a time, are the runs of days a day-by-day walk finds.
    @Test(arguments: termsList.indices)
    func ratePiecesMatchADayByDayWalk(_ index: Int) async {
        let terms = Self.termsList[index].1
        await propertyCheck(count: 60, input: Gen.int(in: Int.min...Int.max)) { seed in
            #expect(terms.rates.piecesMatchDayByDay(Self.randomCase(seed)), "seed \(seed)")
        }
    }

    @Test func everyShippedTermsFitInt128() {
        for (name, terms) in Self.termsList { #expect(Accrual.fitsInt128(terms), "\(name)") }
    }

    /// Amounts from ¥1 to 2^140 yen, each doubled and its neighbours: where
    /// `amount × rate × days` leaves `Int128` the evaluation moves to GMP integers, and the
    /// result is the reference's on either side of that bound.
    @Test func aroundTheInt128Bound() throws {
        let terms = LatePaymentInterest.defaultTerms
        let due = d("2020-01-01"), end = d("2029-12-31")
        var amount = BigInteger(1)
        for _ in 0..<140 {
            for offset in [-1, 0, 1] {
                let delay = DelayCase(principal: Yen(amount + BigInteger(offset)), due: due, end: end)
                let plan = Self.outcome { () throws(InputError) in try Accrual.compute(delay, terms: terms, rule: Self.rule, inputs: []) }
                let reference = Self.outcome { () throws(InputError) in try Accrual.referenceCompute(delay, terms: terms, rule: Self.rule, inputs: []) }
                #expect(plan == reference, "amount \(amount) \(offset)")
            }
            amount = amount * BigInteger(2)
        }
    }
}

/// The day-charge kernel is chosen by terms, never by a regime's name.
@Suite("Day-charge kernel from terms")
struct DayChargeKernelTermsTests {
    @Test func takenForSimpleTermsOnly() {
        #expect(DayChargeKernel.forTerms(LateCompletionPenalty.defaultTerms))
        #expect(DayChargeKernel.forTerms(LatePaymentInterest.defaultTerms))
        #expect(DayChargeKernel.forTerms(DamagesInterest.defaultTerms))
        for name in RegimeCatalog.bundled.names {
            guard let regime = RegimeCatalog.bundled.regime(named: name) as? DataRegime else { continue }
            #expect(!DayChargeKernel.forTerms(regime.terms), "\(name)")
        }
        var terms = LateCompletionPenalty.defaultTerms
        terms.basis = .actualByCalendarYear
        #expect(!DayChargeKernel.forTerms(terms))
    }

    /// On rows without payments the kernel and the plan agree, amounts to 10^30.
    @Test func equalToThePlan() async {
        await propertyCheck(count: 500, input: Gen.int(in: Int.min...Int.max)) { seed in
            var delay = AccrualPlanTests.randomCase(seed)
            delay.payments = []
            for terms in [LateCompletionPenalty.defaultTerms, DamagesInterest.defaultTerms] {
                #expect(DayChargeKernel.agreesWithPlan(terms, delay), "seed \(seed)")
            }
        }
    }
}

/// The segment kernel computes plain rows of every regime and basis, equal to the plan on random
/// rows: payments on every edge, excluded runs inside and outside the window,
/// windows across rate changes, low and high periods and 1 January.
@Suite("Segment kernel equals the plan")
struct SegmentKernelTests {
    @Test func builtForEveryRegimeAndBasis() {
        for (name, terms) in AccrualPlanTests.termsList { #expect(SegmentKernel.forTerms(terms), "\(name)") }
    }

    @Test(arguments: AccrualPlanTests.termsList.indices)
    func equalToThePlan(_ index: Int) async {
        let (name, terms) = AccrualPlanTests.termsList[index]
        guard SegmentKernel.forTerms(terms) else { return }
        var taken = 0
        for seed in 0..<400 {
            let delay = AccrualPlanTests.randomCase(seed &* 7919)
            guard let agrees = SegmentKernel.agreesWithPlan(terms, delay) else { continue }
            taken += 1
            #expect(agrees, "\(name) seed \(seed &* 7919)")
        }
        // Many random rows are the kernel's (the rest: longer amounts, two excluded runs, dates
        // outside a rate table, payments on one day), so the comparison is not vacuous.
        #expect(taken > 60, "\(name): \(taken) of 400 taken")
        await propertyCheck(count: 200, input: Gen.int(in: Int.min...Int.max)) { seed in
            #expect(SegmentKernel.agreesWithPlan(terms, AccrualPlanTests.randomCase(seed)) != false, "\(name) seed \(seed)")
        }
    }
}
