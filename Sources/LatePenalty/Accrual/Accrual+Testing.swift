// Hooks for the tests that hold the integer evaluator to the exact reference: package access,
// never public.

extension Accrual {
    /// ``compute(_:terms:rule:inputs:)`` with every row on GMP integers, as a row whose `Int128`
    /// products overflow is computed.
    package static func computeOnGMP(
        _ delay: DelayCase, terms: AccrualTerms, rule: RuleReference, inputs: [Explanation.Fact]
    ) throws(InputError) -> ChargeResult {
        try compute(delay, plan: AccrualPlan(terms: terms), rule: rule, inputs: inputs, useInt128: false)
    }

    /// Whether `terms` compile to constants that fit in `Int128` (else every row runs on GMP).
    package static func fitsInt128(_ terms: AccrualTerms) -> Bool {
        AccrualPlan(terms: terms).small != nil
    }
}
