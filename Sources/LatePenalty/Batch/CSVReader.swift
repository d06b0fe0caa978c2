/// One record of a CSV file: its fields, or why it could not be read, with the line it starts on.
struct CSVRecord: Sendable {
    /// The 1-based line number of the record's first line.
    let line: Int
    let fields: [String]
    /// Set when the record is malformed (an unbalanced quote); `fields` is then empty.
    let error: String?
}

/// Reads CSV text by RFC 4180: fields separated by `,`, records by CRLF or LF, a field in double
/// quotes may contain `,`, line breaks and `""` for a quote. A UTF-8 byte-order mark at the start
/// is skipped. Blank lines are skipped.
///
/// A quote left open is reported against the record where it opened, and reading resumes at the
/// next line after it, so one bad row never swallows the rest of the file.
struct CSVReader {
    static func records(in bytes: [UInt8]) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while index < bytes.count {
            let startLine = line
            let startIndex = index
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var fieldWasQuoted = false
            var failure: String? = nil
            recordLoop: while index < bytes.count {
                let byte = bytes[index]
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                            field.append(byte); index += 2; continue
                        }
                        quoted = false; index += 1; continue
                    }
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte); index += 1; continue
                }
                switch byte {
                case UInt8(ascii: ","):
                    fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true)
                    fieldWasQuoted = false; index += 1
                case UInt8(ascii: "\""):
                    if field.isEmpty && !fieldWasQuoted {
                        quoted = true; fieldWasQuoted = true; index += 1
                    } else {
                        failure = "a quote (\") appears inside an unquoted field or after a closing quote; quote the whole field and double inner quotes"
                        index += 1
                    }
                case UInt8(ascii: "\r"):
                    index += 1
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
                    line += 1
                    break recordLoop
                case UInt8(ascii: "\n"):
                    index += 1; line += 1
                    break recordLoop
                default:
                    if fieldWasQuoted {
                        failure = "text follows a closing quote; quote the whole field"
                    }
                    field.append(byte); index += 1
                }
            }
            if quoted {
                // The quote never closed: report it and resume at the line after the opening one.
                index = startIndex
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                index = min(index + 1, bytes.count)
                line = startLine + 1
                records.append(CSVRecord(line: startLine, fields: [], error: "a quoted field is not closed (unbalanced \")"))
                continue
            }
            fields.append(String(decoding: field, as: UTF8.self))
            if fields.count == 1 && fields[0].isEmpty && failure == nil { continue }  // blank line
            records.append(CSVRecord(line: startLine, fields: failure == nil ? fields : [], error: failure))
        }
        return records
    }
}

/// Writes CSV fields, quoting those that need it (a `,`, a quote or a line break).
enum CSVWriter {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
