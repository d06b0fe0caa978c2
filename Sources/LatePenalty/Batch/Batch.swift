/// `penalty compute`: one output row per input row, in input order, each bad row reported with
/// its line, field and reason while the batch goes on.
public enum Batch {
    /// Columns that every input file must have.
    public static let requiredColumns = ["id", "regime", "amount"]
    /// The output header.
    public static let outputColumns = ["id", "regime", "status", "amount", "counted_days", "excluded_days", "error"]

    /// Counts for the end-of-run summary.
    public struct Summary: Sendable, Hashable {
        public var read = 0
        public var computed = 0
        public var waived = 0
        public var rejected = 0
        /// The sum of the amounts computed, by regime name.
        public var totalByRegime: [String: Yen] = [:]
    }

    /// A problem with the file as a whole (no header, a missing column): the run cannot be done.
    public struct FileError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Computes every row of `csv` (UTF-8 bytes) with the regimes of `catalog`, passing each
    /// output line to `output` and each rejected row's message (with its line number) to
    /// `diagnostics`.
    public static func run(
        csv: [UInt8], catalog: RegimeCatalog = .bundled, explain: Bool = false,
        output: (String) -> Void, diagnostics: (String) -> Void
    ) throws(FileError) -> Summary {
        var records = CSVReader.records(in: csv)[...]
        guard let header = records.popFirst() else {
            throw FileError(description: "the file is empty: expected a header row with \(requiredColumns.joined(separator: ","))")
        }
        if let error = header.error { throw FileError(description: "line \(header.line): the header row is malformed: \(error)") }
        let names = header.fields.map { String($0.trimmingSpaces) }
        for column in requiredColumns where !names.contains(column) {
            throw FileError(description: "line \(header.line): the header has no '\(column)' column; it needs \(requiredColumns.joined(separator: ",")) and the columns its regimes use (docs/file-format.md)")
        }
        let known = catalog.knownFields
        for name in names where !known.contains(name) {
            diagnostics("line \(header.line): column '\(name)' is not used by any regime; it is ignored")
        }
        output(CSVWriter.row(outputColumns + (explain ? ["explanation"] : [])))
        var summary = Summary()
        for record in records {
            summary.read += 1
            var fields: [String: String] = [:]
            // Even a row with the wrong number of fields keeps its id and regime, so that the
            // error row can be traced back to it.
            for (name, value) in zip(names, record.fields) where known.contains(name) { fields[name] = String(value.trimmingSpaces) }
            let id = fields["id"] ?? ""
            let regime = fields["regime"] ?? ""
            do throws(InputError) {
                if let error = record.error { throw InputError(field: nil, reason: error) }
                if record.fields.count != names.count {
                    throw InputError(field: nil, reason: "has \(record.fields.count) fields but the header has \(names.count)")
                }
                let result = try catalog.compute(fields)
                summary.computed += 1
                if result.status == .waived { summary.waived += 1 }
                summary.totalByRegime[regime, default: .zero] = summary.totalByRegime[regime, default: .zero] + result.amount
                output(CSVWriter.row([id, regime, result.status.rawValue, result.amount.value.description,
                                      String(result.countedDays), String(result.excludedDays), ""]
                                     + (explain ? [result.explanation.json] : [])))
            } catch {
                summary.rejected += 1
                diagnostics("line \(record.line): \(id.isEmpty ? "" : "id \(id): ")\(error)")
                output(CSVWriter.row([id, regime, "error", "", "", "", error.description] + (explain ? [""] : [])))
            }
        }
        return summary
    }
}
