/// An agreement with a first expiry that renews itself for a fixed term unless either party
/// declines in time, and that either party may cancel on notice: 宮城県 DX推進連携協定 第3条
/// (docs/clauses.md).
///
/// 「本協定の有効期間は、協定締結日から令和6年3月31日までとする。ただし、有効期間満了の1か月前までに…解約の
/// 申出がなければ、同一内容で1年間更新するものとし、その後も同様に更新するものとする。」 (第1項)
/// 「…解約予定日の1か月前までに…通知することにより、本協定を解約できるものとする。」 (第2項)
///
/// The seed's terms are the defaults; others are parameters: a renewal of any number of days,
/// months or years, or none (`renewalTerm` nil), and a notice period of days, weeks, months or
/// years.
///
/// Interpretations, stated because the text leaves them open:
/// - "the day one month before" a date is the same day of the previous month, or that month's
///   last day when it has no such day (2024-03-31 → 2024-02-29); a notice on or before it is in
///   time. A notice period of days counts back that many calendar days.
/// - a non-renewal notice given too late for the current expiry stops the next renewal instead.
/// - the 解約予定日 is the agreement's last day in force; a termination notice that names no date,
///   or a date less than one month away, ends the agreement on the day one month after the notice.
public struct AutoRenewingAgreement: Sendable {
    /// A notice of cancellation under 第2項.
    public struct TerminationNotice: Sendable, Hashable {
        public var given: CivilDate
        /// The intended last day (解約予定日), if the notice names one.
        public var intendedDate: CivilDate?

        public init(given: CivilDate, intendedDate: CivilDate? = nil) {
            self.given = given
            self.intendedDate = intendedDate
        }

        /// Reads `GIVEN` or `GIVEN:INTENDED` (dates in any accepted form); errors name `field`.
        public static func parse(_ text: some StringProtocol, field: String = "termination") throws(InputError) -> TerminationNotice {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let given = try CivilDate.parse(parts[0], field: field)
            return TerminationNotice(given: given, intendedDate: parts.count > 1 ? try CivilDate.parse(parts[1], field: field) : nil)
        }
    }

    /// The day the agreement was concluded (協定締結日): 2023-04-26 in the seed.
    public var start: CivilDate
    /// The last day of the first term: 2024-03-31 in the seed.
    public var firstExpiry: CivilDate
    /// The length of each renewal, or nil when the agreement does not renew itself.
    public var renewalTerm: CivilPeriod?
    /// How long before an expiry or an intended termination notice must be given.
    public var notice: CivilPeriod
    /// Days on which a party declined renewal (解約の申出).
    public var nonRenewalNotices: [CivilDate]
    public var terminationNotices: [TerminationNotice]

    public static let rule = RuleReference(
        clause: "第3条", title: "term, automatic renewal and cancellation (有効期間・自動更新・解約)",
        document: "宮城県 DX推進のための実証事業に関する連携協定 (令和5年4月26日, seed 000)")

    /// The seed agreement: concluded 2023-04-26, first expiry 2024-03-31, one-year renewals, one
    /// month's notice.
    public static func miyagiSeed(nonRenewalNotices: [CivilDate] = [], terminationNotices: [TerminationNotice] = []) -> Self {
        AutoRenewingAgreement(
            start: CivilDate(year: 2023, month: 4, day: 26)!, firstExpiry: CivilDate(year: 2024, month: 3, day: 31)!,
            nonRenewalNotices: nonRenewalNotices, terminationNotices: terminationNotices)
    }

    /// - Precondition: `start` is not after `firstExpiry` (``validated(start:firstExpiry:renewalTerm:notice:)``
    ///   checks terms that come from input).
    public init(
        start: CivilDate, firstExpiry: CivilDate, renewalTerm: CivilPeriod? = .years(1), notice: CivilPeriod = .months(1),
        nonRenewalNotices: [CivilDate] = [], terminationNotices: [TerminationNotice] = []
    ) {
        precondition(start <= firstExpiry, "AutoRenewingAgreement: the first expiry precedes the start")
        self.start = start
        self.firstExpiry = firstExpiry
        self.renewalTerm = renewalTerm
        self.notice = notice
        self.nonRenewalNotices = nonRenewalNotices
        self.terminationNotices = terminationNotices
    }

    /// Reads a renewal term: a period (``CivilPeriod/parse(_:field:)``), or `none` (also `no`,
    /// `なし`) for an agreement that does not renew itself.
    public static func renewalTerm(_ text: some StringProtocol) throws(InputError) -> CivilPeriod? {
        ["none", "no", "なし"].contains(text.lowercased()) ? nil : try CivilPeriod.parse(text, field: "renewal")
    }

    /// The largest renewal or notice period a term may give: a hundred years (36,525 days,
    /// 5,218 weeks, 1,200 months, 100 years), far beyond any agreement's.
    public static func isWithinBounds(_ period: CivilPeriod) -> Bool {
        switch period {
        case .days(let n): return (1...36_525).contains(n)
        case .weeks(let n): return (1...5_218).contains(n)
        case .months(let n): return CivilPeriod.monthCounts.contains(n)
        case .years(let n): return (1...100).contains(n)
        }
    }

    /// Checks terms that come from input before an agreement is made of them: the start on or
    /// before the first expiry, and periods from one day to a hundred years.
    public static func validated(
        start: CivilDate, firstExpiry: CivilDate, renewalTerm: CivilPeriod?, notice: CivilPeriod
    ) throws(InputError) -> AutoRenewingAgreement {
        guard start <= firstExpiry else {
            throw InputError(field: "first_expiry", reason: "\(firstExpiry) is before the start \(start); the first term must end on or after its first day")
        }
        if let renewalTerm, !isWithinBounds(renewalTerm) {
            throw InputError(field: "renewal", reason: "\(renewalTerm) is not between one day and a hundred years")
        }
        guard isWithinBounds(notice) else { throw InputError(field: "notice", reason: "\(notice) is not between one day and a hundred years") }
        return AutoRenewingAgreement(start: start, firstExpiry: firstExpiry, renewalTerm: renewalTerm, notice: notice)
    }

    /// The last day on which notice is in time for `date` (an expiry or an intended termination):
    /// the notice period before it, by the corresponding day for months and years.
    public func lastNoticeDay(before date: CivilDate) -> CivilDate {
        AutoRenewingAgreement.shifted(date, by: notice, forward: false) ?? .first
    }

    /// `date` moved by `period`, later or earlier: months and years to the corresponding day (the
    /// month's last day when it has none), days and weeks by calendar days; nil past the years
    /// a date may have.
    static func shifted(_ date: CivilDate, by period: CivilPeriod, forward: Bool) -> CivilDate? {
        let sign = forward ? 1 : -1
        switch period {
        case .days(let n): return date.adding(days: sign * n)
        case .weeks(let n): return date.adding(days: sign * 7 * n)
        case .months(let n): return date.addingMonths(sign * n)
        case .years(let n): return date.addingMonths(sign * 12 * n)
        }
    }

    /// The term after the one ending on `expiry`, or nil when the agreement does not renew or
    /// `expiry` is 9999-12-31.
    func term(after expiry: CivilDate) -> DateWindow? {
        guard let renewalTerm, expiry < .last else { return nil }
        let next = expiry.nextDay
        return DateWindow(first: next, last: max(next, renewalTerm.lastDay(countingFrom: next) ?? .last))
    }

    /// Where the agreement stands on a day.
    public enum Standing: Sendable, Hashable {
        /// Before the day it was concluded.
        case notYetInForce
        /// In force, in its `term`-th term (1 is the first), which runs through `window.last`.
        case inForce(term: Int, window: DateWindow)
        /// Ended; `lastDay` was its last day in force.
        case ended(lastDay: CivilDate)
    }

    /// The agreement's standing on `date`, with how it was found.
    public func standing(on date: CivilDate) -> (standing: Standing, explanation: Explanation) {
        var explanation = Explanation(
            rule: Self.rule,
            inputs: [
                .init("start", "concluded (協定締結日)", start.iso8601),
                .init("first_expiry", "first expiry (当初の有効期間満了日)", firstExpiry.iso8601),
                .init("date", "date asked (基準日)", date.iso8601),
            ])
        let end = lastDayInForce(notes: &explanation.notes)
        guard date >= start else {
            explanation.notes.append("\(date) is before the agreement was concluded.")
            return (.notYetInForce, explanation)
        }
        if let end, date > end {
            explanation.notes.append("\(date) is after the last day in force, \(end).")
            return (.ended(lastDay: end), explanation)
        }
        var term = 1
        var window = DateWindow(first: start, last: firstExpiry)
        while date > window.last {
            guard let next = self.term(after: window.last) else {
                explanation.notes.append("\(date) is after the first expiry, \(firstExpiry), and the agreement does not renew itself.")
                return (.ended(lastDay: window.last), explanation)
            }
            window = next
            term += 1
        }
        if let end, end < window.last { window = DateWindow(first: window.first, last: end) }
        explanation.notes.append("In force on \(date): term \(term), \(window).")
        return (.inForce(term: term, window: window), explanation)
    }

    /// The agreement's last day in force, or `nil` while it renews indefinitely.
    func lastDayInForce(notes: inout [String]) -> CivilDate? {
        var candidates: [CivilDate] = []
        if renewalTerm == nil {
            notes.append("No automatic renewal: the agreement ends at its first expiry, \(firstExpiry).")
            candidates.append(firstExpiry)
        }
        // Non-renewal: the agreement ends at the first expiry that some notice was in time for.
        if renewalTerm != nil, let earliestNotice = nonRenewalNotices.filter({ $0 >= start }).min() {
            var expiry = firstExpiry
            while lastNoticeDay(before: expiry) < earliestNotice, let next = term(after: expiry) { expiry = next.last }
            notes.append(
                "Non-renewal notice on \(earliestNotice) is in time for the expiry \(expiry) (deadline \(lastNoticeDay(before: expiry))): no renewal after it.")
            candidates.append(expiry)
        }
        for given in terminationNotices where given.given >= start {
            let earliest = AutoRenewingAgreement.shifted(given.given, by: notice, forward: true) ?? .last
            let end: CivilDate
            if let intended = given.intendedDate, intended >= earliest || lastNoticeDay(before: intended) >= given.given {
                end = intended
                notes.append("Termination notice on \(given.given) for \(intended) is at least \(notice) ahead: ends on \(intended).")
            } else {
                end = earliest
                notes.append(
                    "Termination notice on \(given.given)\(given.intendedDate.map { " for \($0)" } ?? ""): the earliest day \(notice) after the notice is \(earliest); ends on \(earliest)."
                )
            }
            candidates.append(end)
        }
        return candidates.min()
    }
}
