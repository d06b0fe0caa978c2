extension AccrualTerms {
    /// The row's terms as the explanation lists them: the rate or rates, the roundings and
    /// minimums, the allocation of payments (the basis has a line of its own).
    var facts: [Explanation.Fact] {
        var facts: [Explanation.Fact] = []
        if case .fixed(let rate, let high) = rates.source {
            let low = rates.lowPeriod.map { " for \($0), \(high.map { "\($0)" } ?? "") after" } ?? ""
            facts.append(.init("rate", "rate (利率)", "\(rate)\(low)"))
        }
        if let rounding = baseRounding { facts.append(.init("base_unit", "base rounding (元本の端数)", "\(rounding)")) }
        if let minimum = baseMinimum { facts.append(.init("base_minimum", "base minimum (元本の最低額)", "\(minimum)")) }
        if case .eachSegment(let rounding) = segmentRounding { facts.append(.init("segments", "each segment (区間ごと)", "\(rounding)")) }
        facts.append(.init("result_unit", "result rounding (端数)", "\(resultRounding)"))
        if case .waiveBelow(let minimum) = minimum { facts.append(.init("result_minimum", "result minimum (最低額)", "\(minimum)")) }
        facts.append(.init("allocation", "payments pay first (充当)", paymentAllocation.rawValue))
        return facts
    }
}
