import Foundation
import LatePenalty
import PropertyBased
import Testing

/// The byte-level batch (`Batch.runCSV`, with its fast path for plain rows of every charge by
/// the day) equals the record-at-a-time batch (`Batch.run`), the reference, on random files: the
/// same output bytes, diagnostics and summary. Rows are drawn near the fast path's edges: every
/// regime, valid and invalid dates, long and grouped amounts, ranges, used and unused columns,
/// repeated and empty ids, quotes, non-ASCII text, CRLF and blank lines.
@Suite("Byte-level batch = record batch")
struct BytewiseBatchTests {
    static let headers = [
        ["id", "regime", "amount", "due", "paid", "excluded"],
        ["regime", "id", "paid", "due", "amount"],
        ["id", "regime", "amount", "due", "paid", "excluded", "payments", "rate", "note"],
        ["id", "regime", "amount", "due", "paid", "excluded", "excluded"],
        ["id", "regime", "amount", "due", "paid", "excluded", "contract_date", "roll_due", "high_rate", "invoice_received", "unpaid_price"],
        [
            "id", "regime", "amount", "due", "paid", "rate", "high_rate", "low_months", "basis", "base_unit", "segments", "result_unit",
            "result_minimum", "allocation", "payments", "excluded",
        ],
    ]

    static func date(_ random: inout SplitMix) -> String {
        switch random.below(12) {
        case 0: return random.pick(["2024-02-29", "2023-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2022-13-01", "2022-04-31"])
        case 1: return random.pick(["2022/3/25", "令和4年3月25日", "R4.3.25", " 2022-03-25", "2022-3-25", "20220325", "", "２０２２－０３－２５"])
        default:
            let day = 18_000 + random.below(1_500)  // 2019 … 2023
            return CivilDate(dayNumber: day).iso8601
        }
    }

    static func amount(_ random: inout SplitMix) -> String {
        switch random.below(10) {
        case 0: return random.pick(["0", "007", "1,234,567", "12,34", "-5", "1.5", "", "１２３", "99"])
        case 1: return String(repeating: "9", count: 17 + random.below(4))  // 17–20 digits: either side of the limit
        case 2 where random.below(2) == 0:  // 19–60 digits: the GMP path, leading zeros and all
            return String((0..<(19 + random.below(42))).map { _ in Character(String(random.below(10))) })
        case 2: return String(random.below(20_000))
        default: return String(random.next() % 10_000_000_000)
        }
    }

    static func excluded(_ random: inout SplitMix) -> String {
        switch random.below(8) {
        case 0, 1, 2: return ""
        case 3: return date(&random)
        case 4: return date(&random) + ";" + date(&random)
        default: return date(&random) + ".." + date(&random)
        }
    }

    static func field(_ name: String, _ random: inout SplitMix) -> String {
        switch name {
        case "id":
            return random.pick(["A", "B", "C1", "", " D ", "E,F", "契約-1", "G\"H", "I"]) + (random.below(3) == 0 ? "" : String(random.below(40)))
        case "regime":
            return random.pick([
                "contract-late-completion", "contract-late-payment", "contract-late-completion", "contract-late-payment",
                "contract-damages-interest", "contract-termination-penalty", "civil-statutory", "nonsense", "",
                "local-tax-arrears", "national-tax-arrears", "payment-delay-act", "custom", "civil-statutory", "contract-consumption-tax", "contract-set-off",
            ])
        case "amount": return amount(&random)
        case "due", "paid": return date(&random)
        case "excluded": return excluded(&random)
        case "payments":
            switch random.below(8) {
            case 0: return random.pick(["2022-04-01:1000", "2022-04-01:0", "2022-04-01:1000;", "2022-04-01: 1000", "2022-04-01:1,000", "x", ";"])
            case 1, 2:  // one to four payments, some on the same day, some before, on or after the window
                return (0..<(1 + random.below(4))).map { _ in date(&random) + ":" + amount(&random) }.joined(separator: ";")
            default: return ""
            }
        case "rate": return random.below(6) == 0 ? random.pick(["3", "14.6", "2.5", "7.325"]) : (random.below(4) == 0 ? " " : "")
        case "high_rate": return random.below(3) == 0 ? random.pick(["9.1", "14.6", "0", "x"]) : ""
        case "low_months": return random.below(3) == 0 ? random.pick(["1", "2", "0", "1201", "x"]) : ""
        case "basis": return random.below(3) == 0 ? random.pick(["fixed-365", "actual-by-year", "actual-360", "court-japan", "nonsense"]) : ""
        case "base_unit": return random.below(4) == 0 ? random.pick(["1000", "10000", "0"]) : ""
        case "segments": return random.below(4) == 0 ? random.pick(["each", "total", "x"]) : ""
        case "result_unit": return random.below(4) == 0 ? random.pick(["100", "1", "0"]) : ""
        case "result_minimum": return random.below(4) == 0 ? random.pick(["1000", "100"]) : ""
        case "allocation": return random.below(4) == 0 ? random.pick(["interest-first", "principal-first", "x"]) : ""
        case "contract_date", "invoice_received": return random.below(6) == 0 ? date(&random) : ""
        case "unpaid_price": return random.below(3) == 0 ? amount(&random) : ""
        case "roll_due": return random.pick(["", "", "", "government", "bank", "nonsense"])
        default: return random.pick(["", "x", "メモ"])
        }
    }

    /// One file: a header, then one row per seed, with the line ending and extras the seed picks.
    static func file(header: Int, seeds: [Int], crlf: Bool) -> [UInt8] {
        let columns = headers[header]
        let newline = crlf ? "\r\n" : "\n"
        var text = columns.joined(separator: ",") + newline
        for seed in seeds {
            var random = SplitMix(state: UInt64(bitPattern: Int64(seed)))
            var fields = columns.map { field($0, &random) }
            for index in fields.indices where fields[index].contains(",") || fields[index].contains("\"") || random.below(30) == 0 {
                fields[index] = "\"" + fields[index].replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            switch random.below(25) {
            case 0: fields.removeLast()  // too few fields
            case 1: text += newline  // a blank line first
            case 2: fields.append("extra")
            default: break
            }
            text += fields.joined(separator: ",") + newline
        }
        return Array(text.utf8)
    }

    /// The output forms: plain CSV (written straight from a fast row's amount), and the full
    /// results (JSON Lines, the explanation) written from a fast row's result.
    static let outputs: [(OutputFormat, Bool)] = [(.csv, false), (.jsonl, false), (.jsonl, true), (.csv, true)]

    static func check(
        _ bytes: [UInt8], jobs: Int, blockSize: Int, screened: Bool, format: OutputFormat = .csv, explain: Bool = false, jsonl: Bool = false,
        explainedBlockBytes: Int = Batch.Options().explainedBlockBytes
    ) throws {
        var options = Batch.Options()
        options.explainedBlockBytes = explainedBlockBytes
        options.format = format
        options.explain = explain
        options.jobs = jobs
        options.blockSize = blockSize
        if screened && jsonl {
            var reader = JSONLinesReader(bytes: bytes)
            options.duplicateCandidates = try DuplicateIdScreen.screen(&reader).candidates
        } else if screened {
            var reader = try CSVRecordReader(bytes: bytes)
            options.duplicateCandidates = try DuplicateIdScreen.screen(&reader).candidates
        }
        var expected: [String] = [], expectedDiagnostics: [String] = []
        let summary: Batch.Summary
        if jsonl {
            var reader = JSONLinesReader(bytes: bytes)
            summary = try Batch.run(&reader, options: options, output: { expected.append($0) }, diagnostics: { expectedDiagnostics.append($0) })
        } else {
            var reader = try CSVRecordReader(bytes: bytes)
            summary = try Batch.run(&reader, options: options, output: { expected.append($0) }, diagnostics: { expectedDiagnostics.append($0) })
        }
        let bytewise = try runBytewise(bytes, options: options, jsonl: jsonl)
        #expect(bytewise.output == expected.joined())
        #expect(bytewise.diagnostics == expectedDiagnostics)
        #expect(bytewise.summary == summary)
    }

    @Test func equalOnRandomFiles() async {
        let input = zip(Gen.int(in: 0...5), Gen.int(in: Int.min...Int.max).array(of: 1...40), Gen.bool, Gen.int(in: 1...3), Gen.bool)
        await propertyCheck(count: 300, input: input) { header, seeds, crlf, jobs, screened in
            let bytes = Self.file(header: header, seeds: seeds, crlf: crlf)
            // Block sizes from a few bytes (a span per row or less) to the default.
            let (format, explain) = Self.outputs[(seeds.first ?? 0) & 3]
            // Explained blocks full after a row, after a few, or at the default budget.
            try Self.check(
                bytes, jobs: jobs, blockSize: [1, 2, 2048][seeds.count % 3], screened: screened, format: format, explain: explain,
                explainedBlockBytes: [1, 5_000, 2 << 20][(seeds.last ?? 0) & 1 + (seeds.count & 1)])
        }
    }

    /// Every charge by the day, alternately.
    static let bulkRegimes = [
        "contract-late-completion", "contract-late-payment", "contract-damages-interest", "local-tax-arrears",
        "national-tax-arrears", "payment-delay-act", "civil-statutory",
    ]

    @Test(arguments: ["\n", "\r\n", "\r"])
    func equalOnAGeneratedBulkFile(newline: String) throws {
        // Rows like scripts/generate-rows writes, the shape the fast path is for, with a bad row
        // every 700 rows so that line numbers are checked across many spans.
        var random = SplitMix(state: 20_221_121)
        var text = "id,regime,amount,due,paid,excluded,payments" + newline
        for index in 0..<5_000 {
            let due = 18_700 + random.below(1_500), paid = due - 20 + random.below(420)
            var excluded = ""
            if random.below(10) < 3 && paid > due + 3 {
                let start = due + 1 + random.below(paid - due - 2)
                excluded = CivilDate(dayNumber: start).iso8601 + ".." + CivilDate(dayNumber: start + 1 + random.below(14)).iso8601
            }
            let regime = Self.bulkRegimes[index % Self.bulkRegimes.count]
            let amount = index % 700 == 699 ? "12,34" : String(1 + random.below(10_000_000_000))
            var payments = ""
            if index % 3 == 0 && paid > due + 3 {
                payments = (0..<3).map { _ in CivilDate(dayNumber: due + 1 + random.below(paid - due - 1)).iso8601 + ":" + String(1 + random.below(1_000_000)) }
                    .joined(separator: ";")
            }
            text += "C\(index),\(regime),\(amount),\(CivilDate(dayNumber: due).iso8601),\(CivilDate(dayNumber: paid).iso8601),\(excluded),\(payments)" + newline
        }
        text += "C17,contract-late-payment,100,2022-03-25,2022-04-30,," + newline  // a repeat, at the end
        for jobs in [1, 2] { try Self.check(Array(text.utf8), jobs: jobs, blockSize: 64, screened: true) }
        for (format, explain) in Self.outputs.dropFirst() {
            try Self.check(Array(text.utf8), jobs: 2, blockSize: 64, screened: true, format: format, explain: explain)
        }
        // Explained blocks that fill after a few rows, and go on in blocks of their own.
        for jobs in [1, 2] {
            try Self.check(Array(text.utf8), jobs: jobs, blockSize: 2048, screened: true, format: .jsonl, explain: true, explainedBlockBytes: 20_000)
        }
    }

    /// Rows that give their own terms (`custom`), a few term sets repeated across blocks, some
    /// invalid: the same output as the record batch.
    @Test func customRowsAgree() throws {
        var random = SplitMix(state: 7)
        let termSets = [
            "14.6,,,,,,,", "7.3,14.6,2,,1000,each,100,1000", "2.5,,,actual-by-year,,,,", "3,,,court-japan,,each,,",
            "9.05,9.1,1,actual-360,10000,total,10,", "5,,,,,,0,", "x,,,,,,,", "3.1,,1,,,,,",
        ]
        var text = "id,regime,amount,due,paid,rate,high_rate,low_months,basis,base_unit,segments,result_unit,result_minimum,payments\n"
        for index in 0..<3_000 {
            let due = 18_700 + random.below(1_200), paid = due - 5 + random.below(900)
            let payments =
                index % 4 == 0 && paid > due + 2
                ? CivilDate(dayNumber: due + 1 + random.below(paid - due - 1)).iso8601 + ":" + String(1 + random.below(50_000)) : ""
            text += "K\(index),custom,\(1 + random.below(100_000_000)),\(CivilDate(dayNumber: due).iso8601),\(CivilDate(dayNumber: paid).iso8601),"
            text += random.pick(termSets) + ",\(payments)\n"
        }
        for jobs in [1, 2] { try Self.check(Array(text.utf8), jobs: jobs, blockSize: 16, screened: true) }
        try Self.check(Array(text.utf8), jobs: 1, blockSize: 2048, screened: false)
        for (format, explain) in Self.outputs.dropFirst() {
            try Self.check(Array(text.utf8), jobs: 1, blockSize: 16, screened: true, format: format, explain: explain)
        }
    }

    /// Rows of every charge by the day that give a rate of their own (and a high rate where
    /// the regime has two), some invalid: the same output as the record batch.
    @Test func rowsWithARateOfTheirOwnAgree() throws {
        var random = SplitMix(state: 11)
        let regimes = [
            "contract-late-completion", "contract-late-payment", "contract-damages-interest", "payment-delay-act", "civil-statutory",
            "local-tax-arrears", "national-tax-arrears",
        ]
        let rates = [("", ""), ("3", ""), ("7.3", "14.6"), ("2.5", "8.7"), ("", "9.1"), ("x", ""), ("14.6", "")]
        var text = "id,regime,amount,due,paid,rate,high_rate\n"
        for index in 0..<3_000 {
            let due = 18_700 + random.below(1_200), paid = due - 5 + random.below(900)
            let (rate, high) = random.pick(rates)
            text += "R\(index),\(random.pick(regimes)),\(1 + random.below(100_000_000)),\(CivilDate(dayNumber: due).iso8601),"
            text += "\(CivilDate(dayNumber: paid).iso8601),\(rate),\(high)\n"
        }
        for jobs in [1, 2] { try Self.check(Array(text.utf8), jobs: jobs, blockSize: 16, screened: true) }
        for (format, explain) in Self.outputs.dropFirst() {
            try Self.check(Array(text.utf8), jobs: 1, blockSize: 16, screened: true, format: format, explain: explain)
        }
    }

    /// One JSON Lines file: an object per seed with the fields of a header, in the plain form
    /// mostly, and now and then in every other form the reader knows (escapes, whole numbers,
    /// null, unused fields, a key twice, booleans, nested values, broken objects, text after
    /// the object, non-ASCII, blank lines).
    static func jsonLines(header: Int, seeds: [Int], crlf: Bool) -> [UInt8] {
        let newline = crlf ? "\r\n" : "\n"
        var text = ""
        for seed in seeds {
            var random = SplitMix(state: UInt64(bitPattern: Int64(seed)))
            var members: [String] = []
            for name in headers[header] {
                let value = field(name, &random)
                var written = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
                switch random.below(40) {
                case 0: written = "null"
                case 1 where !value.isEmpty && value.allSatisfy(\.isASCII):
                    written = "\"\\u00" + String(value.utf8.first!, radix: 16) + value.dropFirst() + "\""
                case 2 where !value.isEmpty && value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }): written = value  // a whole number
                case 3: written = random.pick(["true", "{}", "[1]", "1.5", "-3", "01", "nul"])
                default: break
                }
                members.append("\"\(name)\": \(written)")
                if random.below(60) == 0 { members.append("\"\(name)\":\"again\"") }
            }
            if random.below(8) == 0 { members.append(random.pick(["\"memo\": \"x\"", "\"note\":null", "\"メモ\": \"y\"", "\"memo\": 12"])) }
            if random.below(3) == 0 { members.shuffle(using: &random) }
            var line = "{" + members.joined(separator: random.below(2) == 0 ? "," : " , ") + "}"
            switch random.below(40) {
            case 0: line = "  " + line + " "
            case 1: line += " x"
            case 2: line = String(line.dropLast())
            case 3: line = ""  // a blank line
            case 4: line = "[1, 2]"
            default: break
            }
            text += line + newline
        }
        return Array(text.utf8)
    }

    @Test func jsonLinesEqualOnRandomFiles() async {
        let input = zip(Gen.int(in: 0...5), Gen.int(in: Int.min...Int.max).array(of: 1...40), Gen.bool, Gen.int(in: 1...3), Gen.bool)
        await propertyCheck(count: 300, input: input) { header, seeds, crlf, jobs, screened in
            let bytes = Self.jsonLines(header: header, seeds: seeds, crlf: crlf)
            let (format, explain) = Self.outputs[(seeds.first ?? 0) & 3]
            try Self.check(
                bytes, jobs: jobs, blockSize: [1, 2, 2048][seeds.count % 3], screened: screened, format: format, explain: explain, jsonl: true,
                explainedBlockBytes: [1, 5_000, 2 << 20][(seeds.last ?? 0) & 1 + (seeds.count & 1)])
        }
    }

    @Test func shiftJISFilesAgree() throws {
        // A Shift_JIS id next to fast rows: ASCII rows read the same in both encodings.
        let text = "id,regime,amount,due,paid,excluded\nA,contract-late-completion,1000000,2022-03-25,2022-04-30,\n"
        var bytes = Array(text.utf8)
        bytes += [0x8C, 0x5F, 0x96, 0xF1] + Array(",contract-late-completion,1000000,2022-03-25,2022-04-30,\n".utf8)  // 契約
        var options = Batch.Options()
        options.jobs = 1
        var expected: [String] = [], diagnostics: [String] = []
        var reader = try CSVRecordReader(bytes: bytes, encoding: .shiftJIS)
        let summary = try Batch.run(&reader, options: options, output: { expected.append($0) }, diagnostics: { diagnostics.append($0) })
        let bytewise = try runBytewise(bytes, options: options, encoding: .shiftJIS)
        #expect(bytewise.output == expected.joined() && bytewise.diagnostics == diagnostics && bytewise.summary == summary)
        #expect(bytewise.output.contains("契約,contract-late-completion,3,ok,"))
    }
}

/// The byte writer's digits are the standard library's, at every size an amount can have:
/// around each power of ten and 2^64, where it splits off 18-digit chunks, up to `Int128.max`,
/// and at each bit length, from which a 64-bit number's digit count is estimated.
@Suite("Decimal digits of the byte writer")
struct DecimalDigitTests {
    @Test func edgesAgree() {
        var values: [Int128] = [0, 1, 9, 10, 99, 100, Int128(UInt64.max), Int128(UInt64.max) + 1, Int128.max, Int128.max - 1]
        var power: Int128 = 1
        for _ in 0..<38 {
            power *= 10
            values += [power - 1, power, power + 1]
        }
        for bits in 1..<127 { values += [(Int128(1) << bits) - 1, Int128(1) << bits] }
        for value in values { #expect(Batch.decimalText(value) == String(value), "\(value)") }
    }

    @Test func randomAgree() async {
        await propertyCheck(count: 500, input: Gen.int(in: Int.min...Int.max), Gen.int(in: 0...Int.max)) { high, low in
            let value = (Int128(high) << 64 | Int128(low)) & Int128.max
            #expect(Batch.decimalText(value) == String(value), "\(value)")
        }
    }
}
