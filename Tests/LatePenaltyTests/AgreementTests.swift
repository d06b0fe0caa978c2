import LatePenalty
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
}
