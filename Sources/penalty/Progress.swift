import LatePenalty

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display on standard error: rows, rows per second, and the percentage
/// when the input size is known. Shown only when standard error is a terminal.
final class Progress {
    private let totalBytes: Int?
    private let start = ContinuousClock.now
    private var lastShown = ContinuousClock.now
    private var shown = false
    let enabled: Bool

    init(totalBytes: Int?, quiet: Bool) {
        self.totalBytes = totalBytes
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    func update(rows: Int, bytes: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - lastShown >= .milliseconds(200) else { return }
        lastShown = now
        shown = true
        var line = "\r\u{1B}[2K  \(Progress.grouped(rows)) rows, \(Progress.grouped(Progress.perSecond(rows, since: start))) rows/s"
        if let totalBytes, totalBytes > 0 { line += ", \(min(100, bytes * 100 / totalBytes))%" }
        writeToStandardError(line)
    }

    /// While piped input is copied to a temporary file before the run.
    func copying(bytes: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - lastShown >= .milliseconds(200) else { return }
        lastShown = now
        shown = true
        writeToStandardError("\r\u{1B}[2K  reading the piped input: \(Progress.grouped(bytes >> 20)) MiB")
    }

    func finish() {
        if shown { writeToStandardError("\r\u{1B}[2K") }
    }

    /// `count` per second since `start`, in whole numbers.
    static func perSecond(_ count: Int, since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        return microseconds > 0 ? Int((Int128(count) * 1_000_000) / Int128(microseconds)) : 0
    }

    static func grouped(_ value: Int) -> String { Yen(value).grouped }
}
