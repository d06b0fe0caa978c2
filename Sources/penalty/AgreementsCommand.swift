import ArgumentParser
import LatePenalty

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `penalty agreements FILE`: a register of agreements, one row per agreement out.
struct AgreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements",
        abstract: "Answer `penalty agreement` for every agreement of a register (CSV or JSON Lines), one output row each.",
        discussion: """
            Columns: id, start, first_expiry, and optionally renewal (default 1y, or none), notice \
            (default 1m), non_renewal (dates separated by ;), termination (GIVEN or GIVEN:INTENDED, \
            separated by ;) and terminate_on. With --due-within DAYS only the agreements whose \
            notice deadline falls within DAYS days from --as-of are listed (rows in error always \
            are): the month's report of notices due. See docs/agreements.md.

            A bad row becomes an output row with status=error and a message on stderr naming its \
            line; the run goes on. Exit status: 0 all rows read, 1 some rows rejected, 2 the run \
            could not be done.
            """)

    @OptionGroup var files: RowFileOptions

    @Option(name: .customLong("as-of"), help: "The day every agreement is asked about (基準日).")
    var asOf: String

    @Option(name: .customLong("due-within"), help: "List only agreements with a notice deadline within this many days of --as-of (0 to 36525).")
    var dueWithin: Int?

    @Flag(help: "Add each agreement's explanation: a JSON column in CSV, a nested object in JSON Lines.")
    var explain = false

    @Flag(help: "No summary on stderr (rejected rows are still reported).")
    var quiet = false

    func run() throws {
        let (outputFormat, textEncoding, readsJSONLines) = try files.formats()
        let file = files.file
        let day: CivilDate
        do { day = try CivilDate.parse(asOf, field: "as_of") } catch { throw ValidationError(error.description) }
        var options = AgreementBatch.Options(asOf: day)
        if let dueWithin {
            guard (0...AgreementBatch.Options.maxDueWithin).contains(dueWithin) else {
                throw ValidationError("--due-within must be between 0 and \(AgreementBatch.Options.maxDueWithin) days, not \(dueWithin)")
            }
            options.dueWithin = dueWithin
        }
        options.format = outputFormat
        options.explain = explain
        options.guardsFormulas = !files.keepFormulas
        let (descriptor, _, input) = files.openInput(fail: fail)
        let sink: OutputSink
        do { sink = try OutputSink(path: files.output, input: input) } catch { fail(error.message) }
        let summary: AgreementBatch.Summary
        do {
            let report: (String) -> Void = { message in writeToStandardError("penalty: \(message)\n") }
            if readsJSONLines {
                var reader = JSONLinesReader(descriptor: descriptor, encoding: textEncoding, keeping: Set(AgreementBatch.columns))
                summary = try AgreementBatch.run(&reader, options: options, output: sink.write, diagnostics: report)
            } else {
                var reader = try CSVRecordReader(descriptor: descriptor, encoding: textEncoding, keeping: Set(AgreementBatch.columns))
                summary = try AgreementBatch.run(&reader, options: options, output: sink.write, diagnostics: report)
            }
        } catch {
            sink.abandon()
            fail("\(file): \(error)")
        }
        do { try sink.commit() } catch { fail(error.message) }
        if !quiet {
            writeToStandardError("penalty: agreements read \(summary.read), listed \(summary.listed), rejected \(summary.rejected)\n")
        }
        if summary.rejected > 0 { throw ExitCode(1) }
    }

    /// Reports a problem that stops the run, and exits with status 2.
    func fail(_ message: String) -> Never {
        writeToStandardError("penalty: \(message)\n")
        AgreementsCommand.exit(withError: ExitCode(2))
    }
}
