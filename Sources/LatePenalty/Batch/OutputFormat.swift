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
        switch self {
        case .csv:
            var fields = [id, regime, String(line)]
            if let result {
                fields += [OutputFormat.status(result), result.amount.value.description, String(result.countedDays), String(result.excludedDays), ""]
            } else {
                fields += ["error", "", "", "", error?.description ?? ""]
            }
            if explain { fields.append(result?.explanation.json ?? "") }
            return Array(CSVWriter.row(fields, guardsFormulas: guardsFormulas).utf8)
        case .jsonl:
            var json = JSONWriter(capacity: explain ? 2048 : 256)
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
                        json.string(quote.holdsThrough.iso8601)
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
                    if let result { result.explanation.write(to: &json) } else { json.null() }
                }
            }
            json.bytes.append(UInt8(ascii: "\n"))
            return json.bytes
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
    /// Whether a spreadsheet could take `text` for a formula.
    static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == 0x09 || first == 0x0D
    }

    static func field(_ given: String, guardsFormulas: Bool = false) -> String {
        let text = guardsFormulas && looksLikeFormula(given) ? "'" + given : given
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return text
        }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }

    static func row(_ fields: [String], guardsFormulas: Bool = false) -> String {
        fields.map { field($0, guardsFormulas: guardsFormulas) }.joined(separator: ",") + "\n"
    }
}
