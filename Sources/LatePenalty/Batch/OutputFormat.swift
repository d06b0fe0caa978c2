import ExactNumbers

/// How `penalty compute` writes its results: one row per input row, in input order.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// CSV with a header row; `--explain` adds a column holding the breakdown as compact JSON.
    case csv
    /// JSON Lines: one object per row; `--explain` adds a nested `explanation` object.
    case jsonl

    /// The header line, if the format has one.
    func header(explain: Bool) -> String? {
        switch self {
        case .csv: return CSVWriter.row(Batch.outputColumns + (explain ? ["explanation"] : []))
        case .jsonl: return nil
        }
    }

    /// A result's status as written: `ok`, `waived`, or `quote` for a charge computed for the day
    /// asked (its amount may be 0 under a minimum rule).
    package static func status(_ result: ChargeResult) -> String { result.quote != nil ? "quote" : result.status.rawValue }

    /// One output line for a row, as UTF-8 bytes.
    package func line(id: String, regime: String, line: Int, result: ChargeResult?, error: InputError?, explain: Bool, guardsFormulas: Bool = true) -> [UInt8] {
        let out = OutputBytes(capacity: explain ? 4096 : 256)
        write(id: id, regime: regime, line: line, result: result, error: error, explain: explain, guardsFormulas: guardsFormulas, to: out)
        return Array(out.bytes)
    }

    /// Appends a row's output line to `out`: a batch block writes its rows in place.
    func write(
        id: String, regime: String, line: Int, result: ChargeResult?, error: InputError?, explain: Bool, guardsFormulas: Bool, to out: OutputBytes
    ) {
        switch self {
        case .csv:
            var row = CSVWriter.Row(guardsFormulas: guardsFormulas)
            row.field(id, to: out)
            row.field(regime, to: out)
            row.field(line, to: out)
            if let result {
                row.field(OutputFormat.status(result), to: out)
                row.field(result.amount.value, to: out)
                row.field(result.countedDays, to: out)
                row.field(result.excludedDays, to: out)
                row.field("", to: out)
            } else {
                for field in ["error", "", "", ""] { row.field(field, to: out) }
                row.field(error?.description ?? "", to: out)
            }
            if explain {
                if let result {
                    var json = JSONWriter(capacity: 4096)
                    result.writeExplanation(to: &json)
                    row.field(json.out.bytes.assumingMemoryBound(to: UInt8.self), to: out)
                } else {
                    row.field("", to: out)
                }
            }
            out.append(UInt8(ascii: "\n"))
        case .jsonl:
            var json = JSONWriter(appendingTo: out)
            json.object { json in
                json.key("id")
                json.string(id)
                json.key("regime")
                json.string(regime)
                json.key("line")
                json.integer(line)
                json.key("status")
                if let result {
                    json.string(OutputFormat.status(result))
                    json.key("amount")
                    json.digits(result.amount.value)
                    json.key("counted_days")
                    json.integer(result.countedDays)
                    json.key("excluded_days")
                    json.integer(result.excludedDays)
                    json.key("error")
                    json.null()
                    if let quote = result.quote {
                        json.key("quote_holds_through")
                        json.date(quote.holdsThrough)
                    }
                } else {
                    json.string("error")
                    for name: StaticString in ["amount", "counted_days", "excluded_days"] {
                        json.key(name)
                        json.null()
                    }
                    json.key("error")
                    json.string(error?.description ?? "")
                }
                if explain {
                    json.key("explanation")
                    if let result { result.writeExplanation(to: &json) } else { json.null() }
                }
            }
            json.newline()
        }
    }
}

/// Writes CSV fields, quoting those that need it (a `,`, a quote or a line break).
///
/// A spreadsheet reads a cell that begins with `=`, `+`, `-` or `@` (or a tab or CR before one)
/// as a formula: an id such as `=HYPERLINK(…)` from an input file would run in the clerk's
/// spreadsheet. Such a field gets a leading `'` by default, which spreadsheets show as text;
/// a program that reads the CSV itself can ask for the fields as they are (`--keep-formulas`),
/// or read JSON Lines, which never changes a value.
enum CSVWriter {
    /// Whether a spreadsheet could take a field beginning with `first` for a formula.
    @inline(__always)
    static func looksLikeFormula(first: UInt8?) -> Bool {
        guard let first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == 0x09 || first == 0x0D
    }

    /// Whether a spreadsheet could take `text` for a formula.
    static func looksLikeFormula(_ text: String) -> Bool { looksLikeFormula(first: text.utf8.first) }

    /// `field`'s bytes as one CSV field: quoted when it holds a `,`, a quote or a line break, each
    /// quote doubled. Bytes, not characters: a quote followed by a combining mark is one
    /// `Character` but still a quote to a CSV reader.
    static func append(_ field: UnsafeBufferPointer<UInt8>, guardsFormulas: Bool, to out: OutputBytes) {
        let guarded = guardsFormulas && looksLikeFormula(first: field.first)
        let quoted = field.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if quoted { out.append(UInt8(ascii: "\"")) }
        if guarded { out.append(UInt8(ascii: "'")) }
        if quoted {
            // Room for every byte doubled and the closing quote, then one pass: an explanation's
            // JSON has hundreds of quotes, too many for a copy call each.
            out.reserve(field.count * 2 + 1)
            var end = out.base + out.count
            for byte in field {
                end.pointee = byte
                end += 1
                if byte == UInt8(ascii: "\"") {
                    end.pointee = byte
                    end += 1
                }
            }
            end.pointee = UInt8(ascii: "\"")
            out.didAppend(end + 1 - (out.base + out.count))
        } else {
            out.append(field)
        }
    }

    static func append(_ field: String, guardsFormulas: Bool, to out: OutputBytes) {
        field.withUTF8Bytes { append($0, guardsFormulas: guardsFormulas, to: out) }
    }

    /// Writes the fields of one row, with a comma between them.
    struct Row {
        let guardsFormulas: Bool
        private var first = true

        init(guardsFormulas: Bool) { self.guardsFormulas = guardsFormulas }

        /// The comma before every field but the first.
        private mutating func separate(_ out: OutputBytes) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
        }

        mutating func field(_ bytes: UnsafeBufferPointer<UInt8>, to out: OutputBytes) {
            separate(out)
            CSVWriter.append(bytes, guardsFormulas: guardsFormulas, to: out)
        }

        mutating func field(_ text: String, to out: OutputBytes) {
            separate(out)
            CSVWriter.append(text, guardsFormulas: guardsFormulas, to: out)
        }

        /// A count, in digits: never quoted, never a formula (it is 0 or more).
        mutating func field(_ value: Int, to out: OutputBytes) {
            separate(out)
            if value < 0 {
                CSVWriter.append(String(value), guardsFormulas: guardsFormulas, to: out)
            } else {
                out.appendDecimal(value)
            }
        }

        /// A yen amount, in digits.
        mutating func field(_ value: BigInteger, to out: OutputBytes) {
            separate(out)
            if value.signum < 0 {
                CSVWriter.append(value.description, guardsFormulas: guardsFormulas, to: out)
            } else {
                out.appendDecimal(value)
            }
        }
    }

    static func row(_ fields: [String], guardsFormulas: Bool = false) -> String {
        let out = OutputBytes(capacity: 256)
        var row = Row(guardsFormulas: guardsFormulas)
        for field in fields { row.field(field, to: out) }
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
