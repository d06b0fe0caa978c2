#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stretch of CSV input for the byte-level batch: either many plain rows at once, or one row
/// the general reader has read.
enum InputSpan: Sendable {
    /// Complete rows containing no quote character, so every CR, LF or CRLF ends a row.
    case rows(PlainRows)
    /// One row read by the general reader: one with a quoted field, one too long, one that
    /// could not be read.
    case record(InputRecord)
}

/// Complete rows without quotes, and the line the first starts on. The bytes are a slice of a
/// buffer the reader no longer writes to (it moves on to a new one when it reads more), so
/// cutting a span copies nothing.
struct PlainRows: Sendable {
    let bytes: ArraySlice<UInt8>
    let firstLine: Int
}

extension PlainRows {
    /// The rows from byte `index` of the span (a row's start) on, the first on `line`.
    func rest(from index: Int, line: Int) -> PlainRows {
        PlainRows(bytes: bytes[(bytes.startIndex + index)...], firstLine: line)
    }

    /// Moves `index`, on a row's end, past its line break: LF, CRLF or a lone CR.
    @inline(__always)
    static func skipLineBreak(_ bytes: UnsafePointer<UInt8>, _ index: inout Int, end: Int) {
        if index < end { index += bytes[index] == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1 }
    }

    /// The line at `index` without its line break, moving `index` to the next line (a JSON Lines
    /// row is one line: no line break can be inside a JSON string).
    @inline(__always)
    static func nextLine(_ bytes: UnsafePointer<UInt8>, _ index: inout Int, end: Int) -> Range<Int> {
        let start = index
        index = PlainRowScan.nextLineBreak(bytes, from: index, end: end)
        let lineEnd = index
        skipLineBreak(bytes, &index, end: end)
        return start..<lineEnd
    }

    /// How many of the `within` bytes from `start` are whole rows: up to the last row end,
    /// searched from the end (rows are short), a LF or a CR whose next byte is known not to be
    /// LF (a CR-only file ends rows that way; cutting between CR and LF would count one line
    /// break twice); 0 when there is none. `available` bytes from `start` are in `buffer`.
    static func lastRowEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, within: Int, available: Int) -> Int {
        var last = within
        while last > 0 {
            let byte = buffer[start + last - 1]
            if byte == 0x0A { break }
            if byte == 0x0D && last < available && buffer[start + last] != 0x0A { break }
            last -= 1
        }
        return last
    }
}

extension CSVRecordReader {
    /// The next span of at most `maxBytes` bytes, or nil at the end of the input.
    ///
    /// Rows before the next quote character are cut off whole, after a line break, and
    /// returned as ``PlainRows``; there, no byte can open a quoted field, so any later scan of
    /// them splits them exactly as ``next()`` would. A row containing a quote, or longer than
    /// the span, is read by ``next()`` with all its rules (quoted line breaks, recovery after an
    /// unbalanced quote, the row-length limit).
    mutating func nextSpan(maxBytes: Int) throws(Batch.FileError) -> InputSpan? {
        guard let cut = try nextPlainCut(maxBytes: maxBytes) else { return nil }
        guard cut > 0 else { return try next().map(InputSpan.record) }
        let bytes = source.buffer[position..<(position + cut)]
        let span = PlainRows(bytes: bytes, firstLine: line)
        line += CSVRecordReader.lineBreaks(in: bytes)
        position += cut
        return .rows(span)
    }

    /// One step of a pass that looks at plain rows only in place (the duplicate-id screen):
    /// passes the next plain rows to `body` without copying them, or returns the next row the
    /// general reader read. Line numbers are not kept up to date by this pass.
    mutating func screenStep(maxBytes: Int, rows body: (UnsafeBufferPointer<UInt8>) -> Void) throws(Batch.FileError) -> ScreenStep {
        guard let cut = try nextPlainCut(maxBytes: maxBytes) else { return .end }
        guard cut > 0 else { return try next().map(ScreenStep.record) ?? .end }
        source.buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[position..<(position + cut)])) }
        position += cut
        return .rows
    }

    enum ScreenStep {
        case rows
        case record(InputRecord)
        case end
    }

    /// How many bytes from `position` are whole plain rows (at most `maxBytes`, ending after a
    /// line break or at the end of the input, before any quote); 0 when the next row must be
    /// read by ``next()``; nil at the end of the input.
    private mutating func nextPlainCut(maxBytes: Int) throws(Batch.FileError) -> Int? {
        let (available, region, reachesEnd) = try source.hold(max(1, min(maxBytes, maxRecordBytes)), from: &position)
        if available == 0 { return nil }
        let start = position
        return source.buffer.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress! + start)
            let quote = memchr(base, 0x22, region)
            let plain = quote.map { UnsafeRawPointer($0) - base } ?? region
            if quote == nil && reachesEnd { return plain }  // the rest of the input
            return PlainRows.lastRowEnd(buffer, from: start, within: plain, available: available)
        }
    }

    /// Row ends in quote-free bytes: each LF, and each CR not followed by LF.
    static func lineBreaks(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            let count = buffer.count
            var newlines = 0, index = 0
            // 16 bytes at a time: a lane of the comparison is all ones (-1) where the byte is LF,
            // so subtracting it counts; byte lanes are summed before they can wrap.
            let raw = UnsafeRawPointer(base)
            let lineFeed = SIMD16<Int8>(repeating: 0x0A)
            while count - index >= 16 {
                var lanes = SIMD16<Int8>()
                let stop = min(count - 15, index + 16 * 127)
                while index < stop {
                    let chunk = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self)
                    lanes &-= unsafeBitCast(chunk .== lineFeed, to: SIMD16<Int8>.self)
                    index += 16
                }
                newlines += Int(SIMD16<Int16>(truncatingIfNeeded: lanes).wrappedSum())
            }
            while index < count {
                if base[index] == 0x0A { newlines += 1 }
                index += 1
            }
            guard memchr(base, 0x0D, count) != nil else { return newlines }
            var lone = 0
            for index in 0..<count where base[index] == 0x0D {
                if index + 1 >= count || base[index + 1] != 0x0A { lone += 1 }
            }
            return newlines + lone
        }
    }
}
