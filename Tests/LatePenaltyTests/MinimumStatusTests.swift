import LatePenalty
import PropertyBased
import Testing

/// A charge that a minimum rule, on the base or on the result, brings from a positive value to
/// ¥0 is `waived`, on every way out (status, explanation, batch counts); a charge that a
/// rounding alone takes away, or a case with no day counted, is `ok` at ¥0.
@Suite("Waived by a minimum rule")
struct MinimumStatusTests {
    static let taxes = [("local-tax-arrears", 2000), ("national-tax-arrears", 10000), ("local-tax-refund-interest", 2000)]

    static func compute(_ fields: [String: String]) throws -> ChargeResult { try RegimeCatalog.bundled.compute(fields) }

    @Test func aBaseUnderTheMinimumIsWaivedAndSaysWhy() throws {
        let result = try Self.compute(["regime": "local-tax-arrears", "amount": "1500", "due": "2026-01-05", "paid": "2026-05-29"])
        #expect(result.status == .waived)
        #expect(result.amount == .zero)
        let minimum = try #require(result.explanation.minimum)
        #expect(minimum.baseMinimum == Yen(2000))
        #expect(minimum.waived && !minimum.waivedByResult)
        #expect(minimum.description.contains("under the base minimum ¥2,000"))
        #expect(!result.explanation.text.contains("is not under"))
        #expect(result.explanation.json.contains(#""waived_by":"base minimum""#))
    }

    @Test func noDayCountedIsOk() throws {
        let result = try Self.compute(["regime": "local-tax-arrears", "amount": "1500", "due": "2026-01-05", "paid": "2026-01-05"])
        #expect(result.status == .ok)
        #expect(result.explanation.minimum?.description == "nothing to charge: ¥0")
    }

    /// Rounding, not a minimum, took the charge away: ok at ¥0, and not called charged.
    @Test func roundedAwayIsOk() throws {
        let result = try Self.compute(["regime": "local-tax-arrears", "amount": "2000", "due": "2026-01-05", "paid": "2026-01-10"])
        #expect(result.status == .ok)
        #expect(result.amount == .zero)
        #expect(result.explanation.minimum?.baseMinimum == nil)
        #expect(result.explanation.minimum?.description == "nothing to charge: ¥0")
    }

    /// Every tax under its base minimum, a day or more late, is waived at ¥0; paid on time, ok.
    @Test func everyBaseUnderTheMinimumIsWaived() async {
        let gen = zip(Gen.int(in: 0...2), Gen.int(in: 1...9999), Gen.int(in: d("2001-01-01").dayNumber...d("2026-06-30").dayNumber), Gen.int(in: 0...2000))
        await propertyCheck(count: 300, input: gen) { which, raw, dueNumber, length in
            let (regime, minimum) = Self.taxes[which]
            let amount = raw % (minimum - 1) + 1  // 1 ..< minimum
            let paid = min(dueNumber + length, d("2026-12-31").dayNumber)
            let result = try! Self.compute([
                "regime": regime, "amount": String(amount), "due": CivilDate(dayNumber: dueNumber).iso8601,
                "paid": CivilDate(dayNumber: paid).iso8601,
            ])
            #expect(result.amount == .zero)
            #expect(result.status == (result.countedDays > 0 ? .waived : .ok), "\(regime) \(amount)")
        }
    }

    /// No explanation calls a ¥0 result charged.
    @Test func noZeroIsCalledCharged() async {
        let gen = zip(Gen.int(in: 0...2), Gen.int(in: 1...200_000), Gen.int(in: d("2001-01-01").dayNumber...d("2026-06-30").dayNumber), Gen.int(in: 0...60))
        await propertyCheck(count: 300, input: gen) { which, amount, dueNumber, length in
            let result = try! Self.compute([
                "regime": Self.taxes[which].0, "amount": String(amount), "due": CivilDate(dayNumber: dueNumber).iso8601,
                "paid": CivilDate(dayNumber: dueNumber + length).iso8601,
            ])
            if result.amount == .zero { #expect(!(result.explanation.minimum?.description.hasSuffix(": charged") ?? false)) }
            #expect(result.status == .waived ? result.explanation.minimum?.waived == true : true)
        }
    }

    /// The batch's counts and rows say waived for a base under the minimum, on both engines.
    @Test func batchCountsTheBaseMinimumAsWaived() throws {
        let csv = """
            id,regime,amount,due,paid
            a,local-tax-arrears,1500,2026-01-05,2026-05-29
            b,national-tax-arrears,9999,2026-01-05,2026-05-29
            c,local-tax-arrears,1500,2026-01-05,2026-01-05
            d,local-tax-arrears,"1,500",2026-01-05,2026-05-29

            """
        let r = try runBatch(Array(csv.utf8))
        #expect(r.summary.waived == 3)
        #expect(r.rows.dropFirst().map { $0.split(separator: ",")[2] } == ["waived", "waived", "ok", "waived"])
    }

    /// Quotes are counted as quoted only: the counts match the rows' statuses.
    @Test func quotesUnderTheMinimumAreCountedAsQuotes() throws {
        let csv = "id,regime,amount,due\na,local-tax-arrears,1500,2026-01-05\nb,local-tax-arrears,500000,2026-01-05\n"
        var options = Batch.Options()
        options.asOf = d("2026-05-29")
        let both = try runBytewise(Array(csv.utf8), options: options)
        #expect(both.summary.quoted == 2 && both.summary.waived == 0 && both.summary.computed == 2)
        var reader = try CSVRecordReader(bytes: Array(csv.utf8))
        let record = try Batch.run(&reader, options: options, output: { _ in }, diagnostics: { _ in })
        #expect(record == both.summary)
    }
}
