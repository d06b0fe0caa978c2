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

/// Complete rows without quotes, copied out of the reader's buffer, and the line the first
/// starts on.
struct PlainRows: Sendable {
    let bytes: [UInt8]
    let firstLine: Int
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
        let bytes = Array(source.buffer[position..<(position + cut)])
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
        let limit = max(1, min(maxBytes, maxRecordBytes))
        while source.buffer.count - position < limit && !source.atEnd {
            position -= try source.fill(keepingFrom: position)
        }
        let available = source.buffer.count - position
        if available == 0 { return nil }
        let region = min(available, limit)
        let reachesEnd = source.atEnd && region == available
        let start = position
        return source.buffer.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress! + start)
            let quote = memchr(base, 0x22, region)
            let plain = quote.map { UnsafeRawPointer($0) - base } ?? region
            if quote == nil && reachesEnd { return plain }  // the rest of the input
            var last = plain  // the last line feed before the quote (rows are short: from the end)
            while last > 0 && buffer[start + last - 1] != 0x0A { last -= 1 }
            return last
        }
    }

    /// Row ends in quote-free bytes: each LF, and each CR not followed by LF.
    static func lineBreaks(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            let count = buffer.count
            var newlines = 0, index = 0
            // Eight bytes at a time: a byte of `x` is zero exactly where the byte was LF, and
            // the expression sets the high bit of exactly those bytes (no carries between bytes).
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
            let raw = UnsafeRawPointer(base)
            while count - index >= 8 {
                let x = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ lineFeeds
                newlines += (~(((x & low7) &+ low7) | x | low7)).nonzeroBitCount
                index += 8
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
