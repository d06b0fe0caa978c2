#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Piped input copied to a temporary file before the run, so that it is read like a file: a
/// first pass finds the ids that may repeat (fixed memory, whatever the number of rows), and
/// the main pass runs at a file's speed. The file is unlinked as soon as it is made, so nothing
/// is left behind however the run ends; it lives in `$TMPDIR` (default `/tmp`) and takes as much
/// room as the input.
enum InputSpool {
    struct Failure: Error {
        let message: String
    }

    /// Copies everything `source` gives until its end into a new unlinked file and returns that
    /// file's descriptor, positioned at its start, and its size. `copied` is told the bytes
    /// copied so far.
    static func spool(_ source: Int32, copied: (Int) -> Void) throws(Failure) -> (descriptor: Int32, size: Int) {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast()) + Array("penalty-input.XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure(
                message:
                    "cannot make a temporary file in \(folder) to hold the piped input: \(String(cString: strerror(errno))); set TMPDIR to a writable folder, or give --stream"
            )
        }
        let path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        unlink(path)
        #if os(Linux)
        // A larger pipe lets the writer run ahead: fewer, fuller reads (F_SETPIPE_SZ; refused
        // harmlessly when the source is not a pipe or the size is over the system's limit).
        _ = fcntl(source, 1031, Int32(1 << 20))
        #endif
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var size = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw Failure(message: "cannot read the input: \(reason)")
            }
            if count == 0 { break }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, count - written) }
                if step < 0 && errno == EINTR { continue }
                guard step > 0 else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw Failure(
                        message:
                            "cannot copy the piped input to a temporary file in \(folder) after \(size + written) bytes: \(reason); set TMPDIR to a folder with room for the input, or give --stream"
                    )
                }
                written += step
            }
            size += count
            copied(size)
        }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Failure(message: "cannot read the copied input again: \(reason)")
        }
        return (descriptor, size)
    }
}
