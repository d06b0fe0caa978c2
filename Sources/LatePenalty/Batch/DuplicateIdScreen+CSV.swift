#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DuplicateIdScreen {
    /// Runs the first pass over a CSV reader, reading only the `id` column: from the bytes of
    /// plain rows (`InputSpan`), decoded only when an id is not ASCII. Given the input's size,
    /// the filter is sized for it (about 16 bits per row of 32 bytes, up to 16 MiB), so small
    /// files do not pay for a large one. With `jobs` over 1, a file of 8 MiB or more read from a
    /// descriptor is screened in as many parts at once, one thread each, with the same result.
    public static func screen(_ reader: inout CSVRecordReader, inputBytes: Int? = nil, jobs: Int = 1) throws(Batch.FileError) -> DuplicateIdScreen {
        guard reader.columns.contains("id") else { return DuplicateIdScreen(log2Bits: inputBytes.map(log2Bits(forInputBytes:)) ?? 27) }
        return try firstPass(&reader, inputBytes: inputBytes, jobs: jobs).screen
    }

    /// Reads the ids of `reader`'s rows up to byte `end` of the input (nil: to its end) and
    /// passes their hashes (`IdHash`) to `note`, many at a time. Returns the byte the reading
    /// stopped at: a row's end, `end` itself unless a row ran over it.
    static func noteIds(
        _ reader: inout CSVRecordReader, column: Int, until end: Int?, note: (UnsafeBufferPointer<Int>) -> Void
    ) throws(Batch.FileError) -> Int {
        let encoding = reader.encoding
        // Hashes noted 256 at a time (see add(hashes:)).
        let pending = UnsafeMutableBufferPointer<Int>.allocate(capacity: 256)
        defer { pending.deallocate() }
        var pendingCount = 0
        func add(_ hash: Int) { collect(hash, into: pending, count: &pendingCount, note: note) }
        func plainRows(_ buffer: UnsafeBufferPointer<UInt8>) {
            guard let bytes = buffer.baseAddress else { return }
            let end = buffer.count
            let loneCarriageReturns = memchr(bytes, 0x0D, end) != nil
            var index = 0
            while index < end {
                // Find the id field: past `column` commas, before a line break.
                var commas = 0, fieldStart = index
                while true {
                    index = PlainRowScan.nextSpecial(bytes, from: index, end: end)
                    if index >= end { break }
                    let byte = bytes[index]
                    if byte == 0x0A || byte == 0x0D { break }
                    if byte == 0x2C {
                        if commas == column { break }
                        commas += 1
                        fieldStart = index + 1
                    }
                    index += 1
                }
                if commas == column {
                    let (start, stop) = ByteFields.trimmed(bytes, fieldStart, index)
                    if stop > start {
                        if let hash = asciiHash(bytes, start, stop) {
                            add(hash)
                        } else if case .success(let text) = encoding.decode(Array(buffer[start..<stop])[...]) {
                            // Decoding trims nothing more (the bytes were trimmed); an
                            // undecodable id is an error row, never checked for repeats.
                            let id = String(text.trimmingSpaces)
                            if !id.isEmpty { add(IdHash.of(id)) }
                        }
                    }
                }
                // Move past the line break ending the row.
                if !loneCarriageReturns, index < end, bytes[index] != 0x0A,
                    let newline = memchr(bytes + index, 0x0A, end - index)
                {
                    index = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - bytes
                }
                index = PlainRowScan.nextLineBreak(bytes, from: index, end: end)
                PlainRows.skipLineBreak(bytes, &index, end: end)
            }
        }
        loop: while true {
            // A part stops at its end: its last plain rows are cut there, which is a row's end
            // when the part before it was cut right.
            let maxBytes = end.map { $0 - reader.bytesRead } ?? 1 << 20
            guard maxBytes > 0 else { break }
            switch try reader.screenStep(maxBytes: min(maxBytes, 1 << 20), rows: plainRows) {
            case .rows: continue
            case .record(let record): if let id = record.fields["id"], !id.isEmpty { add(IdHash.of(id)) }
            case .end: break loop
            }
        }
        note(UnsafeBufferPointer(rebasing: pending[0..<pendingCount]))
        return reader.bytesRead
    }

    static func log2Bits(forInputBytes bytes: Int) -> Int {
        let bits = max(1, bytes / 2)  // 16 bits for each 32 bytes
        return min(27, max(16, Int.bitWidth - (bits - 1).leadingZeroBitCount))
    }

    /// The hash of an ASCII id, or nil when the id has other bytes and must be decoded first.
    @inline(__always)
    private static func asciiHash(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        for index in start..<end where bytes[index] == 0 || bytes[index] >= 0x80 { return nil }
        return IdHash.of(bytes + start, count: end - start)
    }
}
