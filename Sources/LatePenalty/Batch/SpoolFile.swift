#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An unlinked temporary file that holds input arriving as a stream (a pipe, an HTTP request
/// body), so that it is then read like a file: a first pass finds the ids that may repeat in
/// fixed memory, and the main pass runs at a file's speed.
///
/// The file lives in `$TMPDIR` (default `/tmp`), takes as much room as the input and is unlinked
/// as soon as it is made, so nothing is left behind however the process ends. The descriptor is
/// closed when the spool is released. A spool is written by one owner and then handed over to
/// the one that reads it, never used by two at once.
package final class SpoolFile: @unchecked Sendable {
    /// Why the input could not be held; the caller words the message for its own users.
    package enum Failure: Error, Sendable {
        /// No file could be made in `folder`.
        case cannotCreate(folder: String, reason: String)
        /// Writing failed after `bytes` bytes (the disk is full, most likely).
        case cannotWrite(folder: String, bytes: Int, reason: String)
        /// The file could not be read again from its start.
        case cannotRewind(reason: String)
    }

    /// The file's descriptor: positioned at its end while appending, at its start after ``rewind()``.
    package let descriptor: Int32
    /// The bytes appended so far.
    package private(set) var size = 0
    /// Where the file was made.
    package let folder: String

    package init() throws(Failure) {
        folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast()) + Array("penalty-input.XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { throw .cannotCreate(folder: folder, reason: String(cString: strerror(errno))) }
        unlink(template.withUnsafeBufferPointer { $0.baseAddress! })
        descriptor = made
    }

    deinit { close(descriptor) }

    /// Writes `bytes` at the end of the file.
    package func append(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let step = write(descriptor, base + written, bytes.count - written)
            if step < 0 && errno == EINTR { continue }
            guard step > 0 else { throw .cannotWrite(folder: folder, bytes: size + written, reason: String(cString: strerror(errno))) }
            written += step
        }
        size += bytes.count
    }

    /// Moves the descriptor back to the file's start, to read what was appended.
    package func rewind() throws(Failure) {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw .cannotRewind(reason: String(cString: strerror(errno))) }
    }
}
