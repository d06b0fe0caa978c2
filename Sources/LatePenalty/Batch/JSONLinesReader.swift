/// Reads JSON Lines: one JSON object per line, with the same field names as the CSV columns.
/// Values are strings; an integer literal is accepted as written (`"amount": 1200000`), without
/// ever passing through a floating-point number; `null` means absent. A nested object or array, a
/// boolean, or a line that is not a JSON object is an error for that line only.
public struct JSONLinesReader: RecordReader {
    let source: ByteSource
    let encoding: TextEncoding
    var position = 0
    /// The number of lines read.
    var line = 0
    let maxRecordBytes: Int
    /// The fields a record keeps (as for ``CSVRecordReader``).
    let kept: Set<String>
    private var checkedEncoding = false

    public var bytesRead: Int { source.offset + position }

    /// A record keeps the `keeping` fields (by default every field a regime reads, with `id` and
    /// `regime`); other fields are checked, not kept.
    public init(descriptor: Int32, encoding: TextEncoding, maxRecordBytes: Int = CSVRecordReader.maxRecordBytes, keeping: Set<String>? = nil) {
        source = ByteSource(descriptor: descriptor)
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
        kept = keeping ?? CSVRecordReader.valueColumns
    }

    /// Reads rows from bytes in memory.
    public init(bytes: [UInt8], encoding: TextEncoding = .utf8, maxRecordBytes: Int = CSVRecordReader.maxRecordBytes, keeping: Set<String>? = nil) {
        source = ByteSource(bytes: bytes)
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
        kept = keeping ?? CSVRecordReader.valueColumns
    }

    /// A reader of the same file's lines from byte `offset` of the input (a line's start), reading
    /// by offset so that several readers may read the file at once. From byte 0 it reads as this
    /// reader would (the byte-order mark, the encoding check); from later, its line numbers count
    /// from 2 there. Nil when the input cannot be read again from an offset (a pipe, bytes in
    /// memory).
    func part(from offset: Int) -> JSONLinesReader? {
        guard let source = source.positionalCopy(from: offset) else { return nil }
        return JSONLinesReader(source: source, encoding: encoding, maxRecordBytes: maxRecordBytes, kept: kept, afterFirstLine: offset > 0)
    }

    /// The offset just past the first line feed at or after byte `offset` of the input, within a
    /// MiB; nil if none, or the input cannot be read by offset.
    func lineStart(after offset: Int) -> Int? { source.lineStart(after: offset) }

    private init(source: ByteSource, encoding: TextEncoding, maxRecordBytes: Int, kept: Set<String>, afterFirstLine: Bool) {
        self.source = source
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
        self.kept = kept
        line = afterFirstLine ? 1 : 0
        checkedEncoding = afterFirstLine
    }

    public mutating func next() throws(Batch.FileError) -> InputRecord? {
        if line == 0 && encoding == .shiftJIS && !checkedEncoding {
            // As for CSV: UTF-8 read as Shift_JIS would give other characters without an error.
            checkedEncoding = true
            while source.buffer.count < 3 && !source.atEnd { position -= try source.fill(keepingFrom: position) }
            if let problem = TextEncoding.utf8Evidence(in: source.buffer[position...], atEnd: source.atEnd) {
                throw Batch.FileError(
                    description:
                        "the file looks like UTF-8, not Shift_JIS: \(problem); run with --encoding utf-8 (read as Shift_JIS, its text would turn into other characters, 文字化け)"
                )
            }
        }
        while true {
            guard let (bytes, tooLong) = try nextLine() else { return nil }
            line += 1
            if tooLong {
                return InputRecord(
                    line: line, fields: [:], error: InputError(field: nil, reason: "the line is longer than \(maxRecordBytes >> 20) MiB; it is skipped"))
            }
            var content = bytes
            if line == 1 && encoding == .utf8 && content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
            if let record = JSONLinesReader.record(content, line: line, encoding: encoding, keeping: kept) { return record }
        }
    }

    /// The record of one line (without its line feed), or nil for a blank line.
    static func record(
        _ bytes: ArraySlice<UInt8>, line: Int, encoding: TextEncoding, keeping: Set<String> = CSVRecordReader.valueColumns
    ) -> InputRecord? {
        var content = bytes
        if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
        if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }  // blank line
        let text: String
        switch encoding.decode(content) {
        case .success(let decoded): text = decoded
        case .failure(let failure): return InputRecord(line: line, fields: [:], error: InputError(field: nil, reason: "the line \(failure.reason)"))
        }
        do throws(FlatJSONObject.Failure) {
            let (object, failure) = try FlatJSONObject.parse(text, keeping: keeping)
            return InputRecord(
                line: line, fields: object.mapValues { String($0.trimmingSpaces) }, error: failure.map { InputError(field: $0.field, reason: $0.reason) })
        } catch {
            return InputRecord(line: line, fields: [:], error: InputError(field: error.field, reason: error.reason))
        }
    }

    /// The next line's bytes (without the line feed), or nil at end of input; `true` when the line
    /// was longer than the limit and was skipped.
    private mutating func nextLine() throws(Batch.FileError) -> (ArraySlice<UInt8>, Bool)? {
        var skipping = false
        while true {
            // A line ends at LF, CRLF or a lone CR (old Mac exports), as in CSV.
            if let end = source.buffer[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                if source.buffer[end] == 0x0D && end + 1 == source.buffer.count && !source.atEnd {
                    position -= try source.fill(keepingFrom: position)  // is the CR followed by LF?
                    continue
                }
                let bytes = source.buffer[position..<end]
                position = source.buffer[end] == 0x0D && end + 1 < source.buffer.count && source.buffer[end + 1] == 0x0A ? end + 2 : end + 1
                return skipping || bytes.count > maxRecordBytes ? ([], true) : (bytes, false)
            }
            if source.atEnd {
                guard position < source.buffer.count else { return skipping ? ([], true) : nil }
                let bytes = source.buffer[position...]
                position = source.buffer.count
                return skipping || bytes.count > maxRecordBytes ? ([], true) : (bytes, false)
            }
            if source.buffer.count - position > maxRecordBytes {
                skipping = true
                position = source.buffer.count
            }
            position -= try source.fill(keepingFrom: position)
        }
    }
}

/// A JSON object whose values are strings, integers or null, read exactly.
///
/// Parsed from the text's UTF-8 bytes in place: a line of many megabytes costs its own bytes
/// and the values kept, not an array of four-byte scalars.
package enum FlatJSONObject {
    package struct Failure: Error {
        package let field: String?
        package let reason: String
    }

    /// The object's fields (those named in `keeping`, or all when it is nil), and the first value
    /// that was refused (the fields keep the rest, so that an error row still carries its id).
    package static func parse(_ text: String, keeping: Set<String>?) throws(Failure) -> (fields: [String: String], failure: Failure?) {
        var text = text
        let outcome: Result<(fields: [String: String], failure: Failure?), Failure> = text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes, kept: keeping)
            do throws(Failure) {
                let fields = try parser.object()
                return .success((fields, parser.valueFailure))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The fields whose values are kept (all when nil).
        let kept: Set<String>?
        var index = 0

        static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

        /// Whether the cursor is on `ascii`.
        func at(_ ascii: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: ascii) }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[index]) { index += 1 }
        }

        /// The character at the cursor (or at `start`), for a message.
        func character(at start: Int? = nil) -> String {
            let start = start ?? index
            let lead = bytes[start]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            return String(decoding: bytes[start..<min(start + length, bytes.count)], as: UTF8.self)
        }

        func fail(_ reason: String, field: String? = nil) -> Failure {
            // Characters, not bytes, as a person counts them: every byte that starts one.
            let position = bytes[..<min(index, bytes.count)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return Failure(field: field, reason: field == nil ? "is not a JSON object: \(reason) (at character \(position))" : reason)
        }

        mutating func expect(_ ascii: Unicode.Scalar) throws(Failure) {
            skipSpace()
            guard at(ascii) else {
                throw fail(index < bytes.count ? "expected '\(ascii)', found '\(character())'" : "expected '\(ascii)', found the end of the line")
            }
            index += 1
        }

        /// The first problem with a value: parsing goes on so that the row keeps its id.
        var valueFailure: Failure? = nil

        mutating func object() throws(Failure) -> [String: String] {
            try expect("{")
            var result: [String: String] = [:]
            var seen = Set<String>()
            skipSpace()
            if at("}") {
                index += 1
            } else {
                while true {
                    skipSpace()
                    guard at("\"") else { throw fail("expected a field name in quotes") }
                    let key = try string()
                    try expect(":")
                    skipSpace()
                    // A key given twice: which value to use would be a guess, so the row is an
                    // error; the other fields (the id, unless it is the one repeated) are kept.
                    if !seen.insert(key).inserted {
                        if valueFailure == nil { valueFailure = Failure(field: key, reason: "appears twice in the object; give it once") }
                        result[key] = nil
                        try skipValue()
                    } else {
                        do throws(Failure) {
                            // A field no regime reads (a memo) is checked but not kept: its
                            // name is enough for the "not used" message.
                            let keeping = kept?.contains(key) ?? true
                            if let value = try value(for: key, keeping: keeping) { result[key] = value }
                        } catch  where error.field != nil {
                            if valueFailure == nil { valueFailure = error }
                            try skipValue()
                        }
                    }
                    skipSpace()
                    guard index < bytes.count else { throw fail("the object is not closed with '}'") }
                    if at(",") { index += 1; continue }
                    if at("}") { index += 1; break }
                    throw fail("expected ',' or '}', found '\(character())'")
                }
            }
            skipSpace()
            if index != bytes.count && valueFailure == nil { valueFailure = fail("text after the closing '}'") }
            return result
        }

        /// Moves past the value at the cursor (after a value that was refused).
        mutating func skipValue() throws(Failure) {
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Parser.quote { _ = try string(); if depth == 0 { return }; continue }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    if depth == 0 { return }
                    depth -= 1
                    if depth == 0 { index += 1; return }
                }
                if depth == 0 && byte == UInt8(ascii: ",") { return }
                index += 1
            }
        }

        mutating func value(for key: String, keeping: Bool = true) throws(Failure) -> String? {
            guard index < bytes.count else { throw fail("a value is missing") }
            switch bytes[index] {
            case Parser.quote: return try string(keeping: keeping)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                while index < bytes.count, Array("+-.eE0123456789".utf8).contains(bytes[index]) { index += 1 }
                let literal = String(decoding: bytes[start..<index], as: UTF8.self)
                guard literal.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
                    let why = literal.hasPrefix("-") || literal.hasPrefix("+") ? "has a sign" : "is not a whole number"
                    throw Failure(field: key, reason: "\(literal.prefix(40)) \(why); give the value as a string (\"\(literal.prefix(40))\") or as whole digits")
                }
                // JSON writes no leading zero (007 is not a JSON number): refused rather than read.
                guard literal.utf8.count == 1 || !literal.hasPrefix("0") else {
                    throw Failure(
                        field: key,
                        reason: "\(literal.prefix(40)) has a leading zero, which JSON does not allow; give it as a string (\"\(literal.prefix(40))\")")
                }
                return keeping ? literal : ""
            case UInt8(ascii: "n"):
                try keyword("null")
                return nil
            case UInt8(ascii: "t"), UInt8(ascii: "f"):
                throw Failure(field: key, reason: "is a boolean; give the value as a string")
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                throw Failure(field: key, reason: "is a nested \(at("{") ? "object" : "array"); give the value as a string")
            default:
                throw fail("unexpected '\(character())'")
            }
        }

        mutating func keyword(_ word: String) throws(Failure) {
            for byte in word.utf8 {
                guard index < bytes.count, bytes[index] == byte else { throw fail("unexpected text where '\(word)' was expected") }
                index += 1
            }
        }

        /// The string at the cursor, unescaped; checked but empty when not `keeping`. The text is
        /// valid UTF-8 already (it was decoded before), so runs of bytes without an escape are
        /// copied as they are.
        mutating func string(keeping: Bool = true) throws(Failure) -> String {
            index += 1  // opening quote
            var result: [UInt8] = []
            while index < bytes.count {
                if !keeping { result.removeAll(keepingCapacity: true) }  // an escape's bytes
                let runStart = index
                while index < bytes.count, bytes[index] != Parser.quote, bytes[index] != Parser.backslash, bytes[index] >= 0x20 { index += 1 }
                if keeping { result.append(contentsOf: bytes[runStart..<index]) }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                index += 1
                switch byte {
                case Parser.quote: return keeping ? String(decoding: result, as: UTF8.self) : ""
                case Parser.backslash:
                    guard index < bytes.count else { throw fail("an escape is cut off") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case Parser.quote, Parser.backslash, UInt8(ascii: "/"): result.append(escape)
                    case UInt8(ascii: "b"): result.append(0x08)
                    case UInt8(ascii: "f"): result.append(0x0C)
                    case UInt8(ascii: "n"): result.append(0x0A)
                    case UInt8(ascii: "r"): result.append(0x0D)
                    case UInt8(ascii: "t"): result.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code) {
                            guard at("\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                                throw fail("a lone UTF-16 surrogate in \\u escape")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone UTF-16 surrogate in \\u escape") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let decoded = Unicode.Scalar(code) else { throw fail("an invalid \\u escape") }
                        UTF8.encode(decoded) { result.append($0) }
                    default:
                        throw fail("an unknown escape '\\\(character(at: index - 1))'")
                    }
                default:
                    throw fail("a control character inside a string")
                }
            }
            throw fail("a string is not closed")
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= bytes.count, bytes[index..<(index + 4)].allSatisfy({ Unicode.Scalar($0).properties.isASCIIHexDigit }),
                let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
            else {
                throw fail("a \\u escape needs four hex digits")
            }
            index += 4
            return value
        }
    }
}
