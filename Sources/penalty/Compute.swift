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
            Input columns: id,regime,amount and the columns the regimes use (due, paid, excluded, \
            payments, decreases, rate, high_rate, contract_date, reduced, amended_on, fraud, \
            late_return_on, roll_due, and custom's terms), in any order; `penalty regimes NAME` \
            lists a regime's. See docs/file-format.md. Dates may be ISO, YYYY/M/D or era dates (令和4年3月25日, R4.3.25).

            A bad row becomes an output row with status=error and a message on stderr naming its \
            line; the batch goes on. Exit status: 0 all rows computed, 1 some rows rejected, 2 the \
            run could not be done (unreadable file, missing column, bad --rates file).
            """)

    @OptionGroup var files: RowFileOptions

    @Flag(help: "Add the full breakdown: a JSON column in CSV, a nested object in JSON Lines.")
    var explain = false

    @Option(
        name: .customLong("as-of"),
        help:
            "Rows that give no paid day are computed as if paid on this day and written as quotes (status quote), with the last day the amount holds: for 納付書 and 督促状."
    )
    var asOf: String?

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
        let (outputFormat, textEncoding, readsJSONLines) = try files.formats()
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256, not \(jobs)") }
        let file = files.file
        options.format = outputFormat
        options.explain = explain
        options.jobs = jobs
        options.guardsFormulas = !files.keepFormulas
        if let asOf {
            do { options.asOf = try CivilDate.parse(asOf, field: "as_of") } catch { throw ValidationError(error.description) }
        }
        do { options.catalog = try rates.catalog() } catch {
            fail("--rates \(rates.rates ?? ""): \(error.reason)")
        }

        // The input as a file (also standard input redirected from one: `< rows.csv`), so that
        // `-o` naming it is refused.
        var (descriptor, status, input) = files.openInput(fail: fail)
        var size: Int? = nil
        var spool: SpoolFile? = nil
        let origin = lseek(descriptor, 0, SEEK_CUR)
        if input != nil && origin >= 0 {
            size = max(0, Int(status.st_size) - Int(origin))
        } else if !stream {
            let progress = Progress(totalBytes: nil, quiet: quiet)
            let spooled: SpoolFile
            do {
                spooled = try InputSpool.spool(descriptor, copied: progress.copying(bytes:))
            } catch {
                progress.finish()
                fail(error.message)
            }
            progress.finish()
            (spool, descriptor, size) = (spooled, spooled.descriptor, spooled.size)
        }
        defer { withExtendedLifetime(spool) {} }

        // A first pass over a file finds the ids that may repeat, so that the duplicate check
        // needs fixed memory; with --stream, piped input is read once, remembering every id.
        if let size {
            do {
                options.duplicateCandidates = try Batch.screenFile(
                    descriptor: descriptor, size: size, jsonLines: readsJSONLines, encoding: textEncoding, jobs: options.jobs
                )
                .candidates
            } catch {
                fail("\(file): \(error)")
            }
        }

        let sink: OutputSink
        do { sink = try OutputSink(path: files.output, input: input) } catch { fail(error.message) }
        let progress = Progress(totalBytes: size, quiet: quiet)
        let summary: Batch.Summary
        do {
            let report: (String) -> Void = { message in writeToStandardError("penalty: \(message)\n") }
            summary = try Batch.runFile(
                descriptor: descriptor, jsonLines: readsJSONLines, encoding: textEncoding, options: options,
                output: sink.write(bytes:), diagnostics: report, progress: progress.update)
        } catch {
            progress.finish()
            sink.abandon()
            fail("\(file): \(error)")
        }
        progress.finish()
        do { try sink.commit() } catch { fail(error.message) }
        if !quiet {
            let quoted = summary.quoted > 0 ? ", quoted \(summary.quoted)" : ""
            var lines = ["rows read \(summary.read), computed \(summary.computed) (waived \(summary.waived)\(quoted)), rejected \(summary.rejected)"]
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
