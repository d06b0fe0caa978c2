/// 第4条: the orderer pays 「受注者の適法な請求書を受理した日から30日以内」, within 30 days from the day
/// it received a proper invoice (after the inspection of 第2条).
///
/// Counted by 民法第140条: the day of receipt is not counted, so an invoice received on 2022-04-01
/// must be paid by 2022-05-01. This date is the 支払期限 of 第6条第5項.
public struct PaymentDeadline: Sendable {
    /// The day a proper invoice (適法な請求書) was received.
    public var invoiceReceived: CivilDate
    public var period: CivilPeriod
    /// When set, a period of days counts only this calendar's open days (開庁日), as contracts
    /// that count in working days do; nil counts calendar days, as the seed contract does.
    public var openDaysOf: (any ClosingCalendar)? = nil

    public static let rule = RuleReference(clause: "第4条", title: "payment deadline (支払期限)", document: SeedContract.document)

    public init(invoiceReceived: CivilDate, period: CivilPeriod = .days(30)) {
        self.invoiceReceived = invoiceReceived
        self.period = period
    }

    public func compute() -> DeadlineResult {
        let deadline = periodEnd()
        var explanation = Explanation(
            rule: Self.rule,
            inputs: [
                .init("invoice_received", "invoice received (請求書受理日)", invoiceReceived.iso8601)
            ])
        explanation.notes.append(
            "\(period) after \(invoiceReceived) (受理日は算入しない, 民法第140条)\(openDaysOf.map { ", counting only open days of the \($0.name) calendar" } ?? ""): \(deadline)."
        )
        return DeadlineResult(date: deadline, explanation: explanation)
    }

    /// The last day of the period after the event: calendar days, or open days of `openDaysOf`.
    func periodEnd() -> CivilDate {
        if let calendar = openDaysOf, case .days(let count) = period {
            return calendar.lastDay(ofOpenDays: count, afterEventOn: invoiceReceived)
        }
        return period.lastDay(afterEventOn: invoiceReceived) ?? .last  // a deadline past 9999-12-31: never reached
    }
}
