/// `custom`: every parameter in the row. For one-off contracts whose terms no bundled regime
/// matches; a regime used often is better written once as a regime file (`--rates`).
///
/// Columns: `rate` (required), `high_rate` with `low_months`, `basis` (default `fixed-365`),
/// `base_unit`, `base_minimum`, `segments` (`each` or `total`, default `total`), `result_unit`
/// (default 1), `result_minimum`, `allocation` (`principal-first` or `interest-first`).
public struct CustomRegime: Regime {
    public init() {}
    public var name: String { "custom" }
    public var title: String { "custom terms (個別条件)" }
    public var fields: [String] {
        [
            "amount", "due", "paid", "excluded", "payments", "decreases", "rate", "high_rate", "roll_due", "reduced", "low_months", "basis", "base_unit",
            "base_minimum", "segments", "result_unit", "result_minimum", "allocation",
        ]
    }

    /// The columns that make a row's terms (all but the case's amount, dates, excluded days,
    /// payments, decreases and roll-over).
    static let termFields = [
        "rate", "high_rate", "low_months", "basis", "base_unit", "base_minimum", "segments", "result_unit", "result_minimum", "allocation",
    ]

    public func compute(_ values: [String: String]) throws(InputError) -> ChargeResult {
        try rejectUnused(values)
        let fields = CaseFields(values: values)
        let terms = try CustomRegime.terms(fields)
        let delay = DelayCase(
            principal: try fields.amount(), due: try fields.date("due", "the due date"), end: try fields.date("paid", "the payment day"),
            excluded: try fields.excluded(), payments: try fields.payments(), rollDue: try fields.rollDue(), reduced: try fields.reduced(),
            decreases: try fields.decreases())
        return try compute(delay, plan: AccrualPlan(terms: terms))
    }

    func compute(_ delay: DelayCase, plan: AccrualPlan) throws(InputError) -> ChargeResult {
        try Accrual.compute(
            delay, plan: plan, rule: RuleReference(clause: "", title: title, document: "terms given in the row"),
            inputs: [
                .init("amount", "amount (金額)", delay.principal.description),
                .init("due", "due date (期限)", delay.due.iso8601),
                .init("paid", "paid (支払日)", delay.end.iso8601),
            ] + plan.termFacts + [delay.reduced.fact].compactMap { $0 }
                + (delay.payments.isEmpty
                    ? [] : [.init("payments", "partial payments (一部支払)", delay.payments.map(\.description).joined(separator: "; "))])
                + [delay.decreasesFact].compactMap { $0 })
    }

    /// The terms a row gives in its ``termFields``.
    static func terms(_ fields: CaseFields) throws(InputError) -> AccrualTerms {
        guard let rate = try fields.optionalRate("rate") else {
            throw InputError(field: "rate", reason: "is empty; custom needs the annual rate in percent, e.g. 2.5")
        }
        let high = try fields.optionalRate("high_rate")
        var lowPeriod: CivilPeriod? = nil
        if let months = fields.text("low_months") {
            guard months.utf8.count <= 6, months.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let count = Int(months), CivilPeriod.monthCounts.contains(count)
            else {
                throw InputError(
                    field: "low_months", reason: "'\(months.prefix(40))' is not a whole number of months from 1 to \(CivilPeriod.monthCounts.upperBound)")
            }
            lowPeriod = .months(count)
        }
        if (high == nil) != (lowPeriod == nil) {
            throw InputError(
                field: high == nil ? "high_rate" : "low_months",
                reason: "high_rate and low_months go together: the low rate runs low_months after the due date, high_rate after")
        }
        let basisName = fields.text("basis") ?? "fixed-365"
        guard let basis = DayCountBases.named(basisName) else {
            throw InputError(field: "basis", reason: "\(InputError.quoted(basisName)) is not one of \(DayCountBases.all.map(\.name).joined(separator: ", "))")
        }
        func unit(_ name: String) throws(InputError) -> Rounding? {
            guard let value = try fields.optionalYen(name) else { return nil }
            guard value.value.signum > 0 else { throw InputError(field: name, reason: "must be 1 or more") }
            return Rounding(.floor, toMultipleOf: value.value)
        }
        let segments: SegmentRounding
        switch fields.text("segments") ?? "total" {
        case "each": segments = .eachSegment(.floorToYen)
        case "total": segments = .totalOnly
        case let other: throw InputError(field: "segments", reason: "\(InputError.quoted(other)) is not 'each' or 'total'")
        }
        let allocationName = fields.text("allocation") ?? PaymentAllocation.principalFirst.rawValue
        guard let allocation = PaymentAllocation(rawValue: allocationName) else {
            throw InputError(field: "allocation", reason: "\(InputError.quoted(allocationName)) is not principal-first or interest-first")
        }
        return AccrualTerms(
            rates: RatePlan(source: .fixed(rate: rate, highRate: high), lowPeriod: lowPeriod), basis: basis,
            baseRounding: try unit("base_unit"), baseMinimum: try fields.optionalYen("base_minimum"),
            segmentRounding: segments, resultRounding: try unit("result_unit") ?? .floorToYen,
            minimum: try fields.optionalYen("result_minimum").map { .waiveBelow($0) } ?? MinimumRule.none,
            paymentAllocation: allocation)
    }
}
