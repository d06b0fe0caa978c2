import LatePenalty
import PropertyBased
import Testing

/// Decreases of the principal from a day on (減額更正 and the like): on the integer plan as on
/// the exact reference (``AccrualPlanTests`` draws them too), and what they must equal.
@Suite("Decreases of the principal")
struct PrincipalDecreaseTests {
    static let rule = RuleReference(clause: "", title: "t", document: "")

    /// The regimes that read `decreases`, with the terms they compute by.
    static let regimes: [(String, AccrualTerms)] = RegimeCatalog.bundled.names.compactMap { name in
        (RegimeCatalog.bundled.regime(named: name) as? DataRegime).map { (name, $0.terms) }
    }

    static func compute(_ delay: DelayCase, _ terms: AccrualTerms) -> ChargeResult? {
        try? Accrual.compute(delay, terms: terms, rule: rule, inputs: [])
    }

    /// A random case inside every table (2014–2025), with up to two payments.
    static func randomCase(_ seed: Int) -> DelayCase {
        var stream = SplitMix(state: UInt64(bitPattern: Int64(seed)))
        let due = CivilDate(dayNumber: stream.int(d("2014-04-01").dayNumber...d("2024-12-31").dayNumber))
        let end = CivilDate(dayNumber: min(due.dayNumber + stream.int(1...700), d("2025-12-31").dayNumber))
        var payments: [Payment] = []
        for _ in 0..<stream.int(0...2) {
            payments.append(Payment(date: CivilDate(dayNumber: stream.int(due.dayNumber...end.dayNumber)), amount: Yen(stream.int(1...900_000))))
        }
        return DelayCase(principal: Yen(stream.int(1...90_000_000)), due: due, end: end, payments: payments)
    }

    @Test func parsesLikePayments() throws {
        let decreases = try PrincipalDecrease.parseList(" 2024-06-01 : 400,000 ;R6.7.1:１０００;")
        #expect(decreases == [PrincipalDecrease(date: d("2024-06-01"), amount: Yen(400_000)), PrincipalDecrease(date: d("2024-07-01"), amount: Yen(1000))])
        #expect(try PrincipalDecrease.parseList("").isEmpty)
        #expect(throws: InputError.self) { try PrincipalDecrease.parseList("2024-06-01") }
        #expect(throws: InputError.self) { try PrincipalDecrease.parseList("2024-06-01:-5") }
        do {
            _ = try PrincipalDecrease.parseList("2024-06-01:0")
            Issue.record("a decrease of ¥0 was accepted")
        } catch {
            #expect(error.field == "decreases" && error.reason.contains("the decrease from 2024-06-01 is ¥0"))
        }
    }

    /// A decrease taking effect on or before the first day of delay is the lower amount, in
    /// every regime: a 減額更正 of a tax that never was owed.
    @Test(arguments: regimes.indices)
    func fromTheStartItIsTheLowerAmount(_ index: Int) async {
        let (name, terms) = Self.regimes[index]
        await propertyCheck(count: 100, input: Gen.int(in: Int.min...Int.max)) { seed in
            var stream = SplitMix(state: UInt64(bitPattern: Int64(seed)))
            let delay = Self.randomCase(seed)
            let cut = Yen(stream.int(0...Int(exactly: delay.principal.value)!))
            var decreased = delay
            decreased.decreases = cut == .zero ? [] : [PrincipalDecrease(date: delay.due.advanced(by: stream.int(-400...1)), amount: cut)]
            var lower = delay
            lower.principal = delay.principal - cut
            let a = Self.compute(decreased, terms), b = Self.compute(lower, terms)
            #expect(a?.amount == b?.amount && a?.status == b?.status && a?.exactAmount == b?.exactAmount, "\(name) seed \(seed)")
        }
    }

    /// Where payments go to the principal first, a decrease from a day lowers the charge as a
    /// payment of the same amount on the day before does.
    @Test(arguments: regimes.indices.filter { regimes[$0].1.paymentAllocation == .principalFirst })
    func principalFirstItIsAPaymentTheDayBefore(_ index: Int) async {
        let (name, terms) = Self.regimes[index]
        await propertyCheck(count: 100, input: Gen.int(in: Int.min...Int.max)) { seed in
            var stream = SplitMix(state: UInt64(bitPattern: Int64(seed)))
            let delay = Self.randomCase(seed)
            let day = delay.due.advanced(by: stream.int(1...(delay.end.dayNumber - delay.due.dayNumber)))
            let amount = Yen(stream.int(1...50_000_000))
            var decreased = delay, paid = delay
            decreased.decreases = [PrincipalDecrease(date: day, amount: amount)]
            paid.payments.append(Payment(date: day.previousDay, amount: amount))
            let a = Self.compute(decreased, terms), b = Self.compute(paid, terms)
            #expect(a?.amount == b?.amount && a?.status == b?.status && a?.exactAmount == b?.exactAmount, "\(name) seed \(seed)")
        }
    }

    /// Two decreases on one day are one of their sum: nothing in the charge or its segments changes.
    @Test(arguments: regimes.indices)
    func splittingOneOnOneDayChangesNothing(_ index: Int) async {
        let (name, terms) = Self.regimes[index]
        await propertyCheck(count: 100, input: Gen.int(in: Int.min...Int.max)) { seed in
            var stream = SplitMix(state: UInt64(bitPattern: Int64(seed)))
            let delay = Self.randomCase(seed)
            let day = delay.due.advanced(by: stream.int(-5...(delay.end.dayNumber - delay.due.dayNumber)))
            let first = stream.int(1...10_000_000), second = stream.int(1...10_000_000)
            var whole = delay, split = delay
            whole.decreases = [PrincipalDecrease(date: day, amount: Yen(first + second))]
            split.decreases = [PrincipalDecrease(date: day, amount: Yen(first)), PrincipalDecrease(date: day, amount: Yen(second))]
            let a = Self.compute(whole, terms), b = Self.compute(split, terms)
            #expect(a?.amount == b?.amount && a?.status == b?.status, "\(name) seed \(seed)")
            #expect(a?.explanation.segments == b?.explanation.segments && a?.explanation.notes == b?.explanation.notes, "\(name) seed \(seed)")
        }
    }

    /// A decrease never raises the charge.
    @Test(arguments: regimes.indices)
    func neverRaisesTheCharge(_ index: Int) async {
        let (name, terms) = Self.regimes[index]
        await propertyCheck(count: 100, input: Gen.int(in: Int.min...Int.max)) { seed in
            var stream = SplitMix(state: UInt64(bitPattern: Int64(seed)))
            let delay = Self.randomCase(seed)
            var decreased = delay
            decreased.decreases = [
                PrincipalDecrease(
                    date: delay.due.advanced(by: stream.int(-5...(delay.end.dayNumber - delay.due.dayNumber))), amount: Yen(stream.int(1...90_000_000)))
            ]
            guard let before = Self.compute(delay, terms), let after = Self.compute(decreased, terms) else { return }
            #expect(after.amount <= before.amount, "\(name) seed \(seed)")
        }
    }

    /// On the day of a partial payment, a decrease lowers the principal from that day; the
    /// payment from the next. Both notes say so, in the order they take effect.
    @Test func onTheDayOfAPartialPayment() throws {
        let result = try RegimeCatalog.bundled.compute([
            "regime": "national-tax-arrears", "amount": "1000000", "due": "2024-03-15", "paid": "2024-09-30",
            "payments": "2024-06-01:100000", "decreases": "2024-06-01:400000",
        ])
        let bases = result.explanation.bases.map { "\($0.from) \($0.balance)" }
        #expect(bases == ["2024-03-16 ¥1,000,000", "2024-06-01 ¥600,000", "2024-06-02 ¥500,000"])
        #expect(result.explanation.notes.count == 3)
        #expect(result.explanation.notes[1].hasPrefix("Decrease of ¥400,000 from 2024-06-01 (減額): principal ¥1,000,000 → ¥600,000 from that day"))
        #expect(result.explanation.notes[2].hasPrefix("Payment on 2024-06-01: principal ¥600,000 → ¥500,000 from 2024-06-02"))
        #expect(result.explanation.inputs.contains { $0.key == "decreases" && $0.value == "2024-06-01: ¥400,000" })
    }

    @Test func largerThanThePrincipalLeavesNothingToCharge() throws {
        let result = try RegimeCatalog.bundled.compute([
            "regime": "local-tax-arrears", "amount": "500000", "due": "2024-03-15", "paid": "2024-09-30", "decreases": "2024-03-10:600000",
        ])
        #expect(result.amount == .zero)
        #expect(result.explanation.notes.contains { $0.contains("it is ¥100,000 more than the principal, which it leaves at ¥0") })
    }

    @Test func refusedWhereTheyCannotApply() {
        func reason(_ fields: [String: String]) -> String? {
            do {
                _ = try RegimeCatalog.bundled.compute(fields)
                return nil
            } catch {
                return "\(error)"
            }
        }
        let row = ["regime": "national-tax-arrears", "amount": "1000000", "due": "2024-03-15", "paid": "2024-09-30"]
        #expect(
            reason(row.merging(["decreases": "2024-10-01:1"]) { $1 })?.contains("decreases: the decrease from 2024-10-01 is after the final payment day")
                == true)
        #expect(reason(row.merging(["decreases": "x"]) { $1 })?.hasPrefix("decreases:") == true)
        #expect(
            reason(row.merging(["regime": "contract-late-payment", "decreases": "2024-05-01:1"]) { $1 })?.contains("is not used by contract-late-payment")
                == true)
        // Bounded work: as many balance periods as payments allow.
        let many = (0..<3000).map { _ in "2024-05-01:\(String(repeating: "9", count: 700))" }.joined(separator: ";")
        #expect(reason(row.merging(["decreases": many]) { $1 })?.hasPrefix("decreases:") == true)
    }
}

/// What a clerk sees when a decrease is typed wrong: the row, the field and what to change.
@Suite("Decreases typed wrong")
struct PrincipalDecreaseInputTests {
    static func reason(_ fields: [String: String]) -> String? {
        do {
            _ = try RegimeCatalog.bundled.compute(fields)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static let row = ["regime": "national-tax-arrears", "amount": "1000000", "due": "2024-03-15", "paid": "2024-09-30"]

    @Test func twoItemsJoinedByACommaAreNamedAsSuch() {
        let reason = Self.reason(Self.row.merging(["decreases": "2024-05-01:50000,2024-06-01:1"]) { $1 })
        #expect(reason?.contains("holds more than one DATE:AMOUNT; separate the items with ';'") == true)
        let payments = Self.reason(Self.row.merging(["payments": "2024-05-01:50000,2024-06-01:1"]) { $1 })
        #expect(payments?.hasPrefix("payments:") == true && payments?.contains("separate the items with ';'") == true)
    }

    @Test func invisibleCharactersAreShownByTheirCodePoints() {
        #expect(Self.reason(Self.row.merging(["decreases": "2024-05-01:50000\u{A0}"]) { $1 })?.contains("<U+00A0>") == true)
        #expect(Self.reason(Self.row.merging(["amount": "50000\u{200B}"]) { $1 })?.contains("'50000<U+200B>' contains '<U+200B>'") == true)
    }

    /// The bound counts the digits the amounts have, and the error says what the row gave.
    @Test func theWorkBoundCountsRealDigits() {
        let long = "1" + String(repeating: "0", count: 1_500_000)
        let reason = Self.reason(Self.row.merging(["amount": long, "decreases": "2024-05-01:\(long)"]) { $1 })
        #expect(reason?.hasPrefix("decreases: 1 decrease of up to 1500001 digits ask for more work than one case may: 2 balance periods") == true)
    }

    /// A column no regime reads is ignored: the note names the field a misspelt one meant.
    @Test func aMisspeltColumnIsNamedWithTheOneMeant() throws {
        let csv = "id,regime,amount,due,paid,Decreases,memo\nA,national-tax-arrears,1000000,2024-03-15,2024-09-30,2024-06-01:400000,x\n"
        var notes: [String] = []
        _ = try Batch.run(csv: Array(csv.utf8), output: { _ in }, diagnostics: { notes.append($0) })
        #expect(notes.contains { $0.contains("'Decreases' (did you mean 'decreases'?)") && $0.contains("'memo',") || $0.contains("'memo' are") })
        notes = []
        _ = try Batch.runCSV(bytes: Array(csv.utf8), output: { _ in }, diagnostics: { notes.append($0) })
        #expect(notes.contains { $0.contains("'Decreases' (did you mean 'decreases'?)") })
    }
}
