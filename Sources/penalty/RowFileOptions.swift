import ArgumentParser
import LatePenalty

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The options of a command that reads a file of rows and writes one result row per row
/// (`penalty compute`, `penalty agreements`): the input, where the results go, the formats and
/// the encoding.
struct RowFileOptions: ParsableArguments {
    @Argument(help: "The input file (CSV or JSON Lines), or - for standard input.")
    var file: String

    @Option(name: .shortAndLong, help: "Write the results to this file, atomically (complete or not at all), instead of stdout.")
    var output: String?

    @Option(help: "Output format: csv or jsonl.")
    var format: String = "csv"

    @Option(name: .customLong("input-format"), help: "Input format: csv or jsonl (default: jsonl for .jsonl/.ndjson files, else csv).")
    var inputFormat: String?

    @Option(help: "Input encoding: utf-8, or shift_jis (also cp932, sjis) for Windows/Japanese exports.")
    var encoding: String = "utf-8"

    @Flag(
        name: .customLong("keep-formulas"),
        help:
            "Write CSV fields that begin with =, +, -, @ as they are, for a program reading the results (by default they get a leading ' so that a spreadsheet shows them as text, not as a formula)."
    )
    var keepFormulas = false

    /// The output format, the input's encoding, and whether the input is JSON Lines.
    func formats() throws -> (output: OutputFormat, encoding: TextEncoding, readsJSONLines: Bool) {
        guard let outputFormat = OutputFormat(rawValue: format) else { throw ValidationError("--format must be csv or jsonl, not '\(format)'") }
        guard let textEncoding = TextEncoding(name: encoding) else {
            throw ValidationError("--encoding must be utf-8 or shift_jis (cp932, sjis), not '\(encoding)'")
        }
        let lowered = file.lowercased()
        switch inputFormat {
        case nil: return (outputFormat, textEncoding, lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson"))
        case "csv"?: return (outputFormat, textEncoding, false)
        case "jsonl"?: return (outputFormat, textEncoding, true)
        case let other?: throw ValidationError("--input-format must be csv or jsonl, not '\(other)'")
        }
    }

    /// Opens the input (standard input for `-`), or calls `fail` with why not. Returns the
    /// descriptor and, when the input is a regular file, its device and inode (so that `-o`
    /// naming it is refused).
    func openInput(fail: (String) -> Never) -> (descriptor: Int32, status: stat, file: (device: UInt64, inode: UInt64)?) {
        let descriptor = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { fail("cannot read '\(file)': \(String(cString: strerror(errno))); check the path and permissions") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { fail("cannot read '\(file)': \(String(cString: strerror(errno)))") }
        if (status.st_mode & S_IFMT) == S_IFDIR { fail("'\(file)' is a directory; give a CSV or JSON Lines file") }
        let input = (status.st_mode & S_IFMT) == S_IFREG ? (device: UInt64(status.st_dev), inode: UInt64(status.st_ino)) : nil
        return (descriptor, status, input)
    }
}
