import LatePenalty
import PropertyBased
import Testing

@Suite("Miyagi agreement 第3条: term, renewal, notice")
struct AgreementTests {
    @Test func firstTermAndRenewals() {
        let agreement = AutoRenewingAgreement.miyagiSeed()
        #expect(agreement.standing(on: d("2023-04-25")).standing == .notYetInForce)
        #expect(agreement.standing(on: d("2023-04-26")).standing == .inForce(term: 1, window: window("2023-04-26", "2024-03-31")))
        #expect(agreement.standing(on: d("2024-03-31")).standing == .inForce(term: 1, window: window("2023-04-26", "2024-03-31")))
        #expect(agreement.standing(on: d("2024-04-01")).standing == .inForce(term: 2, window: window("2024-04-01", "2025-03-31")))
        #expect(agreement.standing(on: d("2026-11-21")).standing == .inForce(term: 4, window: window("2026-04-01", "2027-03-31")))
    }

    @Test func lastDayToDeclineRenewal() {
        let agreement = AutoRenewingAgreement.miyagiSeed()
        #expect(agreement.lastNoticeDay(before: d("2024-03-31")) == d("2024-02-29"))
        #expect(agreement.lastNoticeDay(before: d("2025-03-31")) == d("2025-02-28"))
    }

    @Test func nonRenewalInTimeEndsAtThisExpiry() {
        let agreement = AutoRenewingAgreement.miyagiSeed(nonRenewalNotices: [d("2024-02-29")])
        #expect(agreement.standing(on: d("2024-03-31")).standing == .inForce(term: 1, window: window("2023-04-26", "2024-03-31")))
        #expect(agreement.standing(on: d("2024-04-01")).standing == .ended(lastDay: d("2024-03-31")))
    }

    @Test func lateNonRenewalEndsAtTheNextExpiry() {
        let agreement = AutoRenewingAgreement.miyagiSeed(nonRenewalNotices: [d("2024-03-01")])
        #expect(agreement.standing(on: d("2024-04-01")).standing == .inForce(term: 2, window: window("2024-04-01", "2025-03-31")))
        #expect(agreement.standing(on: d("2025-04-01")).standing == .ended(lastDay: d("2025-03-31")))
    }

    @Test func terminationOnNotice() {
        let undated = AutoRenewingAgreement.miyagiSeed(terminationNotices: [.init(given: d("2024-06-15"))])
        #expect(undated.standing(on: d("2024-07-15")).standing == .inForce(term: 2, window: window("2024-04-01", "2024-07-15")))
        #expect(undated.standing(on: d("2024-07-16")).standing == .ended(lastDay: d("2024-07-15")))
        let dated = AutoRenewingAgreement.miyagiSeed(terminationNotices: [.init(given: d("2024-06-15"), intendedDate: d("2024-09-30"))])
        #expect(dated.standing(on: d("2024-10-01")).standing == .ended(lastDay: d("2024-09-30")))
        let tooSoon = AutoRenewingAgreement.miyagiSeed(terminationNotices: [.init(given: d("2024-06-15"), intendedDate: d("2024-06-30"))])
        #expect(tooSoon.standing(on: d("2024-07-01")).standing == .inForce(term: 2, window: window("2024-04-01", "2024-07-15")))
    }

    /// The seed's own dates, as an office asks: in force on 2025-03-31 after one renewal, and
    /// the last day to decline the renewal at that expiry.
    @Test func seedReportOnTheSecondExpiry() {
        let report = AutoRenewingAgreement.miyagiSeed().report(asOf: d("2025-03-31"), terminationOn: d("2025-09-30"))
        #expect(report.standing == .inForce(term: 2, window: window("2024-04-01", "2025-03-31")))
        #expect(report.termLastDay == d("2025-03-31"))
        #expect(report.nextRenewal == d("2025-04-01"))
        #expect(report.renewalNoticeDeadline == d("2025-02-28"))
        #expect(report.terminationNoticeDeadline == d("2025-08-30"))
        #expect(report.earliestTerminationOnNoticeToday == d("2025-04-30"))
        #expect(report.terms == [window("2023-04-26", "2024-03-31"), window("2024-04-01", "2025-03-31")])
        #expect(report.lastDayInForce == nil)
    }

    @Test func reportAfterALateNonRenewalAndATermination() {
        // Declined on 2024-03-01, a day late for 2024-03-31: the renewal after 2025-03-31 stops.
        let late = AutoRenewingAgreement.miyagiSeed(nonRenewalNotices: [d("2024-03-01")]).report(asOf: d("2024-12-01"))
        #expect(late.nextRenewal == nil && late.lastDayInForce == d("2025-03-31") && late.termLastDay == d("2025-03-31"))
        #expect(late.renewalNoticeDeadline == nil)
        // A termination notice without a date ends it one month after the notice.
        let ended = AutoRenewingAgreement.miyagiSeed(terminationNotices: [.init(given: d("2024-06-15"))]).report(asOf: d("2024-08-01"))
        #expect(ended.standing == .ended(lastDay: d("2024-07-15")) && ended.termLastDay == nil && ended.nextRenewal == nil)
        #expect(ended.terms.last == window("2024-04-01", "2024-07-15"))
    }

    @Test func otherTermsAndMonthEnds() throws {
        // An expiry on 31 May with a month's notice: 30 April; six-month renewals from 1 June.
        let may = try AutoRenewingAgreement.validated(start: d("2024-06-01"), firstExpiry: d("2025-05-31"), renewalTerm: .months(6), notice: .months(1))
        let report = may.report(asOf: d("2025-05-01"))
        #expect(report.renewalNoticeDeadline == d("2025-04-30"))
        #expect(may.report(asOf: d("2025-06-01")).standing == .inForce(term: 2, window: window("2025-06-01", "2025-11-30")))
        // A leap February: an expiry on 2024-03-31 by a month is 2024-02-29; by 30 days, 2024-03-01.
        #expect(AutoRenewingAgreement.miyagiSeed().lastNoticeDay(before: d("2024-03-31")) == d("2024-02-29"))
        let days = try AutoRenewingAgreement.validated(start: d("2023-04-26"), firstExpiry: d("2024-03-31"), renewalTerm: .years(1), notice: .days(30))
        #expect(days.lastNoticeDay(before: d("2024-03-31")) == d("2024-03-01"))
        // No automatic renewal: it ends at the first expiry, and nothing renews.
        let once = try AutoRenewingAgreement.validated(start: d("2023-04-26"), firstExpiry: d("2024-03-31"), renewalTerm: nil, notice: .months(1))
        #expect(once.report(asOf: d("2024-04-01")).standing == .ended(lastDay: d("2024-03-31")))
        #expect(once.report(asOf: d("2024-01-01")).nextRenewal == nil)
    }

    @Test func termsFromInputAreBounded() {
        #expect(throws: InputError.self) {
            try AutoRenewingAgreement.validated(start: d("2024-01-02"), firstExpiry: d("2024-01-01"), renewalTerm: .years(1), notice: .months(1))
        }
        for period in [CivilPeriod.days(0), .months(-1), .years(101), .weeks(100_000)] {
            #expect(throws: InputError.self) {
                try AutoRenewingAgreement.validated(start: d("2024-01-01"), firstExpiry: d("2024-12-31"), renewalTerm: period, notice: .months(1))
            }
        }
        // A one-day renewal run to the last day a date may have: bounded, the list kept short.
        let daily = AutoRenewingAgreement(start: d("9990-01-01"), firstExpiry: d("9990-01-01"), renewalTerm: .days(1))
        let report = daily.report(asOf: d("9999-12-31"))
        #expect(report.terms.count == AgreementReport.maxTermsListed && report.earlierTerms > 3_000)
        #expect(report.nextRenewal == nil)
    }

    @Test func periodsAsClerksWriteThem() throws {
        #expect(try CivilPeriod.parse("1y", field: "renewal") == .years(1))
        #expect(try CivilPeriod.parse(" 12 months ", field: "renewal") == .months(12))
        #expect(try CivilPeriod.parse("１２か月", field: "renewal") == .months(12))
        #expect(try CivilPeriod.parse("30日", field: "notice") == .days(30))
        #expect(try CivilPeriod.parse("2週間", field: "notice") == .weeks(2))
        for bad in ["", "y", "1", "十二か月", "1.5y", "-1m", "9999999m", "1 fortnight"] {
            #expect(throws: InputError.self) { try CivilPeriod.parse(bad, field: "notice") }
        }
    }

    /// A period of `count` (scaled down for longer units) days, weeks, months or years.
    static func period(unit: Int, count: Int) -> CivilPeriod {
        switch unit {
        case 0: return .days(count * 7)
        case 1: return .weeks(count)
        case 2: return .months(count)
        default: return .years(1 + count % 3)
        }
    }

    /// A notice deadline is before the expiry it concerns; a renewal never shortens the
    /// agreement; adding a notice never extends it.
    @Test func noticesRenewalsAndDeadlinesInOrder() async {
        let dates = zip(Gen.int(in: 19_000...21_000), Gen.int(in: 0...800), Gen.int(in: 0...2000))
        let terms = zip(Gen.int(in: 0...3), Gen.int(in: 1...60), Gen.int(in: 0...3), Gen.int(in: 1...60))
        await propertyCheck(count: 300, input: dates, terms) { dates, terms in
            let (start, length, asked) = dates
            let renewal = Self.period(unit: terms.0, count: terms.1), notice = Self.period(unit: terms.2, count: terms.3)
            let agreement = AutoRenewingAgreement(
                start: CivilDate(dayNumber: start), firstExpiry: CivilDate(dayNumber: start + length), renewalTerm: renewal, notice: notice)
            let asOf = CivilDate(dayNumber: start - 10 + asked)
            let report = agreement.report(asOf: asOf, terminationOn: CivilDate(dayNumber: start + asked))
            if let deadline = report.renewalNoticeDeadline, let expiry = report.termLastDay { #expect(deadline < expiry) }
            if let deadline = report.terminationNoticeDeadline, let end = report.terminationDate { #expect(deadline < end) }
            // Renewing never ends it sooner than not renewing.
            let once = AutoRenewingAgreement(start: agreement.start, firstExpiry: agreement.firstExpiry, renewalTerm: nil, notice: notice)
            if case .ended = agreement.report(asOf: asOf).standing { #expect(once.report(asOf: asOf).standing != .notYetInForce) }
            #expect(once.report(asOf: agreement.firstExpiry.nextDay).standing == .ended(lastDay: agreement.firstExpiry))
            // A notice (to decline renewal, or to end it) never moves the last day later.
            var declined = agreement
            declined.nonRenewalNotices = [max(asOf, agreement.start)]
            var ended = agreement
            ended.terminationNotices = [.init(given: max(asOf, agreement.start))]
            for withNotice in [declined, ended] {
                let last = withNotice.report(asOf: asOf).lastDayInForce
                #expect(last != nil)
                if let last, let before = agreement.report(asOf: asOf).lastDayInForce { #expect(last <= before) }
                // In force on a day with the notice implies in force without it.
                for probe in [asOf, last ?? asOf] {
                    if case .inForce = withNotice.standing(on: probe).standing {
                        if case .inForce = agreement.standing(on: probe).standing {} else { Issue.record("a notice extended the agreement to \(probe)") }
                    }
                }
            }
        }
    }
}
