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

    /// The most fields a row may have (a spreadsheet has at most 16,384 columns). Without a bound,
    /// a 16 MiB row of commas would be eight million fields and half a gigabyte of their ranges.
    public static let maxFields = 1 << 16

    // Internal rather than private: the span reader (CSVRecordReader+Spans.swift) works on them.
    let source: ByteSource
    let encoding: TextEncoding
    var position = 0
    var line = 1
    private(set) var names: [String] = []
    let maxRecordBytes: Int
    /// The columns a record keeps (``valueColumns`` unless the reader was made for others).
    let kept: Set<String>

    /// The column names of the header row.
    public var columns: [String] { names }
    public var bytesRead: Int { source.offset + position }

    /// Reads the header row from `descriptor`. A record keeps the `keeping` columns (by default
    /// every field a regime reads, with `id` and `regime`); other columns are checked, not kept.
    public init(
        descriptor: Int32, encoding: TextEncoding, maxRecordBytes: Int = CSVRecordReader.maxRecordBytes, keeping: Set<String>? = nil
    ) throws(Batch.FileError) {
        try self.init(source: ByteSource(descriptor: descriptor), encoding: encoding, maxRecordBytes: maxRecordBytes, keeping: keeping)
    }

    /// Reads the header row from bytes in memory.
    public init(
        bytes: [UInt8], encoding: TextEncoding = .utf8, maxRecordBytes: Int = CSVRecordReader.maxRecordBytes, keeping: Set<String>? = nil
    ) throws(Batch.FileError) {
        try self.init(source: ByteSource(bytes: bytes), encoding: encoding, maxRecordBytes: maxRecordBytes, keeping: keeping)
    }

    private init(source: ByteSource, encoding: TextEncoding, maxRecordBytes: Int, keeping: Set<String>?) throws(Batch.FileError) {
        self.source = source
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
        kept = keeping ?? CSVRecordReader.valueColumns
        while source.buffer.count < 3 && !source.atEnd { position -= try source.fill(keepingFrom: position) }
        if encoding == .utf8 {
            if source.buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        } else if let problem = TextEncoding.utf8Evidence(in: source.buffer[...], atEnd: source.atEnd) {
            throw Batch.FileError(
                description:
                    "the file looks like UTF-8, not Shift_JIS: \(problem); run with --encoding utf-8 (read as Shift_JIS, its text would turn into other characters, 文字化け)"
            )
        }
        guard let header = try nextRaw() else {
            throw Batch.FileError(description: "the file is empty: expected a header row naming the columns (id,regime,amount,…)")
        }
        if let error = header.error { throw Batch.FileError(description: "line \(header.line): the header row is malformed: \(error)") }
        if let count = header.fieldCount, count > CSVRecordReader.maxFields {
            throw Batch.FileError(
                description:
                    "line \(header.line): the header has \(count) columns, more than the \(CSVRecordReader.maxFields) a row may have; remove the columns not needed"
            )
        }
        var decoded: [String] = []
        for (index, field) in header.fields.enumerated() {
            switch encoding.decode(field) {
            case .success(let text): decoded.append(String(text.trimmingSpaces))
            case .failure(let failure): throw Batch.FileError(description: "line \(header.line): header column \(index + 1) \(failure.reason)")
            }
        }
        var firstColumnOfName: [String: Int] = [:]
        for (index, name) in decoded.enumerated() where !name.isEmpty {
            if let first = firstColumnOfName[name] {
                throw Batch.FileError(
                    description:
                        "line \(header.line): the header names column '\(name)' twice (columns \(first + 1) and \(index + 1)); which value to use would be a guess, so rename or remove one"
                )
            }
            firstColumnOfName[name] = index
        }
        names = decoded
    }

    /// A reader of the same file's rows from byte `offset` of the input (a row's start, past the
    /// header), with this reader's columns and rules, reading by offset so that several readers
    /// may read the file at once. Its line numbers count from 1 there. Nil when the input cannot
    /// be read again from an offset (a pipe, bytes in memory).
    func part(from offset: Int) -> CSVRecordReader? {
        guard let source = source.positionalCopy(from: offset) else { return nil }
        return CSVRecordReader(source: source, names: names, encoding: encoding, maxRecordBytes: maxRecordBytes, kept: kept)
    }

    /// The offset just past the first line break (LF) at or after byte `offset` of the input,
    /// within a MiB; nil if none, or the input cannot be read by offset.
    func lineStart(after offset: Int) -> Int? { source.lineStart(after: offset) }

    private init(source: ByteSource, names: [String], encoding: TextEncoding, maxRecordBytes: Int, kept: Set<String>) {
        self.source = source
        self.names = names
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
        self.kept = kept
    }

    public mutating func next() throws(Batch.FileError) -> InputRecord? {
        guard let raw = try nextRaw() else { return nil }
        if let error = raw.error {
            // Keep what could be read before the malformed field (the id, most often) for the
            // output row; the error names the field.
            let kept = CSVRecordReader.record(line: raw.line, fields: raw.fields, names: names, encoding: encoding, complete: false, keeping: self.kept)
            let field = raw.failedField.map { $0 < names.count ? names[$0] : "column \($0 + 1)" }
            return InputRecord(line: raw.line, fields: kept.fields, error: InputError(field: field, reason: error))
        }
        return CSVRecordReader.record(line: raw.line, fields: raw.fields, names: names, encoding: encoding, fieldCount: raw.fieldCount, keeping: kept)
    }

    /// A row's record from its fields' bytes: each field decoded and trimmed, the first field
    /// that cannot be decoded named, and a field count that differs from the header's reported.
    static func record(
        line: Int, fields raw: [ArraySlice<UInt8>], names: [String], encoding: TextEncoding, complete: Bool = true, fieldCount: Int? = nil,
        keeping: Set<String> = CSVRecordReader.valueColumns
    ) -> InputRecord {
        var fields: [String: String] = [:]
        var failure: InputError? = nil
        for (index, bytes) in raw.enumerated() {
            let name = index < names.count ? names[index] : "column \(index + 1)"
            switch encoding.decode(bytes) {
            case .success(let text):
                // Columns no regime reads are decoded (a field that is not valid text is still
                // reported) but not kept: a row of 400,000 memo columns stays small.
                if index < names.count && keeping.contains(name) { fields[name] = String(text.trimmingSpaces) }
            case .failure(let reason):
                if failure == nil { failure = InputError(field: name, reason: reason.reason) }
            }
        }
        let count = fieldCount ?? raw.count
        if complete && failure == nil && count != names.count {
            failure = InputError(field: nil, reason: "has \(count) field\(count == 1 ? "" : "s") but the header has \(names.count)")
        }
        return InputRecord(line: line, fields: fields, error: failure)
    }

    /// One row's fields as bytes (quotes removed, `""` unescaped), or why it is malformed.
    struct RawRecord {
        let line: Int
        let fields: [ArraySlice<UInt8>]
        let error: String?
        /// The index of the field the error is in, when it is in one.
        var failedField: Int? = nil
        /// How many fields the row has: more than `fields` holds past ``maxFields``.
        var fieldCount: Int? = nil
    }

    enum Scan {
        /// A row: its fields (at most ``maxFields``, and how many more there were), where the
        /// next row starts, the line breaks it ends or holds, whether a quoted field holds one,
        /// and the first malformed field with why.
        case complete(fields: [(Range<Int>, Bool)], extraFields: Int, next: Int, lines: Int, spansLines: Bool, failure: (field: Int, reason: String)?)
        case needMore
        /// A quote left open; the fields before it.
        case unbalanced(fields: [(Range<Int>, Bool)])
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
            case .complete(let ranges, let extraFields, let next, let lines, let spansLines, let failure):
                // A quoted field that ran over line breaks into a row of the wrong shape, or in a
                // column whose values never hold one, is a quote left open that a later stray
                // quote "closed": the rows in between are rows of their own, so only this line
                // is reported and reading resumes after it.
                if spansLines && !names.isEmpty
                    && (ranges.count + extraFields != names.count
                        || ranges.indices.contains(where: { index in
                            singleLine(index) && source.buffer[ranges[index].0].contains(where: { $0 == 0x0A || $0 == 0x0D })
                        }))
                {
                    return try unbalanced(ranges, startLine: startLine)
                }
                let buffer = source.buffer
                let length = next - position
                position = next
                line += lines
                if length > maxRecordBytes { return tooLong(startLine, lines: lines, kept: CSVRecordReader.leadingFields(buffer, ranges)) }
                if ranges.count == 1 && ranges[0].0.isEmpty && failure == nil { continue }  // blank line
                let fields = ranges.map { CSVRecordReader.unquote(buffer, $0.0, quoted: $0.1) }
                if let failure {
                    // The fields before the malformed one are kept, so that the row keeps its id.
                    return RawRecord(line: startLine, fields: Array(fields.prefix(failure.field)), error: failure.reason, failedField: failure.field)
                }
                return RawRecord(line: startLine, fields: fields, error: nil, fieldCount: fields.count + extraFields)
            case .unbalanced(let ranges):
                return try unbalanced(ranges, startLine: startLine)
            case .needMore:
                if source.buffer.count - position > maxRecordBytes { return try skipLongRow(startLine: startLine) }
                position -= try source.fill(keepingFrom: position)
            }
        }
    }

    /// Whether the column at `index` holds a value a regime reads (or the id): a line break is
    /// never part of such a value, so one inside its quotes means a quote left open. Only the
    /// other columns (a memo, 備考) may hold line breaks, as a spreadsheet writes them.
    func singleLine(_ index: Int) -> Bool {
        index < names.count && kept.contains(names[index])
    }

    /// The names of every field some regime reads, with `id` and `regime`: the only columns a
    /// record keeps. Every catalog's regimes read fields from this one set (a rate file changes
    /// a regime's data, not the fields it reads), so no batch needs a column dropped here.
    static let valueColumns = RegimeCatalog.bundled.knownFields

    /// The row at `position` as one with a quote left open: the fields before the first that
    /// runs over a line break are kept (the id, most often), and reading resumes on the next line.
    private mutating func unbalanced(_ ranges: [(Range<Int>, Bool)], startLine: Int) throws(Batch.FileError) -> RawRecord {
        let buffer = source.buffer
        let kept = ranges.prefix { !buffer[$0.0].contains(where: { $0 == 0x0A || $0 == 0x0D }) }
            .map { CSVRecordReader.unquote(buffer, $0.0, quoted: $0.1) }
        try skipPastLineBreak()
        return RawRecord(line: startLine, fields: kept, error: CSVRecordReader.unbalancedMessage, failedField: kept.count)
    }

    static let unbalancedMessage = "a quoted field is not closed (unbalanced \"); the row is skipped and reading resumes on the next line"

    private func tooLong(_ startLine: Int, lines: Int, kept: [ArraySlice<UInt8>] = []) -> RawRecord {
        let span = lines > 1 ? " (lines \(startLine)–\(startLine + lines - 1))" : ""
        return RawRecord(
            line: startLine, fields: kept,
            error: "the row is longer than \(maxRecordBytes >> 20 > 0 ? "\(maxRecordBytes >> 20) MiB" : "\(maxRecordBytes) bytes")\(span); it is skipped")
    }

    /// The first fields of a row too long to keep, up to 64 KiB and before any line break, for
    /// its error row (the id, most often); copied, so that the row's buffer is not held.
    static func leadingFields(_ buffer: [UInt8], _ ranges: [(Range<Int>, Bool)]) -> [ArraySlice<UInt8>] {
        var kept: [ArraySlice<UInt8>] = [], bytes = 0
        for (range, quoted) in ranges {
            bytes += range.count
            guard bytes <= 64 << 10, !buffer[range].contains(where: { $0 == 0x0A || $0 == 0x0D }) else { break }
            kept.append(ArraySlice(Array(unquote(buffer, range, quoted: quoted))))
        }
        return kept
    }

    /// Moves past the next line break (LF, CRLF or a lone CR), dropping the bytes before it as
    /// it reads (recovery after an unbalanced quote).
    private mutating func skipPastLineBreak() throws(Batch.FileError) {
        while true {
            let buffer = source.buffer
            if let index = buffer[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                if buffer[index] == 0x0D && index + 1 == buffer.count && !source.atEnd {
                    position -= try source.fill(keepingFrom: index)  // is the CR followed by LF?
                    continue
                }
                position = buffer[index] == 0x0D && index + 1 < buffer.count && buffer[index + 1] == 0x0A ? index + 2 : index + 1
                line += 1
                return
            }
            position = buffer.count
            if source.atEnd { return }
            position -= try source.fill(keepingFrom: position)
        }
    }

    /// Reads past a row longer than the limit without keeping it, by the same rules as
    /// ``scan(_:from:atEnd:)``. A row that ends well is reported once as too long. A row that
    /// only looked long because a quote was left open (the quote never closes, or closes into a
    /// malformed row) is reported as unbalanced and reading resumes on its second line, as it
    /// would for a short row: the input is read again from there when it can be (a file or
    /// bytes in memory); from a pipe, the lines it ran over are reported as skipped.
    private mutating func skipLongRow(startLine: Int) throws(Batch.FileError) -> RawRecord {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var inQuote = false, atFieldStart = true, wasQuoted = false, fieldSpans = false, spansLines = false, malformed = false
        var fields = 1, lines = 0
        var resumeOffset: Int? = nil  // after the row's first line break
        var index = position
        // The first fields of the row's first line (the id, most often), so that its error row
        // can be matched to its input; at most `keptLimit` bytes, copied out of the buffer.
        var kept: [ArraySlice<UInt8>] = [], keptBytes = 0, keeping = true, fieldStart = position
        let keptLimit = 64 << 10
        func lineBreakInQuote(after end: Int) {
            lines += 1
            spansLines = true
            fieldSpans = true
            if singleLine(fields - 1) { malformed = true }
            if resumeOffset == nil { resumeOffset = source.offset + end }
        }
        while true {
            if index >= source.buffer.count {
                if source.atEnd { break }
                keeping = keeping && fieldStart == index  // a field cut by the refill is not kept
                let dropped = try source.fill(keepingFrom: index)
                index -= dropped; fieldStart -= dropped
                continue
            }
            // A quote or CR at the end of the buffer needs the next byte.
            let byte = source.buffer[index]
            if (byte == quote || byte == cr) && index + 1 >= source.buffer.count && !source.atEnd {
                keeping = keeping && fieldStart == index
                let dropped = try source.fill(keepingFrom: index)
                index -= dropped; fieldStart -= dropped
                continue
            }
            let next: UInt8? = index + 1 < source.buffer.count ? source.buffer[index + 1] : nil
            if inQuote {
                if byte == quote {
                    if next == quote { index += 2; continue }
                    inQuote = false
                } else if byte == lf || (byte == cr && next != lf) {
                    lineBreakInQuote(after: index + 1)
                }
                index += 1
                continue
            }
            if byte == comma {
                if keeping && lines == 0 && !malformed && keptBytes + (index - fieldStart) <= keptLimit {
                    kept.append(ArraySlice(Array(CSVRecordReader.unquote(source.buffer, fieldStart..<index, quoted: wasQuoted))))
                    keptBytes += index - fieldStart
                } else {
                    keeping = false
                }
                fields += 1; atFieldStart = true; wasQuoted = false; fieldSpans = false; fieldStart = index + 1
            } else if byte == lf || byte == cr {
                index += byte == cr && next == lf ? 2 : 1
                lines += 1
                position = index
                line = startLine + lines
                if spansLines && (malformed || (!names.isEmpty && fields != names.count)) { return try resume(startLine, resumeOffset, lines, kept: kept) }
                return tooLong(startLine, lines: lines, kept: kept)
            } else if byte == quote && atFieldStart {
                inQuote = true; wasQuoted = true; atFieldStart = false
            } else {
                if wasQuoted && fieldSpans { malformed = true }  // as scan(…)'s .unbalanced
                atFieldStart = false
            }
            index += 1
        }
        // The end of the input.
        position = source.buffer.count
        if inQuote || (spansLines && (malformed || (!names.isEmpty && fields != names.count))) {
            return try resume(startLine, resumeOffset, lines + (inQuote ? 0 : 1), kept: kept)
        }
        line = startLine + lines + 1
        return tooLong(startLine, lines: lines + 1, kept: kept)
    }

    /// After a long row that was an open quote: back to the row's second line when the input
    /// can be read again, else past the lines it ran over.
    private mutating func resume(_ startLine: Int, _ offset: Int?, _ lines: Int, kept: [ArraySlice<UInt8>]) throws(Batch.FileError) -> RawRecord {
        if let offset, try source.rewind(to: offset) {
            position = 0
            line = startLine + 1
            return RawRecord(line: startLine, fields: kept, error: CSVRecordReader.unbalancedMessage, failedField: kept.count)
        }
        line = startLine + max(lines, 1)
        return RawRecord(
            line: startLine, fields: kept,
            error:
                "a quoted field opened on line \(startLine) is not closed within \(maxRecordBytes >> 20) MiB (unbalanced \"); lines \(startLine)–\(startLine + max(lines, 1) - 1) are skipped (the input is a pipe and cannot be read again)",
            failedField: kept.count)
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
        var quoteSpannedLines = false, spansLines = false
        var lines = 0
        var failure: (field: Int, reason: String)? = nil
        let count = buffer.count
        // Past the most fields a row may have, the rest are only counted: the row is an error
        // (its field count is wrong), and its ranges stay bounded.
        var extraFields = 0
        func endField(_ range: Range<Int>, _ quoted: Bool) {
            if fields.count < maxFields { fields.append((range, quoted)) } else { extraFields += 1 }
        }
        while index < count {
            let byte = buffer[index]
            if inQuote {
                if byte == quote {
                    if index + 1 < count {
                        if buffer[index + 1] == quote { index += 2; continue }
                        inQuote = false; index += 1; continue
                    }
                    if !atEnd { return .needMore }
                    inQuote = false; index += 1; continue
                }
                if byte == cr && index + 1 >= count && !atEnd { return .needMore }
                if byte == lf || (byte == cr && (index + 1 >= count || buffer[index + 1] != lf)) {
                    lines += 1; quoteSpannedLines = true; spansLines = true
                }
                index += 1
                continue
            }
            switch byte {
            case comma:
                endField(fieldStart..<index, wasQuoted)
                index += 1; fieldStart = index; wasQuoted = false; quoteSpannedLines = false
            case quote:
                if index == fieldStart && !wasQuoted {
                    inQuote = true; wasQuoted = true
                } else if wasQuoted && quoteSpannedLines {
                    return .unbalanced(fields: fields)
                } else if failure == nil {
                    failure = (
                        fields.count,
                        "a quote (\") inside a field that is not quoted, or after a closing quote; quote the whole field and double the quotes inside it"
                    )
                }
                index += 1
            case cr:
                if index + 1 >= count && !atEnd { return .needMore }
                endField(fieldStart..<index, wasQuoted)
                let next = index + 1 < count && buffer[index + 1] == lf ? index + 2 : index + 1
                return .complete(fields: fields, extraFields: extraFields, next: next, lines: lines + 1, spansLines: spansLines, failure: failure)
            case lf:
                endField(fieldStart..<index, wasQuoted)
                return .complete(fields: fields, extraFields: extraFields, next: index + 1, lines: lines + 1, spansLines: spansLines, failure: failure)
            default:
                if wasQuoted && quoteSpannedLines { return .unbalanced(fields: fields) }
                if wasQuoted && failure == nil { failure = (fields.count, "text follows a closing quote; quote the whole field") }
                index += 1
            }
        }
        if !atEnd { return .needMore }
        if inQuote { return .unbalanced(fields: fields) }
        endField(fieldStart..<count, wasQuoted)
        return .complete(fields: fields, extraFields: extraFields, next: count, lines: lines, spansLines: spansLines, failure: failure)
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

extension CSVRecordReader {
    /// Refuses a header without the columns every CSV input needs (``Batch/requiredColumns``).
    func checkRequiredColumns() throws(Batch.FileError) {
        for column in Batch.requiredColumns where !columns.contains(column) {
            throw Batch.FileError(
                description:
                    "line 1: the header has no '\(column)' column; it needs \(Batch.requiredColumns.joined(separator: ",")) and the columns its regimes use (docs/file-format.md)"
            )
        }
    }
}
