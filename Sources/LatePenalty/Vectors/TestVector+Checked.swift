extension TestVector.Expected {
    /// The names (as written in a vector file) of the expected values given.
    var givenNames: [String] {
        let values: [(String, Any?)] = [
            ("status", status), ("amount", amount), ("exact", exact), ("counted_days", countedDays), ("excluded_days", excludedDays),
            ("error", error), ("segments", segments), ("segment_days", segmentDays), ("segment_exact_printed", segmentExactPrinted),
            ("year_fraction", yearFraction), ("year_fraction_printed", yearFractionPrinted), ("year_fraction_tolerance", yearFractionTolerance),
            ("days", days), ("last_day", lastDay), ("term", term), ("term_last_day", termLastDay), ("next_renewal", nextRenewal),
            ("renewal_notice_deadline", renewalNoticeDeadline), ("last_day_in_force", lastDayInForce),
            ("termination_notice_deadline", terminationNoticeDeadline), ("interest", interest), ("claim", claim), ("deducted", deducted),
            ("shortfall", shortfall), ("remainder_to_pay", remainderToPay),
        ]
        return values.compactMap { name, value in
            guard let value else { return nil }
            // An `Any` holding an optional that is nil is still nil.
            if case Optional<Any>.none = value as Any? { return nil }
            return name
        }
    }
}

extension VectorVerifier {
    /// The expected values each kind of vector checks.
    static let checkedNames: [String: Set<String>] = [
        "charge": [
            "status", "amount", "exact", "counted_days", "excluded_days", "error", "segments", "segment_days", "segment_exact_printed",
        ],
        "day-count": ["year_fraction", "year_fraction_printed", "year_fraction_tolerance", "days"],
        "milestone": ["last_day"],
        "deadline": ["last_day"],
        "agreement": [
            "status", "error", "term", "term_last_day", "next_renewal", "renewal_notice_deadline", "last_day_in_force",
            "termination_notice_deadline",
        ],
        "set-off": ["status", "error", "interest", "claim", "deducted", "shortfall", "remainder_to_pay"],
    ]

    /// A vector passes only when it checks something: an expected value its kind does not check
    /// (an `amount` on a deadline vector, `counted_days` on a day-count one) is an error, and so
    /// is a vector that expects nothing.
    static func uncheckedExpectations(_ vector: TestVector, kind: String) -> [String] {
        let checked = checkedNames[kind] ?? []
        let given = vector.expected.givenNames
        let ignored = given.filter { !checked.contains($0) }
        if !ignored.isEmpty {
            return [
                "expected \(ignored.joined(separator: ", ")) \(ignored.count == 1 ? "is" : "are") not checked for a \(kind) vector (it checks \(checked.sorted().joined(separator: ", ")))"
            ]
        }
        if given.isEmpty { return ["the vector expects nothing; give at least one of \(checked.sorted().joined(separator: ", "))"] }
        return []
    }
}
