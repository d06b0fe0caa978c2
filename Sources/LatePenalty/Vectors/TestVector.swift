import Foundation

/// A file of test vectors: `vectors/*.json`. The format is documented in `docs/vectors.md`.
public struct TestVectorFile: Sendable, Codable {
    public var title: String
    public var description: String?
    public var vectors: [TestVector]
}

/// One case with its expected result and where the expectation comes from.
public struct TestVector: Sendable, Codable {
    /// `published`: numbers printed in a public document (``source`` says which and where);
    /// `derived`: computed from a rule (``derivation`` shows the arithmetic).
    public enum Kind: String, Sendable, Codable {
        case published
        case derived
    }

    /// Where a published vector's numbers were printed.
    public struct Source: Sendable, Codable {
        public var title: String
        public var url: String
        /// What exactly the source printed.
        public var printed: String
    }

    /// The expected outcome; absent fields are not checked (a partial published example checks
    /// only what its source printed).
    public struct Expected: Sendable, Codable {
        public var status: String?
        public var amount: String?
        public var exact: String?
        public var countedDays: Int?
        public var excludedDays: Int?
        /// For `status: error`: text the error message must contain.
        public var error: String?
        /// Each segment's value as it enters the sum (rounded when segments are rounded), in
        /// order; `null` for a segment the source did not print.
        public var segments: [String?]?
        /// Each segment's day count, in order; `null` where not printed.
        public var segmentDays: [Int?]?
        /// Each segment's exact value as the source printed it in decimal before rounding
        /// (`197.260`): the exact value cut after the printed digits must equal it.
        public var segmentExactPrinted: [String?]?
        /// Day-count vectors: the exact year fraction `p/q`.
        public var yearFraction: String?
        /// Day-count vectors: the year fraction as the source printed it in decimal; the exact
        /// value must round (half-up) to it at the printed number of digits.
        public var yearFractionPrinted: String?
        /// Day-count vectors: when given, the exact value must lie within this distance of
        /// `year_fraction_printed` (the source's own tolerance) instead of rounding to it.
        public var yearFractionTolerance: String?
        /// Day-count vectors: the days counted.
        public var days: Int?
        /// Milestone and deadline vectors: the last day of the period.
        public var lastDay: String?
        /// Agreement vectors: the answers of ``AgreementReport`` (`status` is its status).
        public var term: Int?
        public var termLastDay: String?
        public var nextRenewal: String?
        public var renewalNoticeDeadline: String?
        public var lastDayInForce: String?
        public var terminationNoticeDeadline: String?
        /// Set-off vectors: the interest, the claim, what is deducted from the price, the
        /// shortfall and the price left to pay (``SetOff/Result``).
        public var interest: String?
        public var claim: String?
        public var deducted: String?
        public var shortfall: String?
        public var remainderToPay: String?

        enum CodingKeys: String, CodingKey {
            case status, amount, exact, error, segments, days
            case segmentDays = "segment_days"
            case segmentExactPrinted = "segment_exact_printed"
            case yearFraction = "year_fraction"
            case yearFractionPrinted = "year_fraction_printed"
            case yearFractionTolerance = "year_fraction_tolerance"
            case lastDay = "last_day"
            case term, interest, claim, deducted, shortfall
            case termLastDay = "term_last_day"
            case nextRenewal = "next_renewal"
            case renewalNoticeDeadline = "renewal_notice_deadline"
            case lastDayInForce = "last_day_in_force"
            case terminationNoticeDeadline = "termination_notice_deadline"
            case remainderToPay = "remainder_to_pay"
            case countedDays = "counted_days"
            case excludedDays = "excluded_days"
        }
    }

    public var id: String
    public var kind: Kind
    /// What to compute, as text fields:
    /// - a charge: the fields of a `penalty compute` row (`regime`, `amount`, `due` …);
    /// - a day count: `day_count` (a basis name), `start` and `end` (the end not counted, as in
    ///   QuantLib and Strata: the window is `start` .. `end − 1`);
    /// - a milestone: `milestone_months` and `due`: the last day of the period of that many
    ///   months after the due date (民法第143条);
    /// - a deadline: `deadline` (`inspection` or `payment`), `received`, and optionally `period`
    ///   and `fixed_date` (or `none`): the seed contract's 第2条 or 第4条 deadline;
    /// - an agreement: `agreement_as_of` and the columns of a `penalty agreements` row (`start`,
    ///   `first_expiry`, `renewal`, `notice`, `non_renewal`, `termination`, `terminate_on`);
    /// - a set-off: `set_off_unpaid_price`, `damages`, `due`, `paid` and optionally `payments`
    ///   (第22条).
    public var inputs: [String: String]
    public var expected: Expected
    public var source: Source?
    public var derivation: String?
    /// The rule the vector checks: a clause or a statute.
    public var rule: String?
    public var note: String?
}
