import Foundation
import LatePenalty
import Testing

/// The bad-input corpus: every error class the batch reports, each checked for its exact message
/// and for the number and order of the output rows (nothing dropped, duplicated or reordered).
@Suite("penalty compute: bad inputs")
struct BatchCorpusTests {
    static let header = "id,regime,amount,due,paid,excluded\n"
    static let good = "contract-late-completion,10000000,2022-03-25,2022-04-30,"

    /// The first column of each output row after the header (the ids), and its status.
    func idsAndStatuses(_ rows: [String]) -> [String] {
        rows.dropFirst().map { row in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            return "\(fields[0]):\(fields[2])"
        }
    }

    @Test func emptyFileStopsTheRun() {
        #expect(throws: Batch.FileError(description: "the file is empty: expected a header row naming the columns (id,regime,amount,…)")) {
            try runBatch("")
        }
        #expect(throws: Batch.FileError.self) { try runBatch("\n\n") }
    }

    @Test func headerOnlyGivesNoRows() throws {
        let r = try runBatch(Self.header)
        #expect(r.rows == ["id,regime,status,amount,counted_days,excluded_days,error"])
        #expect(r.summary.read == 0 && r.diagnostics.isEmpty)
    }

    @Test func missingRequiredColumnStopsTheRun() {
        #expect(
            throws: Batch.FileError(
                description: "line 1: the header has no 'regime' column; it needs id,regime,amount and the columns its regimes use (docs/file-format.md)")
        ) {
            try runBatch("id,amount\nA,100\n")
        }
    }

    @Test func malformedRowsAreReportedAndTheParserRecovers() throws {
        let r = try runBatch(
            """
            id,regime,amount,due,paid,excluded,rate
            A,contract-late-completion,"10,000,000,2022-03-25,2022-04-30,,
            B,contract-late-completion,10000000,2022-03-25,2022-04-30,,
            C,contract-late-completion,10000000,2022-03-25
            D,contract-penalty,10000000,2022-03-25,2022-04-30,,
            E,contract-late-completion,10000000,2022-03-25,2022-04-30,2022-04-12..2022-04-10,
            F,contract-late-payment,500000,2022-05-01,2022-06-15,,0.025%
            G,contract-late-completion,10"000,2022-03-25,2022-04-30,,
            H,contract-late-completion,"10000"0,2022-03-25,2022-04-30,,

            """)
        #expect(r.rows.count == 9)
        // The id and the fields before the malformed one are kept; the error names the field.
        #expect(
            r.rows[1]
                == #"A,contract-late-completion,error,,,,"amount: a quoted field is not closed (unbalanced ""); the row is skipped and reading resumes on the next line""#
        )
        #expect(r.rows[2] == "B,contract-late-completion,ok,24657,36,0,")
        #expect(r.rows[3] == "C,contract-late-completion,error,,,,has 4 fields but the header has 7")
        #expect(r.rows[4].hasPrefix(#"D,contract-penalty,error,,,,"regime: unknown regime 'contract-penalty'; use one of contract-late-completion,"#))
        #expect(
            r.rows[5]
                == "E,contract-late-completion,error,,,,excluded: range '2022-04-12..2022-04-10' ends before it starts; write FROM..TO with FROM on or before TO"
        )
        #expect(r.rows[6] == #"F,contract-late-payment,error,,,,"rate: '0.025%' contains '%'; write the percentage as a plain number, e.g. 2.5 for 年2.5%""#)
        #expect(
            r.rows[7]
                == #"G,contract-late-completion,error,,,,"amount: a quote ("") inside a field that is not quoted, or after a closing quote; quote the whole field and double the quotes inside it""#
        )
        #expect(r.rows[8] == "H,contract-late-completion,error,,,,amount: text follows a closing quote; quote the whole field")
        #expect(r.diagnostics.map { String($0.prefix(8)) } == ["line 2: ", "line 4: ", "line 5: ", "line 6: ", "line 7: ", "line 8: ", "line 9: "])
    }

    @Test func duplicateIdsAreRejectedAfterTheFirst() throws {
        let r = try runBatch(Self.header + "A,\(Self.good)\nB,\(Self.good)\nA,\(Self.good)\n,\(Self.good)\n")
        #expect(idsAndStatuses(r.rows) == ["A:ok", "B:ok", "A:error", ":error"])
        #expect(
            r.diagnostics == [
                "line 4: id A: id: 'A' already appears on line 2; each row needs its own id",
                "line 5: id: is empty; every row needs an id to be traced",
            ])
    }

    @Test func duplicateScreenFindsEveryRepeat() throws {
        // A tiny filter (2^10 bits) to force false alarms: the result must still be exact.
        var screen = DuplicateIdScreen(log2Bits: 10)
        let ids = (0..<3000).map { "ID-\($0 % 2500)" }  // 500 repeats
        for id in ids { screen.add(id) }
        for repeated in (0..<500).map({ "ID-\($0)" }) { #expect(screen.mayRepeat(repeated)) }
        var text = "id,regime,amount\n"
        for id in ids { text += "\(id),contract-termination-penalty,100\n" }
        var options = Batch.Options()
        options.duplicateCandidates = screen.candidates
        var screened: [String] = [], plain: [String] = []
        var reader = try CSVRecordReader(bytes: Array(text.utf8))
        let summary = try Batch.run(&reader, options: options, output: { _ in }, diagnostics: { screened.append($0) })
        _ = try Batch.run(csv: Array(text.utf8), output: { _ in }, diagnostics: { plain.append($0) })
        #expect(summary.rejected == 500)
        #expect(screened == plain)
        // The byte-level engine, with the candidates a CSV screen finds.
        var csvReader = try CSVRecordReader(bytes: Array(text.utf8))
        options.duplicateCandidates = try DuplicateIdScreen.screen(&csvReader).candidates
        #expect(try runBytewise(Array(text.utf8), options: options).diagnostics == plain)
    }

    @Test func unknownRegimeAndReversedRange() throws {
        let r = try runBatch(
            Self.header + "A,contract-late,100,2022-03-25,2022-04-30,\nB,contract-late-completion,100,2022-03-25,2022-04-30,2022-04-12..2022-04-10\n")
        #expect(idsAndStatuses(r.rows) == ["A:error", "B:error"])
        #expect(r.diagnostics[0].hasPrefix("line 2: id A: regime: unknown regime 'contract-late'; use one of "))
        #expect(r.diagnostics[1] == "line 3: id B: excluded: range '2022-04-12..2022-04-10' ends before it starts; write FROM..TO with FROM on or before TO")
    }

    @Test func nulBytes() throws {
        let bytes = Array((Self.header + "A,contract-late-completion,100").utf8) + [0] + Array("0,2022-03-25,2022-04-30,\nB,\(Self.good)\n".utf8)
        let r = try runBatch(bytes)
        #expect(idsAndStatuses(r.rows) == ["A:error", "B:ok"])
        #expect(r.diagnostics == ["line 2: id A: amount: contains a NUL byte (0x00); the file may be binary or UTF-16"])
    }

    @Test func invalidUTF8() throws {
        let bytes = Array((Self.header + "A,contract-late-completion,").utf8) + [0xFF, 0xFE] + Array(",2022-03-25,2022-04-30,\nB,\(Self.good)\n".utf8)
        let r = try runBatch(bytes)
        #expect(idsAndStatuses(r.rows) == ["A:error", "B:ok"])
        #expect(r.diagnostics == ["line 2: id A: amount: is not valid UTF-8; if the file is Shift_JIS (CP932), run with --encoding shift_jis"])
    }

    static let shiftJISFile: [UInt8] = {
        let path = #filePath.split(separator: "/").dropLast().joined(separator: "/")
        return [UInt8](try! Data(contentsOf: URL(fileURLWithPath: "/" + path + "/Corpus/shift_jis.csv")))
    }()

    @Test func shiftJISReadAsUTF8IsRejectedWithAHint() throws {
        let r = try runBatch(Self.shiftJISFile)
        #expect(r.rows.count == 3)
        #expect(r.summary.rejected == 2)
        #expect(
            r.diagnostics == [
                "line 2: id: is not valid UTF-8; if the file is Shift_JIS (CP932), run with --encoding shift_jis",
                "line 3: id: is not valid UTF-8; if the file is Shift_JIS (CP932), run with --encoding shift_jis",
            ])
    }

    @Test func shiftJISReadAsShiftJIS() throws {
        let r = try runBatch(Self.shiftJISFile, encoding: .shiftJIS)
        #expect(r.rows.dropFirst() == ["案件-001,contract-late-completion,ok,22602,33,3,", "案件-002,local-tax-arrears,ok,1300,116,0,"])
        #expect(r.diagnostics.isEmpty)
    }

    @Test func aFiftyMegabyteLineIsSkippedAndTheRestRead() throws {
        var bytes = Array((Self.header + "A,\(Self.good)\nB,contract-late-completion,").utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "7"), count: 50 << 20)
        bytes += Array(",2022-03-25,2022-04-30,\nC,\(Self.good)\n".utf8)
        let r = try runBatch(bytes)
        // The error row keeps the fields before the long one: its id.
        #expect(idsAndStatuses(r.rows) == ["A:ok", "B:error", "C:ok"])
        #expect(r.diagnostics == ["line 3: id B: the row is longer than 16 MiB; it is skipped"])
    }

    @Test func jsonLinesErrors() throws {
        let text = """
            {"id": "A", "regime": "contract-late-completion", "amount": 10000000, "due": "2022-03-25", "paid": "2022-04-30"}
            {"id": "B", "regime": "contract-late-completion", "amount": 1.5e7, "due": "2022-03-25", "paid": "2022-04-30"}
            {"id": "C", "regime": "contract-late-completion", "amount": "10000000", "due": {"y": 2022}, "paid": "2022-04-30"}
            not json

            {"id": "D", "id": "E"}
            {"id": "F", "regime": "contract-termination-penalty", "amount": "100", "note": null}
            {"id": "G", "regime": "contract-termination-penalty", "amount": true}
            {"id": "H", "regime": "contract-termination-penalty", "amount": "\\u0031\\u0030\\u0030"}
            """
        let r = try runBatch(text, jsonl: true, format: .jsonl)
        #expect(r.rows.count == 8)
        #expect(
            r.diagnostics
                == [
                    "line 2: id B: amount: 1.5e7 is not a whole number; give the value as a string (\"1.5e7\") or as whole digits",
                    "line 3: id C: due: is a nested object; give the value as a string",
                    "line 4: is not a JSON object: expected '{', found 'n' (at character 1)",
                    "line 6: id: appears twice in the object; give it once",
                    "line 8: id G: amount: is a boolean; give the value as a string",
                ].map { $0 })
        #expect(r.rows[0].contains(#""id":"A","regime":"contract-late-completion","line":1,"status":"ok","amount":"24657""#))
        #expect(r.rows[5].contains(#""id":"F","regime":"contract-termination-penalty","line":7,"status":"ok","amount":"10""#))
        #expect(r.rows[6].contains(#""id":"G","regime":"contract-termination-penalty","line":8,"status":"error""#))
        #expect(r.rows[7].contains(#""id":"H","regime":"contract-termination-penalty","line":9,"status":"ok","amount":"10""#))
    }
}
