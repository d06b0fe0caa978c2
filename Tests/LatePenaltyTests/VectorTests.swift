import Foundation
import LatePenalty
import Testing

/// The bundled vectors/ run in `swift test` exactly as `penalty verify` runs them.
@Suite("Bundled test vectors")
struct VectorTests {
    static let vectorsDirectory: String = {
        // Tests/LatePenaltyTests/VectorTests.swift → the package root.
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/vectors"
    }()

    @Test func everyBundledVectorPasses() throws {
        let files = try VectorVerifier.vectorFiles(at: [Self.vectorsDirectory])
        #expect(!files.isEmpty)
        let report = VectorVerifier.verify(files: files)
        for failure in report.failures { Issue.record("\(failure)") }
        #expect(report.passed >= 71)
    }

    @Test func provenanceIsEnforced() throws {
        let json = #"""
            {"title": "t", "vectors": [
              {"id": "a", "kind": "published", "inputs": {"regime": "contract-termination-penalty", "amount": "10"}, "expected": {"status": "ok", "amount": "1"}},
              {"id": "b", "kind": "derived", "inputs": {"regime": "contract-termination-penalty", "amount": "10"}, "expected": {"status": "ok", "amount": "2"}, "derivation": "wrong on purpose"},
              {"id": "b", "kind": "derived", "inputs": {"regime": "contract-termination-penalty", "amount": "10"}, "expected": {"status": "ok", "amount": "1"}, "derivation": "10 × 1/10"}
            ]}
            """#
        let path = "/tmp/penalty-vector-test-\(UInt32.random(in: 0...UInt32.max)).json"
        try json.write(toFile: path)
        let report = VectorVerifier.verify(files: [path])
        #expect(report.passed == 0)
        #expect(
            report.failures.map(\.message) == [
                "a published vector needs a source (title, url, printed)",
                "amount expected 2, got 1",
                "duplicate id",
            ])
    }

    @Test func theSchemaNamesMisspeltAndMistypedFields() {
        let json = #"""
            {"title": "t", "vectors": [
              {"id": "a", "kind": "derived", "inputs": {"regime": "custom", "amount": 10}, "expected": {"status": "ok", "counted-days": 3, "days": "3"}, "derivation": "x"}
            ]}
            """#
        var report = VectorVerifier.Report()
        VectorVerifier.verify(Data(json.utf8), named: "t.json", into: &report)
        let messages = report.failures.map(\.message)
        #expect(messages.count == 3)
        #expect(messages.first == "schema: vectors[0].inputs has the wrong type (expected stringMap)")
        let unknown = messages.dropFirst().first ?? ""
        #expect(unknown.hasPrefix("schema: vectors[0].expected.counted-days is not a known field (known: amount, ") && unknown.contains(" counted_days,"))
        #expect(messages.last == "schema: vectors[0].expected.days has the wrong type (expected integer)")
    }

    @Test func anExpectedValueTheKindDoesNotCheckFails() {
        // A vector must never pass by checking nothing: an amount on a deadline vector, or
        // counted_days on a day-count one, is reported instead of silently skipped.
        let json = #"""
            {"title": "t", "vectors": [
              {"id": "a", "kind": "derived", "derivation": "x", "inputs": {"received": "2025-01-01", "deadline": "payment"}, "expected": {"amount": "123456789"}},
              {"id": "b", "kind": "derived", "derivation": "x", "inputs": {"day_count": "fixed-365", "start": "2025-01-01", "end": "2025-02-01"}, "expected": {"counted_days": 99999}},
              {"id": "c", "kind": "derived", "derivation": "x", "inputs": {"regime": "contract-late-completion", "amount": "1000000", "due": "2025-04-01", "paid": "2025-05-01"}, "expected": {"last_day": "2025-05-01", "amount": "2054"}}
            ]}
            """#
        var report = VectorVerifier.Report()
        VectorVerifier.verify(Data(json.utf8), named: "t.json", into: &report)
        #expect(report.passed == 0)
        #expect(
            report.failures.map(\.message) == [
                "expected amount is not checked for a deadline vector (it checks last_day)",
                "expected counted_days is not checked for a day-count vector (it checks days, year_fraction, year_fraction_printed, year_fraction_tolerance)",
                "expected last_day is not checked for a charge vector (it checks amount, counted_days, error, exact, excluded_days, segment_days, segment_exact_printed, segments, status)",
            ])
    }

    @Test func dayCountAndMilestoneVectors() {
        let json = #"""
            {"title": "t", "vectors": [
              {"id": "a", "kind": "derived", "inputs": {"day_count": "actual-by-year", "start": "2003-11-01", "end": "2004-05-01"}, "expected": {"year_fraction": "15/31", "year_fraction_printed": "0.497724380567", "days": 182}, "derivation": "x"},
              {"id": "b", "kind": "derived", "inputs": {"milestone_months": "2", "due": "2025-12-30"}, "expected": {"last_day": "2026-02-29"}, "derivation": "wrong on purpose"}
            ]}
            """#
        var report = VectorVerifier.Report()
        VectorVerifier.verify(Data(json.utf8), named: "t.json", into: &report)
        // 61/365 + 121/366 = 66491/133590; 15/31 is wrong on purpose, and 2026 has no 29 February.
        #expect(
            report.failures.map(\.message) == [
                "year_fraction expected 15/31, got 66491/133590",
                "last_day expected 2026-02-29, got 2026-02-28",
            ])
    }
}

extension String {
    func write(toFile path: String) throws {
        try Data(utf8).write(to: URL(fileURLWithPath: path))
    }
}
