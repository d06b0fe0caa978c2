import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where results go: standard output, or a file written atomically. A file is written under a
/// temporary name beside it and renamed into place only when the run completes, so the file
/// appears complete or not at all, even when the run is interrupted (the temporary file is
/// removed on SIGINT, SIGTERM and SIGHUP) or fails.
final class OutputSink {
    private let descriptor: Int32
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    /// The first write error, if any.
    private var failure: String?
    /// A file's bytes written since writeback was last started, and the background data sync
    /// that starts it: the disk works while rows are computed, so the final fsync has little
    /// left to wait for.
    private var unsynced = 0
    private let syncing = DispatchGroup()

    /// The name used in messages: the path given, or "standard output".
    private let displayName: String

    /// - Parameter input: the input's device and inode, so that `-o` naming the input file (by
    ///   any path or link) is refused instead of replacing the rows being read.
    init(path: String?, input: (device: UInt64, inode: UInt64)? = nil) throws(OutputError) {
        OutputSink.installFatalSignalHandlers()
        guard let path, path != "-" else {
            (descriptor, finalPath, temporaryPath, displayName) = (STDOUT_FILENO, nil, nil, "standard output")
            return
        }
        displayName = path
        switch try OutputSink.destination(path, input: input) {
        case .direct(let fd):
            (descriptor, finalPath, temporaryPath) = (fd, nil, nil)
        case .replacing(let fd, let target, let temporary):
            (descriptor, finalPath, temporaryPath) = (fd, target, temporary)
            OutputSink.removeOnSignal(temporary)
        }
    }

    /// Where the results of `-o path` go.
    private enum Destination {
        /// Written as they come: nothing to replace atomically.
        case direct(Int32)
        /// Written to `temporary` beside `target`, renamed over it once complete.
        case replacing(Int32, target: String, temporary: String)
    }

    private static func destination(_ path: String, input: (device: UInt64, inode: UInt64)?) throws(OutputError) -> Destination {
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists, let input, UInt64(status.st_dev) == input.device, UInt64(status.st_ino) == input.inode {
            throw OutputError(
                message: "-o '\(path)' is the input file; writing the results there would replace the rows being read. Write them to another file")
        }
        // A device, a pipe, or a link to this process's own standard output (/dev/stdout when
        // it is redirected to a file) is written directly: there is nothing to replace
        // atomically, and renaming over it would destroy it or the link.
        var standardOutput = stat()
        if exists && fstat(STDOUT_FILENO, &standardOutput) == 0 && status.st_dev == standardOutput.st_dev && status.st_ino == standardOutput.st_ino {
            return .direct(STDOUT_FILENO)
        }
        if exists && (status.st_mode & S_IFMT) != S_IFREG {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
            return .direct(fd)
        }
        // A symbolic link keeps pointing where it did: the file it names is the one replaced.
        var target = path
        var linkStatus = stat()
        if lstat(path, &linkStatus) == 0 && (linkStatus.st_mode & S_IFMT) == S_IFLNK {
            guard exists, let resolved = realpath(path, nil) else {
                throw OutputError(message: "-o '\(path)' is a symbolic link to a file that does not exist; give the file itself")
            }
            target = String(cString: resolved)
            free(resolved)
        }
        // The temporary name is short whatever the final one's length (a name of 255 bytes,
        // the limit, must still work), and starts with '.' so listings skip it.
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let temporary = "\(directory).penalty-\(getpid()).partial"
        // An existing file keeps its permissions (results may be private: 0600); a new one
        // gets the usual 0666 less the umask.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, exists ? (status.st_mode & 0o7777) : 0o666)
        guard fd >= 0 else { throw OutputError(message: "cannot create '\(temporary)' beside '\(path)': \(String(cString: strerror(errno)))") }
        if exists { _ = fchmod(fd, status.st_mode & 0o7777) }
        return .replacing(fd, target: target, temporary: temporary)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 18 { flush() }
    }

    /// Writes bytes: large pieces go straight to the descriptor rather than through the buffer.
    func write(bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count < 1 << 18 {
            buffer.append(contentsOf: bytes)
            return
        }
        flush()
        if bytes.count < 1 << 18 {
            buffer.append(contentsOf: bytes)
        } else {
            writeAll(bytes)
        }
    }

    func flush() {
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Starts writing a file's data to disk in the background every 32 MiB.
    private func startWriteback(after count: Int) {
        guard temporaryPath != nil else { return }
        unsynced += count
        guard unsynced >= 32 << 20, syncing.wait(timeout: .now()) == .success else { return }
        unsynced = 0
        let descriptor = descriptor
        DispatchQueue.global(qos: .utility).async(group: syncing) { _ = fdatasync(descriptor) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                // Disk full, a closed pipe …: remembered, so that commit() fails rather than
                // putting a short file in place.
                if failure == nil { failure = String(cString: strerror(errno)) }
                return
            }
            written += count
        }
        startWriteback(after: written)
    }

    /// Makes the output visible: for a file, flushes, syncs and renames it into place.
    func commit() throws(OutputError) {
        flush()
        syncing.wait()
        if let failure {
            if let temporaryPath { close(descriptor); unlink(temporaryPath); OutputSink.removeOnSignal(nil) }
            throw OutputError(message: "cannot write '\(displayName)': \(failure)")
        }
        guard let finalPath, let temporaryPath else { return }
        guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporaryPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(message: "cannot write '\(displayName)': \(reason)")
        }
        OutputSink.removeOnSignal(nil)
    }

    /// Discards a file's output: the destination is left as it was.
    func abandon() {
        guard let temporaryPath else { flush(); return }
        syncing.wait()
        close(descriptor)
        unlink(temporaryPath)
        OutputSink.removeOnSignal(nil)
    }

    struct OutputError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    // The temporary file to remove if a signal ends the run, as a C string a signal handler can use.
    nonisolated(unsafe) private static var pathForSignals: UnsafeMutablePointer<CChar>? = nil

    private static func removeOnSignal(_ path: String?) {
        let old = pathForSignals
        pathForSignals = path.map { strdup($0) }
        free(old)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF] {
            signal(
                signalNumber,
                path == nil
                    ? SIG_DFL
                    : { signalNumber in
                        if let path = OutputSink.pathForSignals { unlink(path) }
                        _exit(128 + signalNumber)
                    })
        }
    }

    /// A crash (a trap, a bad access, an abort) removes the temporary file before the process
    /// dies as it would have; SIGQUIT ends the run like SIGTERM. Past a file-size limit
    /// (`ulimit -f`), writes fail with EFBIG instead of killing the process, and the run fails
    /// cleanly.
    private static func installFatalSignalHandlers() {
        signal(SIGXFSZ, SIG_IGN)
        // A closed pipe (`| head`, a closed stderr) makes writes fail with EPIPE rather than kill
        // the run: output to it fails the run with a message; a file given with -o is still
        // written, or its temporary file removed.
        signal(SIGPIPE, SIG_IGN)
        for signalNumber in [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV] {
            signal(signalNumber) { signalNumber in
                if let path = OutputSink.pathForSignals { unlink(path) }
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
        }
        signal(SIGQUIT) { signalNumber in
            if let path = OutputSink.pathForSignals { unlink(path) }
            _exit(128 + signalNumber)
        }
    }
}
