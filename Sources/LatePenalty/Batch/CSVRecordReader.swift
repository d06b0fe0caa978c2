/// Reads CSV rows one at a time by RFC 4180: fields separated by `,`, rows by CRLF or LF; a field
/// in double quotes may contain `,`, line breaks and `""` for a quote. The first row names the
/// columns. A UTF-8 byte-order mark is skipped; blank lines are skipped.
///
/// Works on bytes: `,`, `"`, CR and LF never occur inside a Shift_JIS character, so the same
/// scanner serves both encodings, and each field is decoded on its own. A malformed row (an
/// unbalanced quote, a stray quote, a wrong number of fields, bytes that are not valid text)
/// becomes an `InputRecord` with an error naming its line, and reading resumes at the next line.
/// Memory is bounded by the chunk size and the longest row (at most ``maxRecordBytes``).
public struct CSVRecordReader: RecordReader {
    /// A row longer than this is reported and skipped rather than buffered.
    public static let maxRecordBytes = 16 << 20

    // Internal rather than private: the span reader (CSVRecordReader+Spans.swift) works on them.
    let source: ByteSource
    let encoding: TextEncoding
    var position = 0
    var line = 1
    private(set) var names: [String] = []
    let maxRecordBytes: Int

    /// The column names of the header row.
    public var columns: [String] { names }
    public var bytesRead: Int { source.offset + position }

    /// Reads the header row from `descriptor`.
    public init(descriptor: Int32, encoding: TextEncoding, maxRecordBytes: Int = CSVRecordReader.maxRecordBytes) throws(Batch.FileError) {
        try self.init(source: ByteSource(descriptor: descriptor), encoding: encoding, maxRecordBytes: maxRecordBytes)
    }

    /// Reads the header row from bytes in memory.
    public init(bytes: [UInt8], encoding: TextEncoding = .utf8, maxRecordBytes: Int = CSVRecordReader.maxRecordBytes) throws(Batch.FileError) {
        try self.init(source: ByteSource(bytes: bytes), encoding: encoding, maxRecordBytes: maxRecordBytes)
    }

    private init(source: ByteSource, encoding: TextEncoding, maxRecordBytes: Int) throws(Batch.FileError) {
        self.source = source
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
        if encoding == .utf8 {
            while source.buffer.count < 3 && !source.atEnd { position -= try source.fill(keepingFrom: position) }
            if source.buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        guard let header = try nextRaw() else {
            throw Batch.FileError(description: "the file is empty: expected a header row naming the columns (id,regime,amount,…)")
        }
        if let error = header.error { throw Batch.FileError(description: "line \(header.line): the header row is malformed: \(error)") }
        var decoded: [String] = []
        for (index, field) in header.fields.enumerated() {
            switch encoding.decode(field) {
            case .success(let text): decoded.append(String(text.trimmingSpaces))
            case .failure(let failure): throw Batch.FileError(description: "line \(header.line): header column \(index + 1) \(failure.reason)")
            }
        }
        names = decoded
    }

    public mutating func next() throws(Batch.FileError) -> InputRecord? {
        guard let raw = try nextRaw() else { return nil }
        if let error = raw.error { return InputRecord(line: raw.line, fields: [:], error: InputError(field: nil, reason: error)) }
        return CSVRecordReader.record(line: raw.line, fields: raw.fields, names: names, encoding: encoding)
    }

    /// A row's record from its fields' bytes: each field decoded and trimmed, the first field
    /// that cannot be decoded named, and a field count that differs from the header's reported.
    static func record(line: Int, fields raw: [ArraySlice<UInt8>], names: [String], encoding: TextEncoding) -> InputRecord {
        var fields: [String: String] = [:]
        var failure: InputError? = nil
        for (index, bytes) in raw.enumerated() {
            let name = index < names.count ? names[index] : "column \(index + 1)"
            switch encoding.decode(bytes) {
            case .success(let text):
                if index < names.count { fields[name] = String(text.trimmingSpaces) }
            case .failure(let reason):
                if failure == nil { failure = InputError(field: name, reason: reason.reason) }
            }
        }
        if failure == nil && raw.count != names.count {
            failure = InputError(field: nil, reason: "has \(raw.count) fields but the header has \(names.count)")
        }
        return InputRecord(line: line, fields: fields, error: failure)
    }

    /// One row's fields as bytes (quotes removed, `""` unescaped), or why it is malformed.
    struct RawRecord {
        let line: Int
        let fields: [ArraySlice<UInt8>]
        let error: String?
    }

    enum Scan {
        case complete(fields: [(Range<Int>, Bool)], next: Int, lines: Int, failure: String?)
        case needMore(inQuote: Bool)
        case unbalanced
    }

    private mutating func nextRaw() throws(Batch.FileError) -> RawRecord? {
        while true {
            if position >= source.buffer.count {
                if source.atEnd { return nil }
                position -= try source.fill(keepingFrom: position)
                continue
            }
            let startLine = line
            switch CSVRecordReader.scan(source.buffer, from: position, atEnd: source.atEnd) {
            case .complete(let ranges, let next, let lines, let failure):
                let buffer = source.buffer
                let length = next - position
                position = next
                line += lines
                if length > maxRecordBytes {
                    return RawRecord(line: startLine, fields: [], error: "the row is longer than \(maxRecordBytes >> 20) MiB; it is skipped")
                }
                if ranges.count == 1 && ranges[0].0.isEmpty && failure == nil { continue }  // blank line
                if let failure { return RawRecord(line: startLine, fields: [], error: failure) }
                return RawRecord(line: startLine, fields: ranges.map { CSVRecordReader.unquote(buffer, $0.0, quoted: $0.1) }, error: nil)
            case .unbalanced:
                try skipPastLineBreak()
                return RawRecord(line: startLine, fields: [], error: "a quoted field is not closed (unbalanced \"); the row is skipped and reading resumes on the next line")
            case .needMore(let inQuote):
                if source.buffer.count - position > maxRecordBytes {
                    if inQuote, source.buffer[position...].contains(UInt8(ascii: "\n")) {
                        try skipPastLineBreak()
                        return RawRecord(line: startLine, fields: [], error: "a quoted field is not closed within \(maxRecordBytes >> 20) MiB (unbalanced \"); the row is skipped and reading resumes on the next line")
                    }
                    try skipPastLineBreak()
                    return RawRecord(line: startLine, fields: [], error: "the row is longer than \(maxRecordBytes >> 20) MiB; it is skipped")
                }
                position -= try source.fill(keepingFrom: position)
            }
        }
    }

    /// Moves past the next line break, dropping the bytes before it as it reads (recovery after an
    /// unbalanced quote, or past a row too long to keep).
    private mutating func skipPastLineBreak() throws(Batch.FileError) {
        while true {
            if let newline = source.buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                position = newline + 1
                line += 1
                return
            }
            if source.atEnd { position = source.buffer.count; return }
            position -= try source.fill(keepingFrom: source.buffer.count)
        }
    }

    /// Finds the end of the row starting at `start`.
    static func scan(_ buffer: [UInt8], from start: Int, atEnd: Bool) -> Scan {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var fields: [(Range<Int>, Bool)] = []
        var index = start, fieldStart = start
        var inQuote = false, wasQuoted = false
        // A quoted field that ran over a line break and is then not followed by a delimiter is
        // almost always a quote left open on an earlier line that a later stray quote "closed":
        // report it as unbalanced rather than swallow the rows in between.
        var quoteSpannedLines = false
        var lines = 0
        var failure: String? = nil
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if inQuote {
                if byte == quote {
                    if index + 1 < count {
                        if buffer[index + 1] == quote { index += 2; continue }
                        inQuote = false; index += 1; continue
                    }
                    if !atEnd { return .needMore(inQuote: true) }
                    inQuote = false; index += 1; continue
                }
                if byte == lf { lines += 1; quoteSpannedLines = true }
                index += 1
                continue
            }
            switch byte {
            case comma:
                fields.append((fieldStart..<index, wasQuoted))
                index += 1; fieldStart = index; wasQuoted = false; quoteSpannedLines = false
            case quote:
                if index == fieldStart && !wasQuoted {
                    inQuote = true; wasQuoted = true
                } else if wasQuoted && quoteSpannedLines {
                    return .unbalanced
                } else if failure == nil {
                    failure = "a quote (\") inside a field that is not quoted, or after a closing quote; quote the whole field and double the quotes inside it"
                }
                index += 1
            case cr:
                if index + 1 >= count && !atEnd { return .needMore(inQuote: false) }
                fields.append((fieldStart..<index, wasQuoted))
                let next = index + 1 < count && buffer[index + 1] == lf ? index + 2 : index + 1
                return .complete(fields: fields, next: next, lines: lines + 1, failure: failure)
            case lf:
                fields.append((fieldStart..<index, wasQuoted))
                return .complete(fields: fields, next: index + 1, lines: lines + 1, failure: failure)
            default:
                if wasQuoted && quoteSpannedLines { return .unbalanced }
                if wasQuoted && failure == nil { failure = "text follows a closing quote; quote the whole field" }
                index += 1
            }
        }
        if !atEnd { return .needMore(inQuote: inQuote) }
        if inQuote { return .unbalanced }
        fields.append((fieldStart..<count, wasQuoted))
        return .complete(fields: fields, next: count, lines: 0, failure: failure)
    }

    /// The bytes of a field: without its surrounding quotes, `""` read as `"`.
    static func unquote(_ buffer: [UInt8], _ range: Range<Int>, quoted: Bool) -> ArraySlice<UInt8> {
        guard quoted, range.count >= 2 else { return buffer[range] }
        let inner = buffer[(range.lowerBound + 1)..<(range.upperBound - 1)]
        guard inner.contains(UInt8(ascii: "\"")) else { return inner }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(inner.count)
        var skipNext = false
        for byte in inner {
            if skipNext { skipNext = false; continue }
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { skipNext = true }
        }
        return bytes[...]
    }
}
