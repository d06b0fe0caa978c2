/// Reads JSON Lines: one JSON object per line, with the same field names as the CSV columns.
/// Values are strings; an integer literal is accepted as written (`"amount": 1200000`), without
/// ever passing through a floating-point number; `null` means absent. A nested object or array, a
/// boolean, or a line that is not a JSON object is an error for that line only.
public struct JSONLinesReader: RecordReader {
    private let source: ByteSource
    private let encoding: TextEncoding
    private var position = 0
    private var line = 0
    private let maxRecordBytes: Int
    private var checkedEncoding = false

    public var bytesRead: Int { source.offset + position }

    public init(descriptor: Int32, encoding: TextEncoding, maxRecordBytes: Int = CSVRecordReader.maxRecordBytes) {
        source = ByteSource(descriptor: descriptor)
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
    }

    /// Reads rows from bytes in memory.
    public init(bytes: [UInt8], encoding: TextEncoding = .utf8, maxRecordBytes: Int = CSVRecordReader.maxRecordBytes) {
        source = ByteSource(bytes: bytes)
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
    }

    public mutating func next() throws(Batch.FileError) -> InputRecord? {
        if line == 0 && encoding == .shiftJIS && !checkedEncoding {
            // As for CSV: UTF-8 read as Shift_JIS would give other characters without an error.
            checkedEncoding = true
            while source.buffer.count < 3 && !source.atEnd { position -= try source.fill(keepingFrom: position) }
            if let problem = TextEncoding.utf8Evidence(in: source.buffer[position...], atEnd: source.atEnd) {
                throw Batch.FileError(description: "the file looks like UTF-8, not Shift_JIS: \(problem); run with --encoding utf-8 (read as Shift_JIS, its text would turn into other characters, 文字化け)")
            }
        }
        while true {
            guard let (bytes, tooLong) = try nextLine() else { return nil }
            line += 1
            if tooLong {
                return InputRecord(line: line, fields: [:], error: InputError(field: nil, reason: "the line is longer than \(maxRecordBytes >> 20) MiB; it is skipped"))
            }
            var content = bytes
            if line == 1 && encoding == .utf8 && content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }  // blank line
            let text: String
            switch encoding.decode(content) {
            case .success(let decoded): text = decoded
            case .failure(let failure): return InputRecord(line: line, fields: [:], error: InputError(field: nil, reason: "the line \(failure.reason)"))
            }
            do throws(FlatJSONObject.Failure) {
                let (object, failure) = try FlatJSONObject.parse(text)
                return InputRecord(
                    line: line, fields: object.mapValues { String($0.trimmingSpaces) },
                    error: failure.map { InputError(field: $0.field, reason: $0.reason) })
            } catch {
                return InputRecord(line: line, fields: [:], error: InputError(field: error.field, reason: error.reason))
            }
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
enum FlatJSONObject {
    struct Failure: Error {
        let field: String?
        let reason: String
    }

    /// The object's fields, and the first value that was refused (the fields keep the rest, so
    /// that an error row still carries its id).
    static func parse(_ text: String) throws(Failure) -> (fields: [String: String], failure: Failure?) {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let fields = try parser.object()
        return (fields, parser.valueFailure)
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\t", "\r", "\n"].contains(scalars[index]) { index += 1 }
        }

        func fail(_ reason: String, field: String? = nil) -> Failure {
            Failure(field: field, reason: field == nil ? "is not a JSON object: \(reason) (at character \(index + 1))" : reason)
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws(Failure) {
            skipSpace()
            guard index < scalars.count, scalars[index] == scalar else {
                throw fail(index < scalars.count ? "expected '\(scalar)', found '\(scalars[index])'" : "expected '\(scalar)', found the end of the line")
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
            if index < scalars.count, scalars[index] == "}" {
                index += 1
            } else {
                while true {
                    skipSpace()
                    guard index < scalars.count, scalars[index] == "\"" else { throw fail("expected a field name in quotes") }
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
                            if let value = try value(for: key) { result[key] = value }
                        } catch where error.field != nil {
                            if valueFailure == nil { valueFailure = error }
                            try skipValue()
                        }
                    }
                    skipSpace()
                    guard index < scalars.count else { throw fail("the object is not closed with '}'") }
                    if scalars[index] == "," { index += 1; continue }
                    if scalars[index] == "}" { index += 1; break }
                    throw fail("expected ',' or '}', found '\(scalars[index])'")
                }
            }
            skipSpace()
            if index != scalars.count && valueFailure == nil { valueFailure = fail("text after the closing '}'") }
            return result
        }

        /// Moves past the value at the cursor (after a value that was refused).
        mutating func skipValue() throws(Failure) {
            var depth = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\"" { _ = try string(); if depth == 0 { return }; continue }
                if scalar == "{" || scalar == "[" { depth += 1 }
                if scalar == "}" || scalar == "]" {
                    if depth == 0 { return }
                    depth -= 1
                    if depth == 0 { index += 1; return }
                }
                if depth == 0 && scalar == "," { return }
                index += 1
            }
        }

        mutating func value(for key: String) throws(Failure) -> String? {
            guard index < scalars.count else { throw fail("a value is missing") }
            switch scalars[index] {
            case "\"": return try string()
            case "-", "0"..."9":
                let start = index
                while index < scalars.count, "+-.eE0123456789".unicodeScalars.contains(scalars[index]) { index += 1 }
                let literal = String(String.UnicodeScalarView(scalars[start..<index]))
                guard literal.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                    let why = literal.hasPrefix("-") || literal.hasPrefix("+") ? "has a sign" : "is not a whole number"
                    throw Failure(field: key, reason: "\(literal.prefix(40)) \(why); give the value as a string (\"\(literal.prefix(40))\") or as whole digits")
                }
                // JSON writes no leading zero (007 is not a JSON number): refused rather than read.
                guard literal.count == 1 || !literal.hasPrefix("0") else {
                    throw Failure(field: key, reason: "\(literal.prefix(40)) has a leading zero, which JSON does not allow; give it as a string (\"\(literal.prefix(40))\")")
                }
                return literal
            case "n":
                try keyword("null")
                return nil
            case "t", "f":
                throw Failure(field: key, reason: "is a boolean; give the value as a string")
            case "{", "[":
                throw Failure(field: key, reason: "is a nested \(scalars[index] == "{" ? "object" : "array"); give the value as a string")
            default:
                throw fail("unexpected '\(scalars[index])'")
            }
        }

        mutating func keyword(_ word: String) throws(Failure) {
            for scalar in word.unicodeScalars {
                guard index < scalars.count, scalars[index] == scalar else { throw fail("unexpected text where '\(word)' was expected") }
                index += 1
            }
        }

        mutating func string() throws(Failure) -> String {
            index += 1  // opening quote
            var result = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\"": return String(result)
                case "\\":
                    guard index < scalars.count else { throw fail("an escape is cut off") }
                    let escape = scalars[index]
                    index += 1
                    switch escape {
                    case "\"": result.append("\"")
                    case "\\": result.append("\\")
                    case "/": result.append("/")
                    case "b": result.append("\u{08}")
                    case "f": result.append("\u{0C}")
                    case "n": result.append("\n")
                    case "r": result.append("\r")
                    case "t": result.append("\t")
                    case "u":
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code) {
                            guard index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" else { throw fail("a lone UTF-16 surrogate in \\u escape") }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone UTF-16 surrogate in \\u escape") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let decoded = Unicode.Scalar(code) else { throw fail("an invalid \\u escape") }
                        result.append(decoded)
                    default: throw fail("an unknown escape '\\\(escape)'")
                    }
                default:
                    if scalar.value < 0x20 { throw fail("a control character inside a string") }
                    result.append(scalar)
                }
            }
            throw fail("a string is not closed")
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= scalars.count, scalars[index..<(index + 4)].allSatisfy({ $0.properties.isASCIIHexDigit }),
                let value = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + 4)])), radix: 16)
            else {
                throw fail("a \\u escape needs four hex digits")
            }
            index += 4
            return value
        }
    }
}
