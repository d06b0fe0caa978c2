#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor in large chunks into a buffer that a reader scans in place. Consumed
/// bytes are dropped only when more are read, so scanning costs nothing per record.
final class ByteSource {
    private let descriptor: Int32
    private let chunkSize: Int
    /// The bytes read and not yet dropped.
    private(set) var buffer: [UInt8] = []
    /// The absolute offset of `buffer[0]` in the input.
    private(set) var offset = 0
    private(set) var atEnd = false

    /// The input as a whole, when it is in memory: kept so that reading can go back.
    private let whole: [UInt8]?
    /// Whether the descriptor is a regular file, which can be read again from an offset.
    private let seekable: Bool
    /// Where the input began in the file (not 0 when standard input is a file already partly
    /// read): offsets count from there.
    private let origin: off_t

    init(descriptor: Int32, chunkSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.chunkSize = chunkSize
        whole = nil
        var status = stat()
        let position = lseek(descriptor, 0, SEEK_CUR)
        seekable = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && position >= 0
        origin = max(0, position)
    }

    /// A source over bytes already in memory.
    init(bytes: [UInt8]) {
        descriptor = -1
        chunkSize = 0
        buffer = bytes
        whole = bytes
        seekable = true
        origin = 0
        atEnd = true
    }

    /// Goes back (or forward) to the absolute offset `target` of the input, dropping the
    /// buffer; false when the input cannot be read again (a pipe, a terminal).
    func rewind(to target: Int) throws(Batch.FileError) -> Bool {
        guard seekable, target >= 0 else { return false }
        if let whole {
            guard target <= whole.count else { return false }
            buffer = Array(whole[target...])
            offset = target
            return true
        }
        guard lseek(descriptor, origin + off_t(target), SEEK_SET) == origin + off_t(target) else {
            throw Batch.FileError(description: "cannot read the input again from byte \(target): \(String(cString: strerror(errno)))")
        }
        buffer = []
        offset = target
        atEnd = false
        return true
    }

    /// Drops the bytes before `keep` and reads one more chunk. Returns how many bytes were
    /// dropped (indices into the buffer shift down by that much); at end of input sets `atEnd`.
    func fill(keepingFrom keep: Int) throws(Batch.FileError) -> Int {
        if keep > 0 {
            buffer.removeSubrange(0..<keep)
            offset += keep
        }
        guard !atEnd else { return keep }
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        var readCount = 0
        repeat {
            readCount = buffer.withUnsafeMutableBufferPointer { read(descriptor, $0.baseAddress! + oldCount, chunkSize) }
        } while readCount < 0 && errno == EINTR
        guard readCount >= 0 else {
            buffer.removeLast(chunkSize)
            throw Batch.FileError(description: "cannot read the input: \(String(cString: strerror(errno)))")
        }
        buffer.removeLast(chunkSize - readCount)
        if readCount == 0 { atEnd = true }
        return keep
    }

    /// Reads until `limit` bytes from `position` are held or the input ends (`position` follows
    /// the buffer as consumed bytes are dropped). Returns the bytes held from `position`, the
    /// first `limit` of them (`region`), and whether that region runs to the end of the input.
    func hold(_ limit: Int, from position: inout Int) throws(Batch.FileError) -> (available: Int, region: Int, reachesEnd: Bool) {
        while buffer.count - position < limit && !atEnd { position -= try fill(keepingFrom: position) }
        let available = buffer.count - position
        let region = min(available, limit)
        return (available, region, atEnd && region == available)
    }

    /// Bytes read from the descriptor so far.
    var bytesRead: Int { offset + buffer.count }
}
