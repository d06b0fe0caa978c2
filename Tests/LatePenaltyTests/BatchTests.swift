import Foundation
import LatePenalty
import Testing

/// Runs a batch over bytes and returns its output lines, diagnostics and summary.
func runBatch(
    _ bytes: [UInt8], jsonl: Bool = false, format: OutputFormat = .csv, explain: Bool = false, jobs: Int = 1,
    encoding: TextEncoding = .utf8, blockSize: Int = Batch.Options().blockSize
) throws(Batch.FileError) -> (rows: [String], diagnostics: [String], summary: Batch.Summary) {
    var output: [String] = [], diagnostics: [String] = []
    var options = Batch.Options()
    options.blockSize = blockSize
    options.format = format
    options.explain = explain
    options.jobs = jobs
    let summary: Batch.Summary
    if jsonl {
        // Every JSON Lines case runs through both engines too.
        var reader = JSONLinesReader(bytes: bytes, encoding: encoding)
        summary = try Batch.run(&reader, options: options, output: { output.append($0) }, diagnostics: { diagnostics.append($0) })
        let bytewise = try runBytewise(bytes, options: options, encoding: encoding, jsonl: true)
        #expect(bytewise.output == output.joined())
        #expect(bytewise.diagnostics == diagnostics)
        #expect(bytewise.summary == summary)
    } else {
        // Every CSV case runs through both engines, which must agree to the byte.
        var reader = try CSVRecordReader(bytes: bytes, encoding: encoding)
        summary = try Batch.run(&reader, options: options, output: { output.append($0) }, diagnostics: { diagnostics.append($0) })
        let bytewise = try runBytewise(bytes, options: options, encoding: encoding)
        #expect(bytewise.output == output.joined())
        #expect(bytewise.diagnostics == diagnostics)
        #expect(bytewise.summary == summary)
    }
    var lines = output.joined().split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    if format == .csv {
        // The `line` column is checked here for every CSV case (a number, rising row by row:
        // nothing reordered) and taken out, so that each test compares the rest of its rows.
        var previous = 0
        for index in lines.indices {
            let (row, line) = withoutLineColumn(lines[index])
            lines[index] = row
            if index == 0 { #expect(line == "line"); continue }
            guard let number = Int(line), number > previous else {
                Issue.record("row \(index): line column '\(line)' is not a rising line number")
                continue
            }
            previous = number
        }
    }
    return (lines, diagnostics, summary)
}

/// A CSV output row without its third field (`line`), and that field.
func withoutLineColumn(_ row: String) -> (row: String, line: String) {
    // By bytes, as a CSV reader reads: a quote before a combining mark is one Character.
    var inQuote = false, commas: [String.Index] = []
    for index in row.utf8.indices {
        let byte = row.utf8[index]
        if byte == UInt8(ascii: "\"") { inQuote.toggle() }
        if byte == UInt8(ascii: ",") && !inQuote { commas.append(index) }
        if commas.count == 3 { break }
    }
    guard commas.count >= 2 else { return (row, "") }
    let end = commas.count == 3 ? commas[2] : row.endIndex
    let line = String(row[row.index(after: commas[1])..<end])
    return (String(row[..<commas[1]]) + String(row[end...]), line)
}

/// Runs CSV bytes through the byte-level engine (`Batch.runCSV`).
func runBytewise(
    _ bytes: [UInt8], options: Batch.Options, encoding: TextEncoding = .utf8, jsonl: Bool = false
) throws(Batch.FileError) -> (output: String, diagnostics: [String], summary: Batch.Summary) {
    var output: [UInt8] = [], diagnostics: [String] = []
    let summary: Batch.Summary
    if jsonl {
        var reader = JSONLinesReader(bytes: bytes, encoding: encoding)
        summary = try Batch.runJSONLines(&reader, options: options, output: { output.append(contentsOf: $0) }, diagnostics: { diagnostics.append($0) })
    } else {
        var reader = try CSVRecordReader(bytes: bytes, encoding: encoding)
        summary = try Batch.runCSV(&reader, options: options, output: { output.append(contentsOf: $0) }, diagnostics: { diagnostics.append($0) })
    }
    return (String(decoding: output, as: UTF8.self), diagnostics, summary)
}

func runBatch(
    _ text: String, jsonl: Bool = false, format: OutputFormat = .csv, explain: Bool = false, jobs: Int = 1,
    blockSize: Int = Batch.Options().blockSize
) throws(Batch.FileError) -> (rows: [String], diagnostics: [String], summary: Batch.Summary) {
    try runBatch(Array(text.utf8), jsonl: jsonl, format: format, explain: explain, jobs: jobs, blockSize: blockSize)
}

@Suite("penalty compute")
struct BatchTests {
    @Test func oneRowPerInputRowInOrder() throws {
        let r = try runBatch(
            """
            id,regime,amount,due,paid,excluded,rate\r
            A,contract-late-completion,10000000,2022-03-25,2022-04-30,2022-04-10..2022-04-12,\r
            B,contract-late-completion,1000000,2022-03-25,2022-03-26,,\r
            C,contract-late-payment,5500000,2022-05-01,2022-06-15,,\r
            D,contract-termination-penalty,"12,345,678",,,,\r
            E,contract-late-completion,10000000,2022-03-25,2021-02-29,,\r

            """)
        #expect(
            r.rows == [
                "id,regime,status,amount,counted_days,excluded_days,error",
                "A,contract-late-completion,ok,22602,33,3,",
                "B,contract-late-completion,waived,0,1,0,",
                "C,contract-late-payment,ok,16952,45,0,",
                "D,contract-termination-penalty,ok,1234567,0,0,",
                "E,contract-late-completion,error,,,,paid: '2021-02-29' does not exist: 2021-02 has 28 days (2021 is not a leap year)",
            ])
        #expect(r.diagnostics == ["line 6: id E: paid: '2021-02-29' does not exist: 2021-02 has 28 days (2021 is not a leap year)"])
        #expect(r.summary.read == 5 && r.summary.computed == 4 && r.summary.waived == 1 && r.summary.rejected == 1)
        #expect(r.summary.totalByRegime["contract-late-completion"] == Yen(22_602))
    }

    @Test func columnsInAnyOrderAndOptionalColumnsMissing() throws {
        let r = try runBatch("amount,id,regime\n12345678,X,contract-antitrust-damages\n")
        #expect(r.rows.last == "X,contract-antitrust-damages,ok,1851851,0,0,")
    }

    @Test func eraDatesAndJapaneseFormsInAFile() throws {
        let r = try runBatch(
            """
            id,regime,amount,due,paid,excluded
            A,contract-late-completion,"10,000,000",令和4年3月25日,R4.4.30,R4.4.10..R4.4.12
            B,local-tax-arrears,５６，４００,2026/2/2,2026/5/29,

            """)
        #expect(r.rows.dropFirst() == ["A,contract-late-completion,ok,22602,33,3,", "B,local-tax-arrears,ok,1300,116,0,"])
    }

    @Test func unknownColumnsAreReportedOnceAndIgnored() throws {
        let r = try runBatch("id,regime,amount,note\nA,contract-termination-penalty,100,first\nB,contract-termination-penalty,200,second\n")
        #expect(r.diagnostics == ["line 1: column 'note' is not used by any regime; it is ignored"])
        #expect(r.summary.computed == 2)
    }

    @Test func explainAddsCompactJSON() throws {
        let r = try runBatch("id,regime,amount,due,paid\nA,contract-late-completion,10000000,2022-03-25,2022-04-30\n", explain: true)
        #expect(r.rows[0].hasSuffix(",explanation"))
        #expect(r.rows[1].contains(#""clause"":""第6条第3項"""#))
        #expect(r.rows[1].contains(#""exact"":""1800000/73"""#))
    }

    @Test func jsonLinesOutput() throws {
        let r = try runBatch(
            "id,regime,amount,due,paid\nA,contract-late-completion,10000000,2022-03-25,2022-04-30\nB,custom,1,2022-03-25,2022-04-30\n", format: .jsonl,
            explain: true)
        #expect(r.rows.count == 2)
        #expect(
            r.rows[0].hasPrefix(
                #"{"id":"A","regime":"contract-late-completion","line":2,"status":"ok","amount":"24657","counted_days":36,"excluded_days":0,"error":null,"explanation":{"rule":{"clause":"第6条第3項""#
            ))
        #expect(
            r.rows[1]
                == #"{"id":"B","regime":"custom","line":3,"status":"error","amount":null,"counted_days":null,"excluded_days":null,"error":"rate: is empty; custom needs the annual rate in percent, e.g. 2.5","explanation":null}"#
        )
    }

    @Test func parallelJobsKeepTheOrder() throws {
        var text = "id,regime,amount,due,paid\n"
        for index in 0..<5000 {
            text +=
                index % 7 == 3
                ? "R\(index),contract-late-completion,-1,2022-03-25,2022-04-30\n"
                : "R\(index),contract-late-completion,\(1_000_000 + index * 7919),2022-03-25,2022-0\(4 + index % 5)-1\(index % 10)\n"
        }
        // Small blocks, so that four workers go through many blocks, each split four ways.
        let one = try runBatch(text)
        let four = try runBatch(text, jobs: 4, blockSize: 300)
        #expect(one.rows == four.rows)
        #expect(one.diagnostics == four.diagnostics)
        #expect(one.summary == four.summary)
        #expect(four.rows.count == 5001)
    }
}
