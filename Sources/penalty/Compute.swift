import ArgumentParser
import Foundation
import LatePenalty

/// `penalty compute FILE`: a CSV file of cases in, one CSV row per case out, in order.
struct Compute: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute every row of a CSV file; write one result row per input row to stdout.",
        discussion: """
            Input columns: id,regime,amount and the columns the regimes use (due, paid, excluded,
            payments, rate, high_rate, contract_date, and custom's terms), in any order.
            Output columns: \(Batch.outputColumns.joined(separator: ",")).
            A bad row becomes a row with status=error and a message on stderr naming its line; the
            batch goes on. Exit status: 0 all rows computed, 1 some rows rejected, 2 the run could
            not be done (unreadable file, missing column).
            """)

    @Argument(help: "The CSV file to read (UTF-8), or - for standard input.")
    var file: String

    @Flag(help: "Add an 'explanation' column with the full breakdown as compact JSON.")
    var explain = false

    @Option(help: "A regime file that adds regimes or replaces bundled rate tables (docs/regimes/README.md).")
    var rates: String?

    func run() throws {
        let start = ContinuousClock.now
        let data: Data?
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: file)
        }
        guard let data else {
            FileHandle.standardError.write(Data("penalty: cannot read '\(file)': check the path and permissions\n".utf8))
            throw ExitCode(2)
        }
        var catalog = RegimeCatalog.bundled
        if let rates {
            do {
                catalog = try catalog.overlaying(regimeFileAt: rates)
            } catch {
                FileHandle.standardError.write(Data("penalty: --rates \(rates): \(error.reason)\n".utf8))
                throw ExitCode(2)
            }
        }
        let output = OutputBuffer()
        let summary: Batch.Summary
        do {
            summary = try Batch.run(
                csv: [UInt8](data), catalog: catalog, explain: explain, output: output.write,
                diagnostics: { FileHandle.standardError.write(Data("penalty: \($0)\n".utf8)) })
        } catch {
            output.flush()
            FileHandle.standardError.write(Data("penalty: \(file): \(error)\n".utf8))
            throw ExitCode(2)
        }
        output.flush()
        let elapsed = ContinuousClock.now - start
        var lines = ["rows read \(summary.read), computed \(summary.computed) (waived \(summary.waived)), rejected \(summary.rejected)"]
        for (regime, total) in summary.totalByRegime.sorted(by: { $0.key < $1.key }) {
            lines.append("  total \(regime): \(total)")
        }
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        lines.append("  elapsed \(milliseconds) ms")
        FileHandle.standardError.write(Data(("penalty: " + lines.joined(separator: "\n") + "\n").utf8))
        if summary.rejected > 0 { throw ExitCode(1) }
    }
}

/// Collects output and writes it to stdout in large blocks.
final class OutputBuffer {
    private var buffer: [UInt8] = []

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
