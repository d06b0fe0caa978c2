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
    /// Whether reads name their offset (`pread`) instead of moving the descriptor's position, so
    /// that several sources read one file at once (the duplicate-id screen's parts).
    private let positional: Bool

    init(descriptor: Int32, chunkSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.chunkSize = chunkSize
        whole = nil
        var status = stat()
        let position = lseek(descriptor, 0, SEEK_CUR)
        seekable = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && position >= 0
        origin = max(0, position)
        positional = false
    }

    /// A source of the same regular file from byte `start` of its input on, reading by offset:
    /// it leaves the descriptor's position alone, and other sources may read the file meanwhile.
    /// Nil when this source cannot be read that way (a pipe, bytes in memory).
    func positionalCopy(from start: Int, chunkSize: Int = 1 << 20) -> ByteSource? {
        guard seekable, whole == nil, start >= 0 else { return nil }
        return ByteSource(descriptor: descriptor, origin: origin, start: start, chunkSize: chunkSize)
    }

    private init(descriptor: Int32, origin: off_t, start: Int, chunkSize: Int) {
        self.descriptor = descriptor
        self.chunkSize = chunkSize
        self.origin = origin
        whole = nil
        seekable = true
        positional = true
        offset = start
    }

    /// A source over bytes already in memory.
    init(bytes: [UInt8]) {
        descriptor = -1
        chunkSize = 0
        buffer = bytes
        whole = bytes
        seekable = true
        origin = 0
        positional = false
        atEnd = true
    }

    /// The offset just past the first LF at or after byte `offset` of the input, looked for by
    /// offset in the MiB from there; nil if there is none, or the input cannot be read by offset.
    func lineStart(after offset: Int) -> Int? {
        guard seekable, whole == nil, offset >= 0 else { return nil }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var at = offset
        while at < offset + (1 << 20) {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, origin + off_t(at)) }
            guard count > 0 else { return nil }
            if let index = chunk[..<count].firstIndex(of: 0x0A) { return at + index + 1 }
            at += count
        }
        return nil
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
        guard positional || lseek(descriptor, origin + off_t(target), SEEK_SET) == origin + off_t(target) else {
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
            let next = origin + off_t(offset + oldCount)
            readCount = buffer.withUnsafeMutableBufferPointer { bytes in
                positional ? pread(descriptor, bytes.baseAddress! + oldCount, chunkSize, next) : read(descriptor, bytes.baseAddress! + oldCount, chunkSize)
            }
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
