import LatePenalty

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Piped input copied to a ``SpoolFile`` before the run, so that it is read like a file: a first
/// pass finds the ids that may repeat (fixed memory, whatever the number of rows), and the main
/// pass runs at a file's speed.
enum InputSpool {
    struct Failure: Error {
        let message: String
    }

    /// Copies everything `source` gives until its end into a new unlinked file and returns that
    /// file, positioned at its start. `copied` is told the bytes copied so far.
    static func spool(_ source: Int32, copied: (Int) -> Void) throws(Failure) -> SpoolFile {
        let spool: SpoolFile
        do { spool = try SpoolFile() } catch { throw Failure(message: InputSpool.message(error)) }
        #if os(Linux)
        // A larger pipe lets the writer run ahead: fewer, fuller reads (F_SETPIPE_SZ; refused
        // harmlessly when the source is not a pipe or the size is over the system's limit).
        _ = fcntl(source, 1031, Int32(1 << 20))
        #endif
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Failure(message: "cannot read the input: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            var failure: SpoolFile.Failure? = nil
            buffer.withUnsafeBytes { bytes in
                do throws(SpoolFile.Failure) { try spool.append(UnsafeRawBufferPointer(rebasing: bytes[..<count])) } catch { failure = error }
            }
            if let failure { throw Failure(message: InputSpool.message(failure)) }
            copied(spool.size)
        }
        do { try spool.rewind() } catch { throw Failure(message: InputSpool.message(error)) }
        return spool
    }

    static func message(_ failure: SpoolFile.Failure) -> String {
        switch failure {
        case .cannotCreate(let folder, let reason):
            "cannot make a temporary file in \(folder) to hold the piped input: \(reason); set TMPDIR to a writable folder, or give --stream"
        case .cannotWrite(let folder, let bytes, let reason):
            "cannot copy the piped input to a temporary file in \(folder) after \(bytes) bytes: \(reason); set TMPDIR to a folder with room for the input, or give --stream"
        case .cannotRewind(let reason):
            "cannot read the copied input again: \(reason)"
        }
    }
}
