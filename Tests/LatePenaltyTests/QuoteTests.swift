import LatePenalty
import PropertyBased
import Testing

/// Quotes for a day asked (`--as-of`): a row without a payment day is computed as if paid on
/// that day, and the last day the amount holds is the last day before it changes.
@Suite("Quotes for a day asked")
struct QuoteTests {
    static let regimes = ["contract-late-completion", "contract-late-payment", "local-tax-arrears", "national-tax-arrears", "civil-statutory"]

    @Test func aQuoteHoldsThroughItsDayAndNoLonger() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...4), Gen.int(in: 1...100_000_000), Gen.int(in: 20_000...20_300), Gen.int(in: -30...500)) {
            which, amount, due, delay in
            let asOf = CivilDate(dayNumber: due + delay)
            var fields = ["regime": Self.regimes[which], "amount": String(amount), "due": CivilDate(dayNumber: due).iso8601]
            let quote = try RegimeCatalog.bundled.compute(fields, asOf: asOf)
            let holds = try #require(quote.quote?.holdsThrough)
            fields["paid"] = asOf.iso8601
            #expect(try RegimeCatalog.bundled.compute(fields).amount == quote.amount)
            #expect(holds >= asOf)
            fields["paid"] = holds.iso8601
            #expect(try RegimeCatalog.bundled.compute(fields).amount == quote.amount)
            fields["paid"] = holds.nextDay.iso8601
            if holds < asOf.adding(days: RegimeCatalog.quoteSearchDays)!, let next = try? RegimeCatalog.bundled.compute(fields) {
                #expect(next.amount > quote.amount)
            }
        }
    }

    @Test func rowsWithAPaymentDayAreNotQuotes() throws {
        let fields = ["regime": "contract-late-completion", "amount": "1000000", "due": "2026-10-31", "paid": "2026-11-10"]
        #expect(try RegimeCatalog.bundled.compute(fields, asOf: d("2026-11-23")).quote == nil)
        let fixed = ["regime": "contract-termination-penalty", "amount": "1000"]
        #expect(try RegimeCatalog.bundled.compute(fixed, asOf: d("2026-11-23")).quote == nil)
    }

    @Test func bothBatchesWriteTheSameQuotes() throws {
        var text = "id,regime,amount,due,paid\n"
        var random = SplitMix(state: 3)
        for index in 0..<600 {
            let due = 20_000 + random.below(300)
            let paid = random.below(3) == 0 ? CivilDate(dayNumber: due + random.below(200)).iso8601 : ""
            text += "Q\(index),\(random.pick(Self.regimes)),\(1 + random.below(10_000_000)),\(CivilDate(dayNumber: due).iso8601),\(paid)\n"
        }
        for (format, explain) in BytewiseBatchTests.outputs {
            var options = Batch.Options()
            options.asOf = d("2026-11-23")
            options.format = format
            options.explain = explain
            var expected = "", notes: [String] = []
            var reader = try CSVRecordReader(bytes: Array(text.utf8))
            let summary = try Batch.run(&reader, options: options, output: { expected += $0 }, diagnostics: { notes.append($0) })
            let bytewise = try runBytewise(Array(text.utf8), options: options)
            #expect(bytewise.output == expected && bytewise.diagnostics == notes && bytewise.summary == summary)
            #expect(summary.quoted > 300 && summary.quoted < 500)
        }
    }
}
