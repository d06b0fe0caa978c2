import ArgumentParser
import LatePenalty

/// `penalty verify`: run test vectors and report every difference.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the library against test vector files; exit non-zero on any failure.",
        discussion: """
            Each vector gives the inputs of one case and the expected status, amount and day counts.
            Point it at your own files in the same format (docs/vectors.md) to check a finance
            system's results against the library.
            """)

    @Argument(help: "Vector files or directories of them (default: vectors).")
    var paths: [String] = ["vectors"]

    func run() throws {
        let files: [String]
        do {
            files = try VectorVerifier.vectorFiles(at: paths)
        } catch {
            print("penalty verify: \(error.localizedDescription); give vector files or a directory of them")
            throw ExitCode(2)
        }
        let report = VectorVerifier.verify(files: files)
        for failure in report.failures { print("FAIL \(failure)") }
        print("\(report.passed) passed, \(report.failed) failed")
        if report.failed > 0 { throw ExitCode(1) }
    }
}
