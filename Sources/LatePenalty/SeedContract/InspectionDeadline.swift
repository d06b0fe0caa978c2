/// 第2条第1項: the orderer inspects 「完了届の受理後10日以内又は令和4年3月25日のいずれか早い日まで」, within
/// 10 days after receiving the completion notice or by 2022-03-25, whichever is earlier.
///
/// The 10 days are counted by 民法第140条: the day of receipt is not counted, so receipt on
/// 2022-03-10 gives 2022-03-20.
public struct InspectionDeadline: Sendable {
    /// The day the completion notice (完了届) was received.
    public var noticeReceived: CivilDate
    public var period: CivilPeriod
    /// When set, a period of days counts only this calendar's open days (開庁日), as contracts
    /// that count in working days do; nil counts calendar days, as the seed contract does.
    public var openDaysOf: (any ClosingCalendar)? = nil
    /// The fixed date (令和4年3月25日 in the seed); `nil` for none.
    public var fixedDate: CivilDate?

    public static let rule = RuleReference(clause: "第2条第1項", title: "inspection deadline (検査期限)", document: SeedContract.document)

    public init(noticeReceived: CivilDate, period: CivilPeriod = .days(10), fixedDate: CivilDate? = SeedContract.contractPeriodEnd) {
        self.noticeReceived = noticeReceived
        self.period = period
        self.fixedDate = fixedDate
    }

    public func compute() -> DeadlineResult {
        let byPeriod = periodEnd()
        var explanation = Explanation(
            rule: Self.rule,
            inputs: [
                .init("notice_received", "completion notice received (完了届受理日)", noticeReceived.iso8601)
            ])
        explanation.notes.append(
            "\(period) after \(noticeReceived) (受理日は算入しない, 民法第140条)\(openDaysOf.map { ", counting only open days of the \($0.name) calendar" } ?? ""): \(byPeriod)."
        )
        guard let fixedDate else { return DeadlineResult(date: byPeriod, explanation: explanation) }
        let deadline = min(byPeriod, fixedDate)
        explanation.inputs.append(.init("fixed_date", "fixed date (指定日)", fixedDate.iso8601))
        explanation.notes.append("The earlier of \(byPeriod) and \(fixedDate) (いずれか早い日): \(deadline).")
        return DeadlineResult(date: deadline, explanation: explanation)
    }

    /// The last day of the period after the event: calendar days, or open days of `openDaysOf`.
    func periodEnd() -> CivilDate {
        if let calendar = openDaysOf, case .days(let count) = period {
            return calendar.lastDay(ofOpenDays: count, afterEventOn: noticeReceived)
        }
        return period.lastDay(afterEventOn: noticeReceived) ?? .last  // a deadline past 9999-12-31: never reached
    }
}
