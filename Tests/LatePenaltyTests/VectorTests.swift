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
        #expect(report.passed >= 17)
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
        #expect(report.failures.map(\.message) == [
            "a published vector needs a source (title, url, printed)",
            "amount expected 2, got 1",
            "duplicate id",
        ])
    }
}

import Foundation

extension String {
    func write(toFile path: String) throws {
        try Data(utf8).write(to: URL(fileURLWithPath: path))
    }
}
