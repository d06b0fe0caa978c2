import ArgumentParser
import LatePenalty

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `penalty compute FILE`: rows in, one result row per input row out, in order.
struct Compute: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute every row of a CSV or JSON Lines file; write one result row per input row.",
        discussion: """
            Input columns: id,regime,amount and the columns the regimes use (due, paid, excluded,
            payments, rate, high_rate, contract_date, and custom's terms), in any order; see
            docs/file-format.md. Dates may be ISO, YYYY/M/D or era dates (令和4年3月25日, R4.3.25).

            A bad row becomes an output row with status=error and a message on stderr naming its
            line; the batch goes on. Exit status: 0 all rows computed, 1 some rows rejected, 2 the
            run could not be done (unreadable file, missing column, bad --rates file).
            """)

    @Argument(help: "The input file, or - for standard input.")
    var file: String

    @Option(name: .shortAndLong, help: "Write the results to this file, atomically (complete or not at all), instead of stdout.")
    var output: String?

    @Option(help: "Output format: csv or jsonl.")
    var format: String = "csv"

    @Option(name: .customLong("input-format"), help: "Input format: csv or jsonl (default: jsonl for .jsonl/.ndjson files, else csv).")
    var inputFormat: String?

    @Option(help: "Input encoding: utf-8, or shift_jis (also cp932, sjis) for Windows/Japanese exports.")
    var encoding: String = "utf-8"

    @Flag(help: "Add the full breakdown: a JSON column in CSV, a nested object in JSON Lines.")
    var explain = false

    @Flag(
        name: .customLong("keep-formulas"),
        help:
            "Write CSV fields that begin with =, +, -, @ as they are, for a program reading the results (by default they get a leading ' so that a spreadsheet shows them as text, not as a formula)."
    )
    var keepFormulas = false

    @OptionGroup var rates: RatesOption

    @Option(parsing: .unconditional, help: "Worker threads, 1 to 256; the output keeps the input order.")
    var jobs: Int = 1

    @Flag(
        help: """
            Read piped input once, as it comes, instead of copying it to a temporary file in \
            $TMPDIR first: results begin at once, but memory grows with the number of rows \
            (every id is kept to find repeats).
            """)
    var stream = false

    @Flag(help: "No progress display and no summary on stderr (rejected rows are still reported).")
    var quiet = false

    func run() throws {
        let start = ContinuousClock.now
        var options = Batch.Options()
        guard let outputFormat = OutputFormat(rawValue: format) else { throw ValidationError("--format must be csv or jsonl, not '\(format)'") }
        guard let textEncoding = TextEncoding(name: encoding) else {
            throw ValidationError("--encoding must be utf-8 or shift_jis (cp932, sjis), not '\(encoding)'")
        }
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256, not \(jobs)") }
        let lowered = file.lowercased()
        let readsJSONLines: Bool
        switch inputFormat {
        case nil: readsJSONLines = lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson")
        case "csv"?: readsJSONLines = false
        case "jsonl"?: readsJSONLines = true
        case let other?: throw ValidationError("--input-format must be csv or jsonl, not '\(other)'")
        }
        options.format = outputFormat
        options.explain = explain
        options.jobs = jobs
        options.guardsFormulas = !keepFormulas
        do { options.catalog = try rates.catalog() } catch {
            fail("--rates \(rates.rates ?? ""): \(error.reason)")
        }

        var descriptor = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { fail("cannot read '\(file)': \(String(cString: strerror(errno))); check the path and permissions") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { fail("cannot read '\(file)': \(String(cString: strerror(errno)))") }
        if (status.st_mode & S_IFMT) == S_IFDIR { fail("'\(file)' is a directory; give a CSV or JSON Lines file") }
        // The input as a file (also standard input redirected from one: `< rows.csv`), so that
        // `-o` naming it is refused.
        let input = (status.st_mode & S_IFMT) == S_IFREG ? (device: UInt64(status.st_dev), inode: UInt64(status.st_ino)) : nil
        var size: Int? = nil
        let origin = lseek(descriptor, 0, SEEK_CUR)
        if input != nil && origin >= 0 {
            size = max(0, Int(status.st_size) - Int(origin))
        } else if !stream {
            let progress = Progress(totalBytes: nil, quiet: quiet)
            do {
                (descriptor, size) = try InputSpool.spool(descriptor, copied: progress.copying(bytes:))
            } catch {
                progress.finish()
                fail(error.message)
            }
            progress.finish()
        }

        // A first pass over a file finds the ids that may repeat, so that the duplicate check
        // needs fixed memory; with --stream, piped input is read once, remembering every id.
        if let size {
            do {
                let first = lseek(descriptor, 0, SEEK_CUR)
                if readsJSONLines {
                    var reader = JSONLinesReader(descriptor: descriptor, encoding: textEncoding)
                    options.duplicateCandidates = try DuplicateIdScreen.screen(&reader, inputBytes: size).candidates
                } else {
                    var reader = try CSVRecordReader(descriptor: descriptor, encoding: textEncoding)
                    options.duplicateCandidates = try DuplicateIdScreen.screen(&reader, inputBytes: size).candidates
                }
                guard lseek(descriptor, first, SEEK_SET) == first else {
                    fail("cannot read '\(file)' a second time: \(String(cString: strerror(errno)))")
                }
            } catch {
                fail("\(file): \(error)")
            }
        }

        let sink: OutputSink
        do { sink = try OutputSink(path: output, input: input) } catch { fail(error.message) }
        let progress = Progress(totalBytes: size, quiet: quiet)
        let summary: Batch.Summary
        do {
            let report: (String) -> Void = { message in writeToStandardError("penalty: \(message)\n") }
            if readsJSONLines {
                var reader = JSONLinesReader(descriptor: descriptor, encoding: textEncoding)
                summary = try Batch.runJSONLines(&reader, options: options, output: sink.write(bytes:), diagnostics: report, progress: progress.update)
            } else {
                var reader = try CSVRecordReader(descriptor: descriptor, encoding: textEncoding)
                summary = try Batch.runCSV(&reader, options: options, output: sink.write(bytes:), diagnostics: report, progress: progress.update)
            }
        } catch {
            progress.finish()
            sink.abandon()
            fail("\(file): \(error)")
        }
        progress.finish()
        do { try sink.commit() } catch { fail(error.message) }
        if !quiet {
            var lines = ["rows read \(summary.read), computed \(summary.computed) (waived \(summary.waived)), rejected \(summary.rejected)"]
            for (regime, total) in summary.totalByRegime.sorted(by: { $0.key < $1.key }) { lines.append("  total \(regime): \(total)") }
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            lines.append("  elapsed \(milliseconds) ms (\(Progress.grouped(Progress.perSecond(summary.read, since: start))) rows/s)")
            writeToStandardError("penalty: " + lines.joined(separator: "\n") + "\n")
        }
        if summary.rejected > 0 { throw ExitCode(1) }
    }

    /// Reports a problem that stops the run, and exits with status 2.
    func fail(_ message: String) -> Never {
        writeToStandardError("penalty: \(message)\n")
        Compute.exit(withError: ExitCode(2))
    }
}
