import Foundation
import LatePenalty
import Testing

/// The duplicate-id screen run in parts, one thread each, notes the ids one pass notes: the same
/// filter words (the union of every id's bits, whatever the order), every repeated id among the
/// candidates; and it gives way to one pass when a cut falls on a quoted line break.
@Suite("Duplicate-id screen in parts")
struct DuplicateScreenPartsTests {
    /// Ids repeated across the file: first and last rows, either side of the middle.
    static let repeats = [(3, 23_990), (11_999, 12_000), (12_001, 5), (20_000, 20_001)]
    /// Parts of 256 KiB or more: the files here have three, or four.
    static let partBytes = 256 << 10

    /// `R` and the row's number in seven digits.
    static func id(_ row: Int) -> String {
        let digits = String(row)
        return "R" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// 24,000 rows of some 55 bytes (1.3 MB), with `repeats` and a repeated non-ASCII id.
    static func rows(lineBreak: String) -> [UInt8] {
        var ids = (0..<24_000).map(id)
        for (first, again) in repeats { ids[again] = ids[first] }
        ids[7] = "契約-7"
        ids[23_000] = "契約-7"
        var bytes = Array("id,regime,amount,due,paid\(lineBreak)".utf8)
        let rest = Array(",contract-late-completion,1000000,2022-03-25,2022-04-30\(lineBreak)".utf8)
        for id in ids { bytes += id.utf8; bytes += rest }
        return bytes
    }

    func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "screen-parts-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test(arguments: ["\n", "\r\n"])
    func partsNoteWhatOnePassNotes(lineBreak: String) throws {
        try withFile(Self.rows(lineBreak: lineBreak)) { path in
            let (one, oneInParts) = try DuplicateIdScreen.screen(fileAt: path, jobs: 1, minimumPartBytes: Self.partBytes)
            #expect(!oneInParts)
            for jobs in [2, 3, 4] {
                let (parts, inParts) = try DuplicateIdScreen.screen(fileAt: path, jobs: jobs, minimumPartBytes: Self.partBytes)
                #expect(inParts)
                #expect(parts.filterWords == one.filterWords)
                for (first, _) in Self.repeats { #expect(parts.mayRepeat(Self.id(first))) }
                #expect(parts.mayRepeat("契約-7"))
                // A false alarm may differ with the order ids are noted in; a repeat may not.
                #expect(parts.candidates.count <= one.candidates.count + 8)
            }
        }
    }

    /// The rows of ``rows(lineBreak:)`` as JSON Lines, after a byte-order mark or not.
    static func jsonLines(byteOrderMark: Bool) -> [UInt8] {
        var ids = (0..<24_000).map(id)
        for (first, again) in repeats { ids[again] = ids[first] }
        var bytes: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        let rest = Array(#"","regime":"contract-late-completion","amount":"1000000","due":"2022-03-25","paid":"2022-04-30"}"#.utf8) + [0x0A]
        for id in ids { bytes += Array(#"{"id":""#.utf8) + Array(id.utf8) + rest }
        return bytes
    }

    @Test(arguments: [false, true])
    func jsonLinesPartsNoteWhatOnePassNotes(byteOrderMark: Bool) throws {
        try withFile(Self.jsonLines(byteOrderMark: byteOrderMark)) { path in
            let (one, _) = try DuplicateIdScreen.screen(fileAt: path, jsonLines: true, jobs: 1, minimumPartBytes: Self.partBytes)
            let (parts, inParts) = try DuplicateIdScreen.screen(fileAt: path, jsonLines: true, jobs: 3, minimumPartBytes: Self.partBytes)
            #expect(inParts)
            #expect(parts.filterWords == one.filterWords)
            for (first, _) in Self.repeats { #expect(parts.mayRepeat(Self.id(first))) }
        }
    }

    /// Rows of one length, an even number of them, each with a quoted memo: the middle cut falls
    /// on a row's start, and the first line break after it is the memo's when it has one.
    static func quotedRows(memo: String) -> [UInt8] {
        var bytes = Array("memo,id,regime,amount\n".utf8)
        let count = 20_000
        for row in 0..<count { bytes += Array("\"\(memo)\",\(id(row % (count - 10))),contract-late-completion,100\n".utf8) }
        return bytes
    }

    @Test(arguments: [("a\nb", false), ("ab", true)])
    func aQuotedLineBreakOnACutFallsBackToOnePass(memo: String, joins: Bool) throws {
        try withFile(Self.quotedRows(memo: memo)) { path in
            let (one, _) = try DuplicateIdScreen.screen(fileAt: path, jobs: 1, minimumPartBytes: Self.partBytes)
            let (parts, inParts) = try DuplicateIdScreen.screen(fileAt: path, jobs: 2, minimumPartBytes: Self.partBytes)
            #expect(inParts == joins)
            #expect(parts.filterWords == one.filterWords)
            for row in 0..<10 { #expect(parts.mayRepeat(Self.id(row))) }
        }
    }

    @Test func aSmallFileIsScreenedInOnePass() throws {
        try withFile(Array("id,regime,amount\nA,contract-late-completion,100\nA,contract-late-completion,100\n".utf8)) { path in
            let (screen, inParts) = try DuplicateIdScreen.screen(fileAt: path, jobs: 2, minimumPartBytes: 16)
            #expect(!inParts)
            #expect(screen.mayRepeat("A"))
        }
    }

    @Test func aBatchScreenedInPartsRejectsTheSameRows() throws {
        try withFile(Self.rows(lineBreak: "\n")) { path in
            func run(jobs: Int) throws -> (Batch.Summary, [String], Int) {
                let descriptor = open(path, O_RDONLY)
                defer { close(descriptor) }
                var options = Batch.Options()
                options.jobs = jobs
                options.duplicateCandidates = try DuplicateIdScreen.screen(fileAt: path, jobs: jobs, minimumPartBytes: Self.partBytes).screen.candidates
                var notes: [String] = [], bytes = 0
                let summary = try Batch.runFile(
                    descriptor: descriptor, jsonLines: false, encoding: .utf8, options: options, output: { bytes += $0.count },
                    diagnostics: { notes.append($0) })
                return (summary, notes, bytes)
            }
            let (one, oneNotes, oneBytes) = try run(jobs: 1)
            let (two, twoNotes, twoBytes) = try run(jobs: 2)
            #expect(one.rejected == Self.repeats.count + 1)
            #expect(two.rejected == one.rejected && two.read == one.read)
            #expect(twoNotes == oneNotes)
            #expect(twoBytes == oneBytes)
        }
    }
}
