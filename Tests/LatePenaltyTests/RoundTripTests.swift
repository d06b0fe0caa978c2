import LatePenalty
import Testing

/// 100,000 generated rows through CSV and through JSON Lines give identical results.
@Suite("CSV and JSON Lines round trip")
struct RoundTripTests {
    /// Deterministic rows over every regime, with era dates, grouped amounts, exclusions,
    /// payments, and some bad rows.
    static func rows(_ count: Int) -> [[(String, String)]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let regimes = [
            "contract-late-completion", "contract-late-payment", "contract-damages-interest", "contract-termination-penalty",
            "contract-antitrust-damages", "local-tax-arrears", "national-tax-arrears", "payment-delay-act", "civil-statutory",
        ]
        return (0..<count).map { index in
            let regime = regimes[next(regimes.count)]
            let due = CivilDate(dayNumber: CivilDate(year: 2021, month: 4, day: 1)!.dayNumber + next(1800))
            let paid = due.advanced(by: next(900) - 30)
            var amount = String(1 + next(2_000_000_000))
            if next(4) == 0 { amount = Yen(BigInteger(amount)!).grouped }
            var row: [(String, String)] = [("id", "R\(index)"), ("regime", regime), ("amount", amount)]
            if !regime.hasSuffix("penalty") && !regime.hasSuffix("damages") {
                row.append(("due", next(3) == 0 ? JapaneseEra.format(due)! : due.iso8601))
                row.append(("paid", paid.iso8601))
                if regime == "contract-late-completion" && next(3) == 0 {
                    row.append(("excluded", "\(paid.advanced(by: -5))..\(paid.advanced(by: -3))"))
                }
                if regime == "local-tax-arrears" && next(5) == 0 && paid > due.advanced(by: 10) {
                    row.append(("payments", "\(due.advanced(by: 5)):1000"))
                }
            }
            if next(97) == 0 { row[2] = ("amount", "-\(amount)") }  // a bad row now and then
            return row
        }
    }

    static func csv(_ rows: [[(String, String)]]) -> String {
        let columns = ["id", "regime", "amount", "due", "paid", "excluded", "payments"]
        var text = columns.joined(separator: ",") + "\r\n"
        for row in rows {
            let values = Dictionary(uniqueKeysWithValues: row)
            text +=
                columns.map { column in
                    let value = values[column] ?? ""
                    return value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
                }.joined(separator: ",") + "\r\n"
        }
        return text
    }

    static func jsonLines(_ rows: [[(String, String)]]) -> String {
        rows.map { row in
            "{" + row.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ", ") + "}"
        }.joined(separator: "\n") + "\n"
    }

    @Test func hundredThousandRowsAgree() throws {
        let rows = Self.rows(100_000)
        let fromCSV = try runBatch(Self.csv(rows), jobs: 2)
        let fromJSONL = try runBatch(Self.jsonLines(rows), jsonl: true, jobs: 2)
        #expect(fromCSV.rows.count == 100_001)
        #expect(fromCSV.summary.read == 100_000)
        #expect(fromCSV.summary.rejected > 0 && fromCSV.summary.computed > 90_000)
        #expect(fromCSV.summary == fromJSONL.summary)
        // Identical results, row for row; only the line numbers in diagnostics differ (a CSV row
        // is one line further down, after the header).
        #expect(fromCSV.rows == fromJSONL.rows)
        #expect(fromCSV.diagnostics.map { $0.drop { $0 != ":" } } == fromJSONL.diagnostics.map { $0.drop { $0 != ":" } })
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
