extension AgreementReport {
    /// The answers for a person, then the explanation.
    public var text: String {
        var lines: [String] = []
        func line(_ label: String, _ value: String) {
            let pad = max(1, 44 - label.count - label.unicodeScalars.filter { $0.value > 0x2E80 }.count)
            lines.append("\(label)\(String(repeating: " ", count: pad))\(value)")
        }
        switch standing {
        case .notYetInForce: line("status on \(asOf)", "not yet in force (発効前)")
        case .inForce(let term, let window): line("status on \(asOf)", "in force, term \(term): \(window) (有効)")
        case .ended(let last): line("status on \(asOf)", "ended on \(last) (終了)")
        }
        if let termLastDay { line("term ends (有効期間満了日)", termLastDay.description) }
        line("next renewal (次回更新日)", nextRenewal?.description ?? "none")
        if let renewalNoticeDeadline { line("decline renewal by (更新拒絶の期限)", renewalNoticeDeadline.description) }
        if let lastDayInForce { line("last day in force (終了日)", lastDayInForce.description) }
        if let terminationDate, let terminationNoticeDeadline {
            line("to end on \(terminationDate), notify by (解約通知の期限)", terminationNoticeDeadline.description)
        }
        if let earliestTerminationOnNoticeToday { line("earliest end on notice today (最短解約日)", earliestTerminationOnNoticeToday.description) }
        if earlierTerms > 0 { lines.append("terms: \(earlierTerms) earlier terms, then") }
        for (index, term) in terms.enumerated() { line("  term \(earlierTerms + index + 1)", term.description) }
        lines.append("")
        lines.append(explanation.text)
        return lines.joined(separator: "\n")
    }
}
