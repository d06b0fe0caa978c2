import LatePenalty
import Testing

/// `penalty agreements`: a register in, one row per agreement out, in order; bad rows become
/// error rows naming the field, never a crash.
@Suite("Agreement registers")
struct AgreementBatchTests {
    static func run(_ text: String, asOf: String, dueWithin: Int? = nil, jsonl: Bool = false) throws -> (
        rows: [String], notes: [String], summary: AgreementBatch.Summary
    ) {
        var options = AgreementBatch.Options(asOf: d(asOf))
        options.dueWithin = dueWithin
        options.format = jsonl ? .jsonl : .csv
        var rows: [String] = [], notes: [String] = []
        let summary: AgreementBatch.Summary
        if jsonl {
            var reader = JSONLinesReader(bytes: Array(text.utf8), keeping: Set(AgreementBatch.columns))
            summary = try AgreementBatch.run(&reader, options: options, output: { rows.append($0) }, diagnostics: { notes.append($0) })
        } else {
            var reader = try CSVRecordReader(bytes: Array(text.utf8), keeping: Set(AgreementBatch.columns))
            summary = try AgreementBatch.run(&reader, options: options, output: { rows.append($0) }, diagnostics: { notes.append($0) })
        }
        return (rows.map { String($0.dropLast()) }, notes, summary)
    }

    static let register = """
        id,start,first_expiry,renewal,notice,non_renewal,termination,terminate_on,memo
        A,2023-04-26,2024-03-31,,,,,2025-09-30,seed
        B,2024-06-01,2025-05-31,6m,1m,,,,
        C,令和5年4月1日,令和6年3月31日,1y,3m,2025-12-01,,,
        D,2022-10-01,2023-09-30,1y,30d,,2024-09-15,,
        E,2025-01-01,2025-12-31,none,1m,,,,
        """

    @Test func oneRowPerAgreementInOrder() throws {
        let r = try Self.run(Self.register, asOf: "2025-03-31")
        #expect(r.rows.count == 6 && r.summary.read == 5 && r.summary.listed == 5 && r.summary.rejected == 0)
        #expect(r.rows[1] == "A,2,in-force,2,2025-03-31,2025-04-01,2025-02-28,,2025-09-30,2025-08-30,2025-04-30,")
        #expect(r.rows[2] == "B,3,in-force,1,2025-05-31,2025-06-01,2025-04-30,,,,2025-04-30,")
        #expect(r.rows[3] == "C,4,in-force,2,2025-03-31,2025-04-01,2024-12-31,2026-03-31,,,2025-06-30,")
        #expect(r.rows[4] == "D,5,ended,,,,,2024-10-15,,,,")
        #expect(r.rows[5] == "E,6,in-force,1,2025-12-31,,,2025-12-31,,,2025-04-30,")
        #expect(r.notes == ["line 1: column 'memo' is not used by any regime; it is ignored"])
        // JSON Lines: the same answers.
        let lines = """
            {"id": "A", "start": "2023-04-26", "first_expiry": "2024-03-31", "terminate_on": "2025-09-30"}
            {"id": "E", "start": "2025-01-01", "first_expiry": "2025-12-31", "renewal": "none"}
            """
        let j = try Self.run(lines, asOf: "2025-03-31", jsonl: true)
        #expect(j.rows[0].contains(#""status":"in-force","term":2,"term_last_day":"2025-03-31","next_renewal":"2025-04-01""#))
        #expect(j.rows[1].contains(#""last_day_in_force":"2025-12-31""#) && j.rows[1].contains(#""error":null"#))
    }

    @Test func dueWithinListsTheMonthsNotices() throws {
        // As of 2025-02-01, within 30 days: A's renewal deadline 2025-02-28; not B's (2025-04-30).
        let r = try Self.run(Self.register + "\nX,2025-04-01,2024-03-31,,,,,,", asOf: "2025-02-01", dueWithin: 30)
        #expect(r.rows.map { String($0.prefix(2)) } == ["id", "A,", "X,"])  // rows in error are always listed
        #expect(r.summary.read == 6 && r.summary.listed == 2 && r.summary.rejected == 1)
    }

    @Test func hostileRowsAreRowErrors() throws {
        let text = """
            id,start,first_expiry,renewal,notice,non_renewal,termination,terminate_on
            H1,9999-12-31,9999-12-31,1d,1d,,,
            H2,2024-01-01,2024-12-31,-1y,1m,,,
            H3,2024-01-01,2024-12-31,999999y,1m,,,
            H4,2024-01-01,2024-12-31,1y,0m,,,
            H5,2024-01-01,2024-12-31,1y,1m,2023-12-31,,
            H6,2024-01-01,2024-12-31,1y,1m,,2023-06-01,
            H7,2024-01-01,2024-12-31,1y,1m,,2024-06-01:2024-05-01,
            H8,10000-01-01,2024-12-31,1y,1m,,,
            H9,2024-01-01,,1y,1m,,,
            H1,2024-01-01,2024-12-31,1y,1m,,,
            ,2024-01-01,2024-12-31,1y,1m,,,
            H10,2024-01-01,2024-12-31,1y,1m,,,99999-01-01
            """
        let r = try Self.run(text, asOf: "9999-12-31")
        #expect(r.rows.count == 13)
        #expect(r.rows[1].hasPrefix("H1,2,in-force,1,9999-12-31,"))
        let errors = r.rows.dropFirst(2).map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        #expect(errors.allSatisfy { $0 == "error" })
        #expect(r.summary.rejected == 11)
        #expect(r.notes[0].contains("renewal"))
        #expect(r.notes[3].contains("before the start"))
        #expect(r.notes.contains { $0.contains("already appears on line 2") })
    }
}
