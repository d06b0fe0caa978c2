/// ``AccrualTerms`` compiled once into whole numbers, so that a row is computed by integer
/// products and floor divisions with no fraction to reduce.
///
/// Every exact value of an accrual is a whole number over one known denominator `L`: a rate is
/// `p/q` with `q` dividing the least common multiple of the plan's rate denominators (its *rate
/// scale*), and a year fraction is `n/D` with `D` one of the basis's denominators, which divide
/// its *basis scale*; `L` is the product of the two scales. A segment on base `B` is then
/// `B × n × (p × rateScale/q) × (basisScale/D)` over `L`, and sums, roundings and the minimum
/// are integer operations.
///
/// The plan holds its constants twice: in `Int128` when they fit (the usual case: `L` is at most
/// 1,603,080 × 10^k for rates of k decimals), and as GMP integers for any terms. A row is
/// computed in `Int128` first; if any product overflows, the same evaluator runs again on GMP
/// integers, so every amount of any size comes out exact.
///
/// A class, immutable once made: rows share one plan, and passing it costs one reference count.
final class AccrualPlan: Sendable {
    let terms: AccrualTerms
    /// The constants as GMP integers: always there.
    let big: Constants<BigInteger>
    /// The constants in `Int128`, or nil when one does not fit (then every row runs on GMP).
    let small: Constants<Int128>?

    /// The plan's numbers in one integer type.
    final class Constants<N: PlanInteger>: Sendable {
        /// `L`: every exact value is a numerator over it.
        let denominator: N
        /// The least common multiple of the basis's year lengths.
        let basisScale: Int
        /// Each source row's (low, high) rate times the rate scale: row 0 of a fixed rate, or
        /// the rate table's rows in order.
        let scaledRates: [(low: N, high: N)]
        let baseUnit: N?
        let baseMinimum: N?
        /// `L × unit` of the segment rounding, when segments are rounded one by one.
        let segmentDivisor: N?
        let segmentUnit: N?
        /// `L × unit` of the result's rounding.
        let resultDivisor: N
        let resultUnit: N
        /// Below this a result is waived, when the terms have a minimum.
        let waiveBelow: N?
        /// Each reduced period's rate times the rate scale, for periods of a rate (nil for the
        /// others). When a period halves, the rate scale is doubled, so that half of every
        /// scaled rate is whole.
        let reducedRates: [N?]
        /// Each source row's 猶予特例基準割合 times the rate scale, where the table gives one.
        let graceRates: [N?]

        init(
            denominator: N, basisScale: Int, scaledRates: [(low: N, high: N)], baseUnit: N?, baseMinimum: N?,
            segmentDivisor: N?, segmentUnit: N?, resultDivisor: N, resultUnit: N, waiveBelow: N?, reducedRates: [N?], graceRates: [N?]
        ) {
            self.reducedRates = reducedRates
            self.graceRates = graceRates
            self.denominator = denominator
            self.basisScale = basisScale
            self.scaledRates = scaledRates
            self.baseUnit = baseUnit
            self.baseMinimum = baseMinimum
            self.segmentDivisor = segmentDivisor
            self.segmentUnit = segmentUnit
            self.resultDivisor = resultDivisor
            self.resultUnit = resultUnit
            self.waiveBelow = waiveBelow
        }
    }

    // The terms a row reads, taken out once (reading them through `terms` would copy it).
    let basis: any DayCountBasis
    let baseMode: RoundingMode?
    let segmentMode: RoundingMode?
    let resultMode: RoundingMode
    let interestFirst: Bool
    /// Each source row's rate and note, low and high, as explanations show them.
    let rateDescriptions: [(low: (Rate, String?), high: (Rate, String?))]
    /// Each source row's table row, which explanations cite (nil for a fixed rate).
    let rateRows: [RateRow?]
    /// The reduced periods the plan was compiled for: a delay with others needs its own plan.
    let reduced: ReducedPeriods
    /// Each source row's 猶予特例基準割合, as explanations show it.
    let graceRates: [Rate?]
    /// The same evaluation for plain rows over day numbers, when the terms allow (see
    /// ``SegmentKernel``).
    let segmentKernel: SegmentKernel?
    /// The terms as an explanation lists them among its inputs when a row gives them (`custom`),
    /// made once with the plan rather than for every row.
    let termFacts: [Explanation.Fact]
    /// ``segmentKernel`` for the byte-level batch's rows, which call it without retaining it:
    /// the plan keeps it for its life.
    let unretainedSegmentKernel: Unmanaged<SegmentKernel>?

    /// The plan of `terms`, for delays with the reduced periods `reduced` (none by default: a
    /// regime's plan; a row that gives reduced periods gets a plan of its own).
    init(terms: AccrualTerms, reduced: ReducedPeriods = .none) {
        self.terms = terms
        self.reduced = reduced
        termFacts = terms.facts
        graceRates = RateResolver.graceRates(terms.rates)
        basis = terms.basis
        baseMode = terms.baseRounding?.mode
        segmentMode = if case .eachSegment(let rounding) = terms.segmentRounding { rounding.mode } else { nil }
        resultMode = terms.resultRounding.mode
        interestFirst = terms.paymentAllocation == .interestFirst
        let rows = AccrualPlan.sourceRates(terms.rates).count
        rateDescriptions = (0..<rows).map {
            (RateResolver.described(terms.rates, row: $0, low: true), RateResolver.described(terms.rates, row: $0, low: false))
        }
        rateRows = (0..<rows).map { RateResolver.tableRow(terms.rates, row: $0) }
        let big = AccrualPlan.constants(terms, reduced: reduced)
        self.big = big
        small = AccrualPlan.fitted(big)
        segmentKernel = reduced.isEmpty ? small.flatMap { SegmentKernel(terms: terms, constants: $0) } : nil
        unretainedSegmentKernel = segmentKernel.map { Unmanaged.passUnretained($0) }
    }

    /// The plan of `base`'s terms for delays with the reduced periods `reduced`, made without
    /// compiling the terms again (a row's periods cost little): the base's descriptions kept,
    /// its constants scaled by the factor the periods need (1 for exempt and 猶予特例 periods,
    /// whose rates the base already holds; 2 for a half; what a period's own rate's
    /// denominator needs). Every value of an accrual is linear in the scale, so a scaled plan
    /// computes the same fractions.
    init(base: AccrualPlan, reduced: ReducedPeriods) {
        terms = base.terms
        self.reduced = reduced
        graceRates = base.graceRates
        basis = base.basis
        baseMode = base.baseMode
        segmentMode = base.segmentMode
        resultMode = base.resultMode
        interestFirst = base.interestFirst
        rateDescriptions = base.rateDescriptions
        rateRows = base.rateRows
        termFacts = base.termFacts
        let rateScale = base.big.denominator.divided(by: BigInteger(base.big.basisScale), rounding: .floor)
        var scale = rateScale
        for period in reduced.periods {
            if case .rate(let rate) = period.kind { scale = AccrualPlan.leastCommonMultiple(scale, rate.annual.denominator) }
        }
        if reduced.periods.contains(where: { $0.kind == .half }) { scale = scale * BigInteger(2) }
        let factor = scale.divided(by: rateScale, rounding: .floor)
        let reducedRates = reduced.periods.map { period -> BigInteger? in
            guard case .rate(let rate) = period.kind else { return nil }
            return rate.annual.numerator * scale.divided(by: rate.annual.denominator, rounding: .floor)
        }
        // Both always scale: GMP integers cannot overflow.
        big = base.big.scaled(by: factor, reducedRates: reducedRates) ?? AccrualPlan.constants(terms, reduced: reduced)
        small = base.small.flatMap { small in
            guard let factor = Int128(exactly: factor) else { return nil }
            var fitted: [Int128?] = []
            for rate in reducedRates {
                guard let rate else { fitted.append(nil); continue }
                guard let value = AccrualPlan.fit(rate) else { return nil }
                fitted.append(value)
            }
            return small.scaled(by: factor, reducedRates: fitted, limit: AccrualPlan.fit)
        }
        segmentKernel = nil  // reduced periods are more than the kernel computes
        unretainedSegmentKernel = nil
    }

    /// The source rows' rates as (low, high): row 0 of a fixed rate, or the table's rows.
    static func sourceRates(_ plan: RatePlan) -> [(low: Rate, high: Rate)] {
        switch plan.source {
        case .fixed(let rate, let highRate): return [(rate, highRate ?? rate)]
        case .table(let schedule, _): return schedule.rows.map { ($0.rate, $0.highRate ?? $0.rate) }
        }
    }

    private static func constants(_ terms: AccrualTerms, reduced: ReducedPeriods) -> Constants<BigInteger> {
        let rates = sourceRates(terms.rates)
        var rateScale = BigInteger(1)
        for (low, high) in rates {
            rateScale = leastCommonMultiple(rateScale, low.annual.denominator)
            rateScale = leastCommonMultiple(rateScale, high.annual.denominator)
        }
        for period in reduced.periods {
            if case .rate(let rate) = period.kind { rateScale = leastCommonMultiple(rateScale, rate.annual.denominator) }
        }
        let graceRates = RateResolver.graceRates(terms.rates)
        for case let rate? in graceRates { rateScale = leastCommonMultiple(rateScale, rate.annual.denominator) }
        // Twice the scale makes every scaled rate even, so that half of one is whole (a scale
        // that is merely even is not enough: 8.9% over 1,000 is 89).
        if reduced.periods.contains(where: { $0.kind == .half }) { rateScale = rateScale * BigInteger(2) }
        let basisScale = terms.basis.denominators.reduce(1) { Int(exactly: leastCommonMultiple(BigInteger($0), BigInteger($1))) ?? 0 }
        let denominator = rateScale * BigInteger(max(basisScale, 1))
        func scaled(_ rate: Rate) -> BigInteger {
            rate.annual.numerator * rateScale.divided(by: rate.annual.denominator, rounding: .floor)
        }
        let segment: Rounding? = if case .eachSegment(let rounding) = terms.segmentRounding { rounding } else { nil }
        let waiveBelow: BigInteger? = if case .waiveBelow(let threshold) = terms.minimum { threshold.value } else { nil }
        return Constants(
            denominator: denominator, basisScale: basisScale,
            scaledRates: rates.map { (scaled($0.low), scaled($0.high)) },
            baseUnit: terms.baseRounding?.unit, baseMinimum: terms.baseMinimum?.value,
            segmentDivisor: segment.map { denominator * $0.unit }, segmentUnit: segment?.unit,
            resultDivisor: denominator * terms.resultRounding.unit, resultUnit: terms.resultRounding.unit,
            waiveBelow: waiveBelow,
            reducedRates: reduced.periods.map { if case .rate(let rate) = $0.kind { scaled(rate) } else { nil } },
            graceRates: graceRates.map { $0.map(scaled) })
    }

    /// The constants in `Int128`, or nil when one does not fit with room to spare: a value must
    /// stay below 2^100 so that a product with a day count cannot overflow unseen.
    /// `value` in `Int128` when it stays below 10^30 (see ``fitted(_:)``).
    static func fit(_ value: BigInteger) -> Int128? {
        guard value.magnitude < BigInteger.powerOfTen(30), let fitted = Int128(exactly: value) else { return nil }
        return fitted
    }

    private static func fitted(_ big: Constants<BigInteger>) -> Constants<Int128>? {
        func fitOptional(_ value: BigInteger?) -> Int128?? {
            guard let value else { return .some(nil) }
            return fit(value).map { .some($0) }
        }
        var rates: [(low: Int128, high: Int128)] = []
        for (low, high) in big.scaledRates {
            guard let low = fit(low), let high = fit(high) else { return nil }
            rates.append((low, high))
        }
        var reducedRates: [Int128?] = [], graceRates: [Int128?] = []
        for rate in big.reducedRates {
            guard let fitted = fitOptional(rate) else { return nil }
            reducedRates.append(fitted)
        }
        for rate in big.graceRates {
            guard let fitted = fitOptional(rate) else { return nil }
            graceRates.append(fitted)
        }
        guard big.basisScale > 0, let denominator = fit(big.denominator), let resultDivisor = fit(big.resultDivisor),
            let resultUnit = fit(big.resultUnit), let baseUnit = fitOptional(big.baseUnit),
            let baseMinimum = fitOptional(big.baseMinimum), let segmentDivisor = fitOptional(big.segmentDivisor),
            let segmentUnit = fitOptional(big.segmentUnit), let waiveBelow = fitOptional(big.waiveBelow)
        else { return nil }
        return Constants(
            denominator: denominator, basisScale: big.basisScale, scaledRates: rates, baseUnit: baseUnit,
            baseMinimum: baseMinimum, segmentDivisor: segmentDivisor, segmentUnit: segmentUnit,
            resultDivisor: resultDivisor, resultUnit: resultUnit, waiveBelow: waiveBelow, reducedRates: reducedRates, graceRates: graceRates)
    }

    static func leastCommonMultiple(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
        var x = a.magnitude, y = b.magnitude
        while !y.isZero { (x, y) = (y, x.floorRemainder(dividingBy: y)) }
        return x.isZero ? BigInteger(0) : (a.magnitude.divided(by: x, rounding: .floor) * b.magnitude)
    }
}

extension AccrualPlan.Constants {
    /// The constants of the same terms over a rate scale `factor` times larger, with
    /// `reducedRates` (already over the larger scale): every value that is a numerator over the
    /// denominator is multiplied, the amounts in yen are not. Nil when a product overflows, or
    /// when `limit` (the bound a value must keep, checked on its GMP form) refuses one.
    func scaled(by factor: N, reducedRates: [N?], limit: ((BigInteger) -> N?)? = nil) -> AccrualPlan.Constants<N>? {
        func times(_ value: N) -> N? {
            guard let product = value.multiplied(by: factor) else { return nil }
            if let limit, limit(product.bigInteger) == nil { return nil }
            return product
        }
        func timesOptional(_ value: N?) -> N?? {
            guard let value else { return .some(nil) }
            return times(value).map { .some($0) }
        }
        var rates: [(low: N, high: N)] = []
        rates.reserveCapacity(scaledRates.count)
        for (low, high) in scaledRates {
            guard let low = times(low), let high = times(high) else { return nil }
            rates.append((low, high))
        }
        var grace: [N?] = []
        grace.reserveCapacity(graceRates.count)
        for rate in graceRates {
            guard let scaled = timesOptional(rate) else { return nil }
            grace.append(scaled)
        }
        guard let denominator = times(denominator), let resultDivisor = times(resultDivisor), let segmentDivisor = timesOptional(segmentDivisor)
        else { return nil }
        return AccrualPlan.Constants(
            denominator: denominator, basisScale: basisScale, scaledRates: rates, baseUnit: baseUnit, baseMinimum: baseMinimum,
            segmentDivisor: segmentDivisor, segmentUnit: segmentUnit, resultDivisor: resultDivisor, resultUnit: resultUnit,
            waiveBelow: waiveBelow, reducedRates: reducedRates, graceRates: grace)
    }
}
