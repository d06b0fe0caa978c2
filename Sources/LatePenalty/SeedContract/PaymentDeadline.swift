/// 第4条: the orderer pays 「受注者の適法な請求書を受理した日から30日以内」, within 30 days from the day
/// it received a proper invoice (after the inspection of 第2条).
///
/// Counted by 民法第140条: the day of receipt is not counted, so an invoice received on 2022-04-01
/// must be paid by 2022-05-01. This date is the 支払期限 of 第6条第5項.
public struct PaymentDeadline: Sendable {
    /// The day a proper invoice (適法な請求書) was received.
    public var invoiceReceived: CivilDate
    public var period: CivilPeriod

    public static let rule = RuleReference(clause: "第4条", title: "payment deadline (支払期限)", document: SeedContract.document)

    public init(invoiceReceived: CivilDate, period: CivilPeriod = .days(30)) {
        self.invoiceReceived = invoiceReceived
        self.period = period
    }

    public func compute() -> DeadlineResult {
        let deadline = period.lastDay(afterEventOn: invoiceReceived)
        var explanation = Explanation(rule: Self.rule, inputs: [
            .init("invoice_received", "invoice received (請求書受理日)", invoiceReceived.iso8601),
        ])
        explanation.notes.append("\(period) after \(invoiceReceived) (受理日は算入しない, 民法第140条): \(deadline).")
        return DeadlineResult(date: deadline, explanation: explanation)
    }
}
