/// What an office needs to know about an agreement on a day: whether it is in force, until when,
/// when it renews next, and by when notice must be given, to decline that renewal or to end it
/// on a chosen day, with the terms it has run through. Made by
/// ``AutoRenewingAgreement/report(asOf:terminationOn:)``.
public struct AgreementReport: Sendable {
    /// The day asked about (基準日).
    public let asOf: CivilDate
    public let standing: AutoRenewingAgreement.Standing
    /// The last day of the term in force on ``asOf``, or of the first term before the start;
    /// nil once the agreement has ended.
    public let termLastDay: CivilDate?
    /// The first day of the next term, when the agreement will renew after ``termLastDay``.
    public let nextRenewal: CivilDate?
    /// The last day on which a notice declining ``nextRenewal`` is in time (解約の申出の期限).
    public let renewalNoticeDeadline: CivilDate?
    /// The agreement's last day in force, when notices (or no renewal) fix one.
    public let lastDayInForce: CivilDate?
    /// The day asked for a termination, if one was asked (解約予定日).
    public let terminationDate: CivilDate?
    /// The last day on which notice of a termination on ``terminationDate`` is in time.
    public let terminationNoticeDeadline: CivilDate?
    /// The earliest last day if notice of termination were given on ``asOf`` (while in force).
    public let earliestTerminationOnNoticeToday: CivilDate?
    /// The terms from the start through the one in force on ``asOf`` (or the last), the most
    /// recent ``maxTermsListed`` of them.
    public let terms: [DateWindow]
    /// How many earlier terms are not listed.
    public let earlierTerms: Int
    /// The rule, the inputs, and each step with the interpretation used.
    public let explanation: Explanation

    /// Terms listed at most: a one-day renewal run to 9999 would otherwise list millions.
    public static let maxTermsListed = 100
}

extension AutoRenewingAgreement {
    /// Where the agreement stands on `asOf`, when it renews next and by when notice must be
    /// given; with `terminationOn`, also the last day to give notice of a termination on that
    /// day.
    public func report(asOf: CivilDate, terminationOn: CivilDate? = nil) -> AgreementReport {
        var (standing, explanation) = self.standing(on: asOf)
        explanation.inputs.insert(contentsOf: termFacts, at: 2)
        if let terminationOn { explanation.inputs.append(.init("termination_date", "termination asked for (解約予定日)", terminationOn.iso8601)) }
        var ignored: [String] = []
        let lastDay = lastDayInForce(notes: &ignored)

        // The terms up to the one in force on `asOf` (or up to the end), the last hundred kept.
        var terms: [DateWindow] = []
        var earlierTerms = 0
        var window: DateWindow? = DateWindow(first: start, last: min(firstExpiry, lastDay ?? firstExpiry))
        while let current = window, current.first <= max(asOf, start) {
            // Dropped in halves, so that a long run of short terms costs no more per term.
            if terms.count == 2 * AgreementReport.maxTermsListed {
                terms.removeFirst(AgreementReport.maxTermsListed)
                earlierTerms += AgreementReport.maxTermsListed
            }
            terms.append(current)
            if let lastDay, current.last >= lastDay { break }
            window = term(after: current.last).map { next in DateWindow(first: next.first, last: min(next.last, lastDay ?? next.last)) }
        }

        if terms.count > AgreementReport.maxTermsListed {
            earlierTerms += terms.count - AgreementReport.maxTermsListed
            terms.removeFirst(terms.count - AgreementReport.maxTermsListed)
        }

        var termLastDay: CivilDate? = nil
        switch standing {
        case .notYetInForce: termLastDay = min(firstExpiry, lastDay ?? firstExpiry)
        case .inForce(_, let current): termLastDay = current.last
        case .ended: break
        }
        var nextRenewal: CivilDate? = nil
        var renewalNoticeDeadline: CivilDate? = nil
        if let termLastDay, let next = term(after: termLastDay), lastDay.map({ $0 > termLastDay }) ?? true {
            nextRenewal = next.first
            let deadline = lastNoticeDay(before: termLastDay)
            renewalNoticeDeadline = deadline
            explanation.notes.append(
                "Renews on \(next.first) for \(renewalTerm.map(\.description) ?? "") unless declined by \(deadline) (\(notice) before the expiry \(termLastDay))"
                    + (deadline < asOf ? "; that day has passed, so a notice now stops the renewal after." : "."))
        } else if let termLastDay {
            explanation.notes.append("Does not renew after \(termLastDay).")
        }

        var terminationNoticeDeadline: CivilDate? = nil
        if let terminationOn {
            let deadline = lastNoticeDay(before: terminationOn)
            terminationNoticeDeadline = deadline
            explanation.notes.append(
                "To end the agreement on \(terminationOn), give notice by \(deadline) (\(notice) before)"
                    + (deadline < asOf ? "; that day has passed: a notice given now ends it on the day \(notice) after the notice." : "."))
        }
        var earliestTermination: CivilDate? = nil
        if case .inForce = standing, let earliest = AutoRenewingAgreement.shifted(asOf, by: notice, forward: true) {
            earliestTermination = lastDay.map { min($0, earliest) } ?? earliest
        }
        return AgreementReport(
            asOf: asOf, standing: standing, termLastDay: termLastDay, nextRenewal: nextRenewal, renewalNoticeDeadline: renewalNoticeDeadline,
            lastDayInForce: lastDay, terminationDate: terminationOn, terminationNoticeDeadline: terminationNoticeDeadline,
            earliestTerminationOnNoticeToday: earliestTermination, terms: terms, earlierTerms: earlierTerms, explanation: explanation)
    }

    /// The terms and notices, as the explanation lists them.
    var termFacts: [Explanation.Fact] {
        var facts: [Explanation.Fact] = [
            .init("renewal", "renewal (更新)", renewalTerm.map(\.description) ?? "none (自動更新なし)"),
            .init("notice", "notice (予告期間)", notice.description),
        ]
        if !nonRenewalNotices.isEmpty {
            facts.append(.init("non_renewal", "non-renewal notices (更新しない旨の申出)", nonRenewalNotices.map(\.iso8601).joined(separator: "; ")))
        }
        if !terminationNotices.isEmpty {
            facts.append(
                .init(
                    "termination", "termination notices (解約の通知)",
                    terminationNotices.map { $0.given.iso8601 + ($0.intendedDate.map { " for " + $0.iso8601 } ?? "") }.joined(separator: "; ")))
        }
        return facts
    }
}
