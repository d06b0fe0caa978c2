import Foundation
import LatePenalty
import Testing

/// Input written by a hostile or careless user, one test per class of defect: each must give
/// one output row per input row in order (or a named refusal of the whole file), never a trap,
/// a hang, a lost or invented row, or a silently wrong amount. CSV cases run through both
/// engines (``runBatch(_:jsonl:format:explain:jobs:encoding:blockSize:)`` compares them), with
/// one and two jobs and with explanations, and through a file descriptor with a small row limit.
@Suite("Hostile input")
struct HostileInputTests {
    static let header = "id,regime,amount,due,paid\n"
    static func row(_ id: String, amount: String = "1000000") -> String {
        "\(id),contract-late-completion,\(amount),2022-03-25,2022-04-30\n"
    }

    /// Runs `text` through every CSV path; checks they agree and returns the rows (header
    /// dropped) of the plain run.
    func everyPath(_ text: String, rowLimit: Int = 1 << 10) throws -> (rows: [String], diagnostics: [String]) {
        let plain = try runBatch(text)
        for jobs in [1, 2] {
            let other = try runBatch(text, jobs: jobs, blockSize: 1)
            #expect(other.rows == plain.rows)
        }
        let explained = try runBatch(text, explain: true)
        #expect(explained.rows.count == plain.rows.count)
        let jsonLines = try runBatch(text, format: .jsonl, explain: true)
        #expect(jsonLines.rows.count == plain.rows.count - 1)
        // Streaming from a file with a row limit far below the text's rows: the same rows.
        let streamed = try streamFromFile(Array(text.utf8), rowLimit: max(rowLimit, 64))
        #expect(streamed.count == plain.rows.count - 1 || text.utf8.count > rowLimit)
        return (Array(plain.rows.dropFirst()), plain.diagnostics)
    }

    /// The output rows (without the header) of reading `bytes` from a file descriptor.
    func streamFromFile(_ bytes: [UInt8], rowLimit: Int, pipe: Bool = false) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var reader = try CSVRecordReader(descriptor: descriptor, encoding: .utf8, maxRecordBytes: rowLimit)
        var output = ""
        _ = try Batch.run(&reader, output: { output += $0 }, diagnostics: { _ in })
        return Array(output.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast().map(String.init))
    }

    // MARK: Crashes

    @Test func rowsLongerThanTheLimitAreSkippedWhole() throws {
        let limit = 4096
        let long = String(repeating: "x", count: 3 * limit)
        let cases: [(String, Int)] = [
            (Self.header + Self.row("A") + "B,\(long)\n" + Self.row("C"), 3),  // unquoted
            (Self.header + Self.row("A") + "B,\"\(long)\",1,2,3\n" + Self.row("C"), 3),  // quoted, one line
            (Self.header + "B,\(long)", 1),  // no line break at all
            // Quoted over many lines, in a memo column (where a spreadsheet may put line breaks).
            (
                "id,regime,amount,due,paid,memo\n" + "B,contract-late-completion,1000,2022-03-25,2022-04-30,\"" + String(repeating: "q\n", count: 3 * limit)
                    + "\"\n"
                    + "C,contract-late-completion,1000,2022-03-25,2022-04-30,\n", 2
            ),
        ]
        for (text, rows) in cases {
            let streamed = try streamFromFile(Array(text.utf8), rowLimit: limit)
            #expect(streamed.count == rows)
            #expect(streamed.contains { $0.contains("longer than") })
            // The error row keeps the id, so that it can be matched to its input.
            #expect(streamed.contains { $0.hasPrefix("B,") && $0.contains("longer than") })
            if rows > 1 { #expect(streamed.last?.hasPrefix("C,") == true) }
        }
    }

    @Test func rowsOfTooManyFieldsAreErrorsAndHeadersRefused() throws {
        let commas = String(repeating: ",", count: CSVRecordReader.maxFields + 10)
        let (rows, _) = try everyPath(
            Self.header + Self.row("A") + "B,contract-late-completion,1000,2022-03-25,2022-04-30\(commas)\n" + Self.row("C"), rowLimit: 1 << 20)
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("B,contract-late-completion,") && rows[1].contains("has \(CSVRecordReader.maxFields + 15) fields but the header has 5"))
        #expect(rows[2].hasPrefix("C,"))
        #expect(throws: Batch.FileError.self) { try runBatch("id,regime,amount,due,paid\(commas)\n" + Self.row("A")) }
    }

    /// An error quotes a long value in one pass: a megabyte amount with a stray letter is
    /// refused with its excerpt and length (quoting it character by character against its whole
    /// length once took minutes).
    @Test func aLongBadValueIsQuotedByItsExcerpt() {
        let amount = String(repeating: "1", count: 1_000_000) + "x"
        do {
            _ = try Yen.parse(amount)
            Issue.record("a bad amount was read")
        } catch {
            #expect(
                error.reason == "'\(String(repeating: "1", count: 32))…' (1000001 characters) contains 'x'; write the amount as digits only, e.g. 1,200,000")
        }
        #expect(InputError.quoted("a\u{A0}b") == "'a<U+00A0>b'")
    }

    @Test func workBeyondTheBoundIsRefusedWithTheFieldToShorten() throws {
        // 150,000 payments of ¥1 every day on a 19-digit amount: 150,001 periods × 19 digits.
        let first = try #require(CivilDate(iso8601: "1700-01-02"))
        let payments = (0..<150_000).map { "\(first.advanced(by: $0)):1" }.joined(separator: ";")
        var fields = ["regime": "contract-damages-interest", "amount": "1000000000000000000", "due": "1700-01-01", "paid": "2200-01-01", "payments": payments]
        #expect(throws: InputError.self) { try RegimeCatalog.bundled.compute(fields) }
        do {
            _ = try RegimeCatalog.bundled.compute(fields)
        } catch {
            #expect(error.field == "payments" && error.reason.contains("more work than one case may"))
        }
        // An amount of 2,000,001 digits in one period: refused, naming the amount.
        fields = ["regime": "contract-late-completion", "amount": "1" + String(repeating: "0", count: 2_000_000), "due": "2025-04-01", "paid": "2025-05-01"]
        do {
            _ = try RegimeCatalog.bundled.compute(fields)
            Issue.record("a 2,000,001-digit amount was computed")
        } catch {
            #expect(error.field == "amount")
        }
        // Just under the bound: 1,000 payments on a 1,990-digit amount is computed.
        let thousand = (0..<1_000).map { "\(first.advanced(by: $0 * 7)):1" }.joined(separator: ";")
        fields = [
            "regime": "contract-damages-interest", "amount": "9" + String(repeating: "0", count: 1_989), "due": "1700-01-01", "paid": "1720-01-01",
            "payments": thousand,
        ]
        #expect(try RegimeCatalog.bundled.compute(fields).countedDays > 0)
    }

    @Test func manyExcludedRangesAndManyPaymentsStayLinear() throws {
        // 20,000 excluded days and 20,000 payments in one row: each balance period finds its
        // excluded days by binary search, so the row is computed at once (it was quadratic).
        let first = try #require(CivilDate(iso8601: "1900-01-02"))
        let excluded = (0..<20_000).map { "\(first.advanced(by: $0 * 3))" }.joined(separator: ";")
        let payments = (0..<20_000).map { "\(first.advanced(by: $0 * 3 + 1)):1" }.joined(separator: ";")
        let fields = [
            "regime": "contract-late-payment", "amount": "100000000", "due": "1900-01-01", "paid": "2100-01-01", "excluded": excluded, "payments": payments,
        ]
        let result = try RegimeCatalog.bundled.compute(fields)
        #expect(result.excludedDays == 20_000)
    }

    @Test func ratesOfThousandsOfDigitsAreRefused() throws {
        let long = "7." + String(repeating: "3", count: 5_000)
        #expect(throws: InputError.self) { try Rate.parse(percent: long) }
        #expect((try? Rate.parse(percent: "7." + String(repeating: "3", count: Rate.maxCharacters - 2))) != nil)
        let (rows, _) = try everyPath("id,regime,amount,due,paid,rate\nA,custom,1000000,0001-01-01,9998-12-31,\(long)\n", rowLimit: 1 << 16)
        #expect(rows.count == 1 && rows[0].contains("at most \(Rate.maxCharacters) characters"))
    }

    @Test func anOpenQuoteOverTheLimitResumesOnTheNextLine() throws {
        let limit = 1024
        let rows = (0..<200).map { Self.row("R\($0)") }.joined()
        let text = Self.header + "A,contract-late-completion,\"1000,2022-03-25,2022-04-30\n" + rows
        let streamed = try streamFromFile(Array(text.utf8), rowLimit: limit)
        #expect(streamed.count == 201)
        #expect(streamed[0].contains("not closed") && streamed[0].hasPrefix("A,contract-late-completion,"))
        #expect(streamed[200].hasPrefix("R199,"))
    }

    @Test func monthArithmeticPastTheLastYearIsRefusedOrBounded() throws {
        let catalog = RegimeCatalog.bundled
        for months in ["1200", "1201", "999999999999", "9223372036854775807", "-1", "0"] {
            let fields = [
                "regime": "custom", "amount": "1000", "due": "2020-01-01", "paid": "2021-01-01", "rate": "5", "high_rate": "10", "low_months": months,
            ]
            if months == "1200" {
                #expect((try? catalog.compute(fields)) != nil)
            } else {
                #expect(throws: InputError.self) { try catalog.compute(fields) }
            }
        }
        // A low period that would end after 9999-12-31 covers the whole window.
        let late = try catalog.compute([
            "regime": "custom", "amount": "1000000", "due": "9998-01-01", "paid": "9998-12-31", "rate": "5", "high_rate": "10", "low_months": "1200",
        ])
        #expect(late.explanation.segments.count >= 1)
        #expect(d("9999-12-01").addingMonths(1) == nil)
        #expect(d("2024-01-31").addingMonths(Int.max) == nil && d("2024-01-31").addingMonths(Int.min) == nil)
        #expect(CivilPeriod.years(Int.max).lastDay(countingFrom: d("2024-01-01")) == nil)
        #expect(CivilPeriod.days(Int.min).lastDay(countingFrom: d("2024-01-01")) == nil)
    }

    @Test func holidaysAfterTheFormulaYearsAreRefused() throws {
        let fields = ["regime": "local-tax-arrears", "amount": "100000", "due": "5026-01-03", "paid": "5026-03-31", "roll_due": "government"]
        #expect(throws: InputError.self) { try RegimeCatalog.bundled.compute(fields) }
        #expect(JapaneseHolidays.holidays(in: 4716).isEmpty)
        #expect(throws: InputError.self) { try GovernmentOfficeCalendar().checkCovers(d("2151-01-01"), field: "date") }
        #expect(GovernmentOfficeCalendar().nextOpenDay(onOrAfter: d("9999-12-31")) == d("9999-12-31"))
    }

    @Test func theCourtConventionNearTheLastYear() throws {
        for (due, paid) in [("9997-12-31", "9998-12-31"), ("9000-01-01", "9998-12-31"), ("9998-12-30", "9998-12-31")] {
            let result = try RegimeCatalog.bundled.compute(["regime": "civil-statutory", "amount": "1000000", "due": due, "paid": paid, "rate": "3"])
            #expect(result.amount.value.signum >= 0)
        }
        #expect(d("9999-01-01").nextDay == d("9999-01-02"))
        #expect(DateWindow(first: d("9998-12-30"), last: d("9999-12-31")).splitByCalendarYear.count == 2)
    }

    // MARK: Hangs

    @Test func hugeAmountsAreGroupedInLinearTime() {
        let digits = String(repeating: "9", count: 300_000)
        let grouped = Yen(BigInteger(digits)!).grouped
        #expect(grouped.utf8.count == 300_000 + 99_999)
    }

    @Test func carriageReturnOnlyFilesGiveEveryRow() throws {
        let rows = (0..<3000).map { Self.row("R\($0)") }.joined()
        let r = try everyPath((Self.header + rows).replacingOccurrences(of: "\n", with: "\r"))
        #expect(r.rows.count == 3000)
        #expect(r.rows.last?.hasPrefix("R2999,") == true)
    }

    // MARK: Silently wrong amounts

    @Test func aColumnNamedTwiceStopsTheRun() {
        for header in ["id,regime,amount,amount,due,paid\n", "id,id,regime,amount,due,paid\n"] {
            #expect(throws: Batch.FileError.self) { try runBatch(header + "A,contract-late-completion,1000000,0,2022-03-25,2022-04-30\n") }
        }
        // Empty names (trailing commas of a spreadsheet) may repeat: they are ignored columns.
        #expect((try? runBatch("id,regime,amount,due,paid,,\n" + "A,contract-late-completion,1000000,2022-03-25,2022-04-30,,\n")) != nil)
    }

    @Test func rateFilesAreStrict() {
        let base = #"{"name": "x-regime", "rates": {"table": [{"from": "2020-01-01", "rate": "3", "source": "s"}]}"#
        let bad = [
            #"{"name": "x-regime", "rates": {"low_period_months": 0, "table": [{"from": "2020-01-01", "rate": "3", "high_rate": "5", "source": "s"}]}}"#,
            #"{"name": "x-regime", "rates": {"low_period_months": -3, "table": [{"from": "2020-01-01", "rate": "3", "high_rate": "5", "source": "s"}]}}"#,
            base + #", "result": {"minimun": "100"}}"#,
            base + #", "titel": "typo"}"#,
            #"{"regimes": [\#(base)}, \#(base)}]}"#,
            #"{"name": "", "rates": {"table": [{"from": "2020-01-01", "rate": "3", "source": "s"}]}}"#,
            #"{"name": "a,\"b\nc", "rates": {"table": [{"from": "2020-01-01", "rate": "3", "source": "s"}]}}"#,
            #"{"regimes": []}"#,
            #"{"name": "my", "rates": {"table": [{"from": "2000-01-01", "rate": "3", "rate": "30", "source": "x"}]}}"#,
        ]
        for file in bad {
            #expect(throws: InputError.self) { try RegimeCatalog.bundled.overlaying(regimeFile: Data(file.utf8)) }
        }
        #expect((try? RegimeCatalog.bundled.overlaying(regimeFile: Data((base + "}").utf8))) != nil)
    }

    // MARK: Lost or invented rows

    @Test func theSameIdIsTheSameBytes() throws {
        // NFC é and NFD e + U+0301 are different ids; a space before a combining mark is trimmed.
        let text = Self.header + Self.row("caf\u{E9}") + Self.row("cafe\u{301}") + Self.row(" \u{301}x") + Self.row("\u{301}x")
        let r = try everyPath(text)
        #expect(r.rows.count == 4)
        #expect(r.rows[0].contains(",ok,") || r.rows[0].contains(",waived,"))
        #expect(!r.rows[1].contains("already appears"))
        #expect(r.rows[3].contains("already appears on line 4"))
    }

    @Test func anOpenQuoteClosedByAStrayQuoteKeepsTheRowsBetween() throws {
        let text = Self.header + "A,contract-late-completion,\"1000,2022-03-25,2022-04-30\n" + Self.row("B") + Self.row("C") + "D,x\",1,2\n"
        let r = try everyPath(text)
        #expect(r.rows.count == 4)
        #expect(r.rows[0].hasPrefix("A,contract-late-completion,error"))
        #expect(r.rows[1].hasPrefix("B,") && r.rows[2].hasPrefix("C,"))
    }

    @Test func errorRowsKeepTheirId() throws {
        let r = try everyPath(
            Self.header + "A\"x,contract-late-completion,1,2022-03-25,2022-04-30\n" + "B,contract-late-completion,\"1\"0,2022-03-25,2022-04-30\n")
        #expect(r.rows[1].hasPrefix("B,contract-late-completion,error"))
        #expect(r.rows[1].contains("amount:"))
        let json = try runBatch(
            #"{"id": "J", "amount": "1", "amount": "2"}"# + "\n" + #"{"id": "K", "regime": "custom"} trailing"# + "\n", jsonl: true, format: .jsonl)
        #expect(json.rows[0].contains(#""id":"J""#) && json.rows[1].contains(#""id":"K""#))
    }

    @Test func everyCSVRowCarriesItsLine() throws {
        // Blank lines, a memo over two lines and an error row without an id: each output row
        // names the line its input row starts on.
        let text =
            "id,regime,amount,due,paid,memo\n\n" + "A,contract-late-completion,1000,2022-03-25,2022-04-30,\"two\nlines\"\n"
            + ",contract-late-completion,1000,2022-03-25,2022-04-30,\n" + "B,contract-late-completion,1000,2022-03-25,2022-04-30,\n"
        var options = Batch.Options()
        for engine in 0..<2 {
            var output = ""
            var reader = try CSVRecordReader(bytes: Array(text.utf8))
            if engine == 0 {
                _ = try Batch.run(&reader, options: options, output: { output += $0 }, diagnostics: { _ in })
            } else {
                options.duplicateCandidates = []
                _ = try Batch.runCSV(&reader, options: options, output: { output += String(decoding: $0, as: UTF8.self) }, diagnostics: { _ in })
            }
            let lines = output.split(separator: "\n").map { withoutLineColumn(String($0)).line }
            #expect(lines == ["line", "3", "5", "6"])
        }
    }

    @Test func utf8ReadAsShiftJISIsRefused() {
        let text = Self.header + Self.row("契約-1")
        #expect(throws: Batch.FileError.self) { try CSVRecordReader(bytes: Array(text.utf8), encoding: .shiftJIS) }
        #expect(throws: Batch.FileError.self) { try CSVRecordReader(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.header.utf8), encoding: .shiftJIS) }
        var lines = JSONLinesReader(bytes: Array(#"{"id": "契約-1"}"#.utf8), encoding: .shiftJIS)
        #expect(throws: Batch.FileError.self) { try lines.next() }
        // Real Shift_JIS is read: 契約 is 8C 5F 96 F1.
        let sjis = Array(Self.header.utf8) + [0x8C, 0x5F, 0x96, 0xF1] + Array(",contract-late-completion,1000,2022-03-25,2022-04-30\n".utf8)
        #expect((try? CSVRecordReader(bytes: sjis, encoding: .shiftJIS)) != nil)
    }

    // MARK: Smaller

    @Test func formulasAreDefangedForSpreadsheets() throws {
        let r = try everyPath(Self.header + Self.row("=1+1") + Self.row("+81") + Self.row("-5") + Self.row("@SUM(A1)") + Self.row("plain"))
        #expect(r.rows.map { String($0.prefix(3)) } == ["'=1", "'+8", "'-5", "'@S", "pla"])
    }

    @Test func aLongValueIsQuotedByItsFirstCharacters() throws {
        let long = String(repeating: "9", count: 5_000)
        let r = try everyPath(Self.header + Self.row("A", amount: long + "x") + "B,\(long),100,2022-03-25,2022-04-30\n" + Self.row("C", amount: "12x"))
        #expect(r.rows[0].contains("'" + String(repeating: "9", count: 32) + "…' (5001 characters) contains 'x'"))
        #expect(r.rows[1].contains("unknown regime '" + String(repeating: "9", count: 32) + "…' (5000 characters)"))
        #expect(r.rows.allSatisfy { $0.utf8.count < 5_000 + 600 })  // the regime column itself is long; the list of regimes
        #expect(r.rows[2].contains("'12x' contains 'x'"))  // a short value whole
        #expect(r.diagnostics.allSatisfy { $0.utf8.count < 600 })
        #expect(InputError.quoted(String(repeating: "a", count: 40)) == "'" + String(repeating: "a", count: 40) + "'")
    }

    @Test func everyQuoteIsDoubledEvenBeforeACombiningMark() throws {
        // `"` followed by U+0301 is one Character but still a quote to a CSV reader.
        let quoteAndMark = "\"" + "\u{301}"
        let r = try everyPath(Self.header + Self.row("\"A\"" + quoteAndMark + "B\"") + Self.row("plain"))
        let written = "\"A\"" + quoteAndMark + "B\",contract-late-completion,ok,"
        #expect(r.rows[0].hasPrefix(written))
        let explained = try runBatch(Self.header + Self.row("\"Q\"" + quoteAndMark + "\""), explain: true)
        var reader = try CSVRecordReader(bytes: Array((explained.rows.joined(separator: "\n") + "\n").utf8), keeping: ["id", "explanation"])
        let record = try #require(try reader.next())
        let id = "Q" + quoteAndMark
        #expect(record.fields["id"] == id)
        #expect(record.fields["explanation"]?.hasPrefix("{\"rule\":") == true)
        // JSON Lines output escapes what JSON must, on the byte-level path as on the record one.
        let json = try runBatch(Self.header + Self.row("A\\B") + Self.row("=C") + Self.row("D"), format: .jsonl)
        let ids = [#"{"id":"A\\B","#, #"{"id":"=C","#, #"{"id":"D","#]
        #expect(json.rows.count == 3 && zip(json.rows, ids).allSatisfy { $0.hasPrefix($1) })
    }

    @Test func controlCharactersNeverReachTheOutput() throws {
        let r = try everyPath(Self.header + Self.row("A\u{1B}[31m") + Self.row("B"))
        #expect(r.rows[0].hasPrefix(",contract-late-completion,error"))
        #expect(!r.rows.joined().unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(r.diagnostics.allSatisfy { !$0.unicodeScalars.contains { $0.value == 0x1B } })
        // A repeated id whose first row holds a control character (found by the fuzz target):
        // that row is an error, so the second is the id's first good row, in both engines.
        let repeated = try everyPath(Self.header + "K,contract-antitrust-dam\u{01}ges,1000,,\n" + "K,contract-antitrust-damages,1000,,\n")
        #expect(repeated.rows[1].hasPrefix("K,contract-antitrust-damages,ok,150,"))
        let json = try runBatch(#"{"id": "N\u0000", "regime": "contract-termination-penalty", "amount": "100"}"# + "\n", jsonl: true)
        #expect(json.rows[1].contains("U+0000"))
        for bad in [#"{"id": "\u+041"}"#, #"{"id": "A", "amount": 007}"#, #"{"id": "A", "amount": -5}"#] {
            let result = try runBatch(bad + "\n", jsonl: true, format: .jsonl)
            #expect(result.rows[0].contains(#""status":"error""#))
        }
        let signed = try runBatch(#"{"id": "A", "amount": -5}"# + "\n", jsonl: true)
        #expect(signed.diagnostics[0].contains("has a sign"))
    }

    @Test func jsonLinesWithCarriageReturnsOnlyGiveEveryRow() throws {
        let line = #"{"id": "J", "regime": "contract-late-completion", "amount": "1000000", "due": "2025-04-01", "paid": "2025-05-01"}"#
        for ending in ["\r", "\r\n", "\n"] {
            let text = (0..<3).map { line.replacingOccurrences(of: "\"J\"", with: "\"J\($0)\"") + ending }.joined()
            let r = try runBatch(text, jsonl: true, format: .jsonl)
            #expect(r.rows.count == 3 && r.diagnostics.isEmpty)
            #expect(r.rows[2].contains(#""line":3"#))
        }
    }

    @Test func aVectorFileWithARepeatedKeyFails() {
        let file =
            #"{"title": "t", "vectors": [{"id": "a", "kind": "derived", "derivation": "d", "inputs": {"regime": "contract-termination-penalty", "amount": "100"}, "expected": {"amount": "10", "amount": "999"}}]}"#
        var report = VectorVerifier.Report()
        VectorVerifier.verify(Data(file.utf8), named: "f", into: &report)
        #expect(report.failed == 1 && report.passed == 0)
    }

    @Test func aLowPeriodNeedsAHighRateOnEveryRow() {
        let file = #"{"name": "my", "rates": {"low_period_months": 2, "table": [{"from": "2000-01-01", "rate": "3", "source": "x"}]}}"#
        #expect(throws: InputError.self) { try RegimeCatalog.bundled.overlaying(regimeFile: Data(file.utf8)) }
    }

    @Test func excludedRangesWithoutAnEndSaySo() {
        #expect(throws: InputError.self) { try ExcludedDays.parse("2022-04-10..") }
        do { _ = try ExcludedDays.parse("2022-04-10..") } catch { #expect(error.reason.contains("no end date")) }
    }

    /// A read that fails partway (a non-blocking pipe left empty while its writer stays open):
    /// with two jobs, the blocks read before the error are written as one job writes them, and
    /// the run ends with the same error.
    @Test func aReadErrorPartwayLeavesTheSameOutputWithOneOrTwoJobs() throws {
        var text = Self.header
        for index in 0..<600 { text += Self.row("R\(index)", amount: index % 100 == 7 ? "BAD" : "1000000") }
        func run(jobs: Int) throws -> (output: [UInt8], diagnostics: [String], error: String?) {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw Batch.FileError(description: "no pipe") }
            defer { close(ends[0]); close(ends[1]) }
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == bytes.count)
            _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
            var options = Batch.Options()
            options.jobs = jobs
            options.blockSize = 4
            var output: [UInt8] = [], diagnostics: [String] = []
            var reader = try CSVRecordReader(descriptor: ends[0], encoding: .utf8)
            do {
                _ = try Batch.runCSV(&reader, options: options, output: { output += $0 }, diagnostics: { diagnostics.append($0) })
                return (output, diagnostics, nil)
            } catch {
                return (output, diagnostics, error.description)
            }
        }
        let one = try run(jobs: 1), two = try run(jobs: 2)
        #expect(one.error?.hasPrefix("cannot read the input") == true)
        #expect(two.error == one.error)
        #expect(two.output.elementsEqual(one.output))
        #expect(two.diagnostics == one.diagnostics)
        #expect(one.diagnostics.count == 6)
    }
}

@Suite("Compact id set")
struct FirstLinesTests {
    @Test func exactOnManyRepeatedAndLookAlikeIds() {
        var ids: [String] = []
        for index in 0..<50_000 { ids.append("C\(index % 20_000)") }  // repeats, and the table grows
        ids += ["", " ", "e\u{301}", "\u{e9}", "契約", "契約 ", String(repeating: "x", count: 100_000), "x"]
        #expect(Batch.firstLinesAgreeWithADictionary(ids))
    }
}
