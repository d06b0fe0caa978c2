#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes text to standard error, unbuffered (diagnostics must not wait behind results).
func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let count = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress!, $0.count) }
        if count < 0 { if errno == EINTR { continue } else { return } }
        bytes = bytes.dropFirst(count)
    }
}
