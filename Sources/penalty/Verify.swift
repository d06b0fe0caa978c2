import ArgumentParser
import Foundation
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

    @Argument(help: "Vector files or directories of them (default: the vectors bundled with the tool).")
    var paths: [String] = []

    @OptionGroup var rates: RatesOption

    func run() throws {
        let catalog: RegimeCatalog
        do { catalog = try rates.catalog() } catch { throw ValidationError(error.description) }
        var report = VectorVerifier.Report()
        if paths.isEmpty {
            for (name, json) in BundledVectorFiles.files {
                VectorVerifier.verify(Data(json.utf8), named: "vectors/\(name) (bundled)", catalog: catalog, into: &report)
            }
        } else {
            let files: [String]
            do {
                files = try VectorVerifier.vectorFiles(at: paths)
            } catch {
                writeToStandardError("penalty verify: \(error); give vector files or a directory of them\n")
                throw ExitCode(2)
            }
            report = VectorVerifier.verify(files: files, catalog: catalog)
        }
        for failure in report.failures { print("FAIL \(failure)") }
        print("\(report.passed) passed, \(report.failed) failed")
        if report.failed > 0 { throw ExitCode(1) }
        if report.passed == 0 {
            writeToStandardError("penalty verify: no vector was checked\n")
            throw ExitCode(1)
        }
    }
}
