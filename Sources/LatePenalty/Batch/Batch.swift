import Dispatch

/// `penalty compute`: reads rows, computes each with its regime, writes one output row per input
/// row in input order. A bad row becomes an error row and a diagnostic naming its line, field and
/// reason; the batch goes on. Memory stays bounded: rows are read, computed and written in
/// blocks, never all at once.
public enum Batch {
    /// Columns every CSV input must have.
    public static let requiredColumns = ["id", "regime", "amount"]
    /// The output columns.
    /// The output columns. `line` is the input line the row starts on, so that any output row,
    /// an error row without an id included, can be traced to its input.
    public static let outputColumns = ["id", "regime", "line", "status", "amount", "counted_days", "excluded_days", "error"]

    /// How to run a batch.
    public struct Options: Sendable {
        public var catalog: RegimeCatalog = .bundled
        public var format: OutputFormat = .csv
        public var explain = false
        /// Worker threads computing rows; the output keeps the input order whatever the number.
        public var jobs = 1
        /// Whether CSV fields that a spreadsheet would read as a formula get a leading `'`
        /// (`CSVWriter`); JSON Lines values are never changed.
        public var guardsFormulas = true
        /// Rows handed to a worker at a time.
        public var blockSize = 2048
        /// Bytes of explained output a block of the byte-level batch holds before it leaves its
        /// other rows to a block of their own (an explanation of a long window is a megabyte).
        package var explainedBlockBytes = 2 << 20
        /// The ids that may repeat, from a first pass (``DuplicateIdScreen``); only these are
        /// remembered. Without it every id is remembered, and memory grows with the row count.
        public var duplicateCandidates: Set<Int>? = nil
        /// When set, a row of a regime that counts to a payment day but gives no `paid` is
        /// computed as if paid on this day and written as a quote (status `quote`), with the last
        /// day the amount holds (``RegimeCatalog/compute(_:asOf:)``).
        public var asOf: CivilDate? = nil

        public init() {}
    }

    /// Counts for the end-of-run summary.
    public struct Summary: Sendable, Hashable {
        public var read = 0
        public var computed = 0
        /// Rows computed and waived by a minimum rule (quotes are counted in `quoted` only).
        public var waived = 0
        public var rejected = 0
        /// Rows computed as quotes for the day asked (counted among `computed` too).
        public var quoted = 0
        /// The sum of the amounts computed (quotes included), by regime name.
        public var totalByRegime: [String: Yen] = [:]

        /// Counts one row's outcome; returns the diagnostic to report if it was rejected.
        mutating func add(_ outcome: Outcome) -> String? {
            read += 1
            guard let result = outcome.result else {
                rejected += 1
                return
                    "line \(outcome.line): \(outcome.id.isEmpty ? "" : "id \(Batch.printable(outcome.id)): ")\(Batch.printable(outcome.error?.description ?? ""))"
            }
            computed += 1
            // A quote's row says quote whatever its amount: it is counted as quoted only, so
            // that the counts match the rows' statuses.
            if result.quote != nil {
                quoted += 1
            } else if result.status == .waived {
                waived += 1
            }
            addTotal(result.amount, for: outcome.regime)
            return nil
        }

        /// Adds `amount` to the total of `regime`.
        mutating func addTotal(_ amount: Yen, for regime: String) {
            totalByRegime[regime, default: .zero] = totalByRegime[regime, default: .zero] + amount
        }

        /// Adds the counts of a later part of the input.
        mutating func add(_ other: Summary) {
            read += other.read
            computed += other.computed
            quoted += other.quoted
            waived += other.waived
            rejected += other.rejected
            for (regime, total) in other.totalByRegime { addTotal(total, for: regime) }
        }
    }

    /// A problem with the input as a whole (unreadable, empty, no header, a missing column): the
    /// run cannot be done.
    public struct FileError: Error, Equatable, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Runs every row of `reader`, passing output text to `output` (in input order), a message
    /// for each rejected row to `diagnostics`, and (rows read, bytes read) to `progress` now and
    /// then.
    ///
    /// The record-at-a-time batch: every row becomes an ``InputRecord`` and is computed by its
    /// regime. It is the reference that the byte-level batches,
    /// ``runCSV(_:options:output:diagnostics:progress:)`` and
    /// ``runJSONLines(_:options:output:diagnostics:progress:)``, much faster, are tested against.
    public static func run(
        _ reader: inout some RecordReader, options: Options = Options(),
        output: (String) -> Void, diagnostics: (String) -> Void, progress: ((Int, Int) -> Void)? = nil
    ) throws(FileError) -> Summary {
        let known = options.catalog.knownFields
        var reportedUnknown = Set<String>()
        if let csv = reader as? CSVRecordReader {
            try csv.checkRequiredColumns()
            if let note = unusedColumnsNote(csv.columns, known: known) { diagnostics(note) }
            reportedUnknown.formUnion(csv.columns)
        }
        if let header = options.format.header(explain: options.explain) { output(header) }
        var summary = Summary()
        var firstLineOfId = FirstLines()
        var block: [InputRecord] = []
        // Notes on fields no regime reads, by row of the block: reported just before the row's
        // own diagnostic, whatever the block size.
        var unusedNotes: [(row: Int, text: String)] = []
        // Explained rows are computed a few at a time: one explanation can be a megabyte (a
        // segment for each year of a long window).
        let blockLimit = max(1, options.jobs) * (options.explain ? 16 : options.blockSize)
        block.reserveCapacity(blockLimit)

        func flush(_ block: [InputRecord]) {
            var noteIndex = 0
            for (row, outcome) in compute(block, options: options).enumerated() {
                while noteIndex < unusedNotes.count && unusedNotes[noteIndex].row == row {
                    diagnostics(unusedNotes[noteIndex].text)
                    noteIndex += 1
                }
                if let message = summary.add(outcome) { diagnostics(message) }
                output(String(decoding: outcome.bytes, as: UTF8.self))
            }
        }

        while var record = try reader.next() {
            // Checks that depend on earlier rows run here, in input order.
            let unknown = record.fields.keys.filter { !known.contains($0) }
            if !unknown.isEmpty {
                for name in unknown.sorted() where reportedUnknown.insert(name).inserted {
                    unusedNotes.append(
                        (
                            block.count,
                            "line \(record.line): field '\(name)' is not used by any regime; it is ignored\(FieldNameHint.suffix(for: name, in: known))"
                        ))
                }
                record = InputRecord(line: record.line, fields: record.fields.filter { known.contains($0.key) }, error: record.error)
            }
            record = requiringId(record)
            if record.error == nil, options.duplicateCandidates?.contains(IdHash.of(record.fields["id"]!)) ?? true {
                record = checkingRepeat(record, firstLineOfId: &firstLineOfId)
            }
            block.append(record)
            if block.count >= blockLimit {
                flush(block)
                block.removeAll(keepingCapacity: true)
                unusedNotes.removeAll(keepingCapacity: true)
                progress?(summary.read, reader.bytesRead)
            }
        }
        flush(block)
        progress?(summary.read, reader.bytesRead)
        return summary
    }

    /// Computes CSV bytes held in memory with the record batch (the reference; for speed use
    /// ``runCSV(bytes:options:output:diagnostics:)``).
    public static func run(
        csv: [UInt8], options: Options = Options(), output: (String) -> Void, diagnostics: (String) -> Void
    ) throws(FileError) -> Summary {
        var reader = try CSVRecordReader(bytes: csv)
        return try run(&reader, options: options, output: output, diagnostics: diagnostics)
    }

    /// The header's note on columns no regime reads: one line, naming at most ten of them.
    static func unusedColumnsNote(_ columns: [String], known: Set<String>) -> String? {
        var seen = Set<String>()
        let unused = columns.filter { !known.contains($0) && seen.insert($0).inserted }
        guard !unused.isEmpty else { return nil }
        if unused.count == 1 {
            return "line 1: column '\(unused[0])' is not used by any regime; it is ignored\(FieldNameHint.suffix(for: unused[0], in: known))"
        }
        let named = unused.prefix(10).map { "'\($0)'\(FieldNameHint.suffix(for: $0, in: known))" }.joined(separator: ", ")
        return "line 1: columns \(named)\(unused.count > 10 ? " and \(unused.count - 10) more" : "") are not used by any regime; they are ignored"
    }

    /// `record`, or an error when it has no id, or when a field holds a control character (a
    /// NUL, an escape, a line break in a field a regime reads): such a value would reach a
    /// result file or a terminal as raw bytes. The field is dropped from the row, so that the
    /// error row never carries it.
    static func requiringId(_ record: InputRecord) -> InputRecord {
        if let (name, scalar) = record.fields.lazy.compactMap({ field in field.value.unicodeScalars.first(where: isControl).map { (field.key, $0) } }).min(by: {
            $0.0 < $1.0
        }) {
            var fields = record.fields
            fields[name] = nil
            let code = String(scalar.value, radix: 16, uppercase: true)
            return InputRecord(
                line: record.line, fields: fields,
                error: record.error
                    ?? InputError(
                        field: name, reason: "contains a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)); remove it"))
        }
        guard record.error == nil, (record.fields["id"] ?? "").isEmpty else { return record }
        return InputRecord(line: record.line, fields: record.fields, error: InputError(field: "id", reason: "is empty; every row needs an id to be traced"))
    }

    /// A C0 control character or DEL (a tab is one too: inside a value it is never meant).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }

    /// `text` with control characters written as `\u{1B}`, for messages on a terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// `record`, or an error when its id already appeared; remembers the id's first line.
    /// Rows must come here in input order.
    static func checkingRepeat(_ record: InputRecord, firstLineOfId: inout FirstLines) -> InputRecord {
        guard record.error == nil, let id = record.fields["id"] else { return record }
        if let first = firstLineOfId.firstLine(of: id, elseAdd: record.line) { return repeated(record, id: id, first: first) }
        return record
    }

    /// `record` as the repeat of an id first seen on line `first`.
    static func repeated(_ record: InputRecord, id: String, first: Int) -> InputRecord {
        InputRecord(
            line: record.line, fields: record.fields,
            error: InputError(field: "id", reason: "\(InputError.quoted(id)) already appears on line \(first); each row needs its own id"))
    }

    /// The result of one row, ready to write.
    struct Outcome: Sendable {
        let line: Int
        let id: String
        let regime: String
        let result: ChargeResult?
        let error: InputError?
        /// The output line, as UTF-8 bytes.
        let bytes: [UInt8]
    }

    /// Computes a block of rows, on `options.jobs` threads; the outcomes are in input order.
    static func compute(_ block: [InputRecord], options: Options) -> [Outcome] {
        guard options.jobs > 1, block.count > 1 else { return block.map { outcome(of: $0, options: options) } }
        let slices = min(options.jobs, block.count)
        let results = UnsafeMutableBufferPointer<Outcome?>.allocate(capacity: block.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let shared = SharedBuffer(results)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (block.count * slice / slices)..<(block.count * (slice + 1) / slices)
            for index in range { shared.buffer[index] = outcome(of: block[index], options: options) }
        }
        return results.map { $0! }
    }

    static func outcome(of record: InputRecord, options: Options) -> Outcome {
        let id = record.fields["id"] ?? ""
        let regime = record.fields["regime"] ?? ""
        do throws(InputError) {
            if let error = record.error { throw error }
            let result = try options.catalog.compute(record.fields, asOf: options.asOf)
            return Outcome(
                line: record.line, id: id, regime: regime, result: result, error: nil,
                bytes: options.format.line(
                    id: id, regime: regime, line: record.line, result: result, error: nil, explain: options.explain, guardsFormulas: options.guardsFormulas))
        } catch {
            return Outcome(
                line: record.line, id: id, regime: regime, result: nil, error: error,
                bytes: options.format.line(
                    id: id, regime: regime, line: record.line, result: nil, error: error, explain: options.explain, guardsFormulas: options.guardsFormulas))
        }
    }
}

/// Lets worker threads write disjoint slots of one buffer.
private struct SharedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
