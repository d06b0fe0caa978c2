import Dispatch

extension Batch {
    /// Runs every row of a CSV input, byte by byte: the same rows, results, errors and order as
    /// ``run(_:options:output:diagnostics:progress:)``, much faster.
    ///
    /// The input is cut into spans of plain rows (``InputSpan``), handed out in blocks to
    /// `options.jobs` threads and written back in input order. In a block, a row of
    /// `contract-late-completion` or `contract-late-payment` in its plainest form is read and
    /// computed straight from its bytes (``ContractRowKernel``) when the output is CSV without
    /// `--explain`; every other row is decoded into an ``InputRecord`` and computed by its regime
    /// as in the record-at-a-time batch. Rows whose id may repeat (``DuplicateIdScreen``) are
    /// held back and settled in input order when their block is written.
    ///
    /// `output` receives the output bytes (UTF-8) in order; they stay valid only during the call.
    public static func runCSV(
        _ reader: inout CSVRecordReader, options: Options = Options(),
        output: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void, progress: ((Int, Int) -> Void)? = nil
    ) throws(FileError) -> Summary {
        for column in requiredColumns where !reader.columns.contains(column) {
            throw FileError(description: "line 1: the header has no '\(column)' column; it needs \(requiredColumns.joined(separator: ",")) and the columns its regimes use (docs/file-format.md)")
        }
        let plan = CSVRowPlan(columns: reader.columns, encoding: reader.encoding, options: options)
        var reportedUnknown = Set<String>()
        for name in reader.columns where !plan.known.contains(name) && reportedUnknown.insert(name).inserted {
            diagnostics("line 1: column '\(name)' is not used by any regime; it is ignored")
        }
        if let header = options.format.header(explain: options.explain) {
            var text = header
            text.withUTF8 { output(UnsafeRawBufferPointer($0)) }
        }

        var summary = Summary()
        var firstLineOfId: [String: Int] = [:]
        let jobs = max(1, options.jobs)
        // A block is about `blockBytes` of input.
        let blockBytes = max(1, options.blockSize) * 128
        func nextBlock() throws(FileError) -> CSVBlock? {
            var spans: [InputSpan] = []
            var bytes = 0
            while bytes < blockBytes, let span = try reader.nextSpan(maxBytes: blockBytes - bytes) {
                switch span {
                case .rows(let rows): bytes += rows.bytes.count
                case .record: bytes += 256  // a rough share, so that a block of quoted rows stays small
                }
                spans.append(span)
            }
            return spans.isEmpty ? nil : CSVBlock(spans: spans)
        }
        func write(_ block: CSVBlock) {
            block.write(options: options, firstLineOfId: &firstLineOfId, summary: &summary, output: output, diagnostics: diagnostics)
            progress?(summary.read, reader.bytesRead)
        }

        guard jobs > 1 else {
            // One thread: read a block, compute it, write it.
            while let block = try nextBlock() {
                block.compute(plan: plan, options: options)
                write(block)
            }
            return summary
        }
        // Several: this thread reads blocks ahead and writes them back in order while up to
        // `jobs` workers compute them; at most `window` blocks are held, so memory stays flat.
        let window = jobs * 3
        let workers = DispatchSemaphore(value: jobs)
        var pending: [(block: CSVBlock, done: DispatchGroup)] = []
        var next = 0
        var readError: FileError? = nil
        while true {
            while readError == nil && pending.count - next < window {
                let block: CSVBlock?
                do { block = try nextBlock() } catch { readError = error; break }
                guard let block else { break }
                let done = DispatchGroup()
                done.enter()
                DispatchQueue.global().async {
                    workers.wait()
                    block.compute(plan: plan, options: options)
                    workers.signal()
                    done.leave()
                }
                pending.append((block, done))
            }
            guard next < pending.count else { break }
            pending[next].done.wait()
            if readError == nil { write(pending[next].block) }
            next += 1
            if next > window {  // drop written blocks now and then
                pending.removeFirst(next)
                next = 0
            }
        }
        if let readError { throw readError }
        return summary
    }

    /// Computes CSV bytes held in memory with ``runCSV(_:options:output:diagnostics:progress:)``,
    /// passing the output as text.
    public static func runCSV(
        bytes: [UInt8], options: Options = Options(), output: (String) -> Void, diagnostics: (String) -> Void
    ) throws(FileError) -> Summary {
        var reader = try CSVRecordReader(bytes: bytes)
        return try runCSV(&reader, options: options, output: { output(String(decoding: $0, as: UTF8.self)) }, diagnostics: diagnostics)
    }
}

/// What the byte-level batch knows from a CSV header: the columns, where the fast path's fields
/// are, and whether it can run at all.
struct CSVRowPlan: Sendable {
    let names: [String]
    let encoding: TextEncoding
    /// Field names some regime reads; other columns are ignored.
    let known: Set<String>
    let candidates: CandidateIds?
    /// Where ``ContractRowKernel``'s fields are, or nil when no row can take the fast path
    /// (JSON Lines output, `--explain`, a column missing or named twice).
    let fast: FastColumns?

    struct FastColumns: Sendable {
        let id: Int
        let regime: Int
        let amount: Int
        let due: Int
        let paid: Int
        let excluded: Int?
        /// Columns a contract regime could read that the kernel does not (payments, rate …):
        /// they must be empty for a row to take the fast path.
        let mustBeEmpty: [Int]
    }

    init(columns: [String], encoding: TextEncoding, options: Batch.Options) {
        names = columns
        self.encoding = encoding
        let known = options.catalog.knownFields
        self.known = known
        candidates = options.duplicateCandidates.map(CandidateIds.init)
        func only(_ name: String) -> Int? {
            let indices = columns.indices.filter { columns[$0] == name }
            return indices.count == 1 ? indices[0] : nil
        }
        let read: Set<String> = ["id", "regime", "amount", "due", "paid", "excluded"]
        let kernelRegimes = options.catalog.regime(named: ContractRegime.lateCompletion.rawValue) as? ContractRegime == .lateCompletion
            && options.catalog.regime(named: ContractRegime.latePayment.rawValue) as? ContractRegime == .latePayment
        if options.format == .csv, !options.explain, kernelRegimes,
            let id = only("id"), let regime = only("regime"), let amount = only("amount"), let due = only("due"), let paid = only("paid"),
            columns.filter({ $0 == "excluded" }).count <= 1
        {
            fast = FastColumns(
                id: id, regime: regime, amount: amount, due: due, paid: paid, excluded: only("excluded"),
                mustBeEmpty: columns.indices.filter { known.contains(columns[$0]) && !read.contains(columns[$0]) })
        } else {
            fast = nil
        }
    }
}

/// A block of input spans, computed on one thread, then written in input order.
final class CSVBlock: @unchecked Sendable {
    let spans: [InputSpan]
    // Filled by compute(plan:options:), read by write(…); never both at once.
    private let output = OutputBytes()
    /// Diagnostics of rejected rows, by row number within the block.
    private var notes: [(row: Int, text: String)] = []
    /// Rows whose id may repeat: settled in input order by write(…), at `offset` in `output`.
    private var heldBack: [(row: Int, offset: Int, record: InputRecord)] = []
    private var summary = Batch.Summary()
    /// Fast-path totals, kept in 128 bits and added to `summary` once (nil: no row).
    private var lateCompletionTotal: Int128? = nil
    private var latePaymentTotal: Int128? = nil
    private var rows = 0

    init(spans: [InputSpan]) { self.spans = spans }

    func compute(plan: CSVRowPlan, options: Batch.Options) {
        let kernel = ContractRowKernel()
        let capacity = plan.names.count + 1
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        defer { starts.deallocate(); ends.deallocate() }
        for span in spans {
            switch span {
            case .record(let record):
                general(record, plan: plan, options: options)
            case .rows(let plain):
                plain.bytes.withUnsafeBufferPointer { buffer in
                    guard let bytes = buffer.baseAddress else { return }
                    let end = buffer.count
                    var index = 0, line = plain.firstLine
                    while index < end {
                        // Split one row at commas; note any byte that is not plain ASCII text.
                        let rowStart = index
                        var fields = 0, fieldStart = index, plainText = true
                        while true {
                            index = PlainRowScan.nextSpecial(bytes, from: index, end: end)
                            if index >= end { break }
                            let byte = bytes[index]
                            if byte == 0x2C {
                                if fields < capacity { starts[fields] = fieldStart; ends[fields] = index }
                                fields += 1
                                fieldStart = index + 1
                            } else if byte == 0x0A || byte == 0x0D {
                                break
                            } else {
                                plainText = false  // NUL or a byte of a multi-byte character
                            }
                            index += 1
                        }
                        if fields < capacity { starts[fields] = fieldStart; ends[fields] = index }
                        fields += 1
                        let rowEnd = index
                        if index < end { index += bytes[index] == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1 }
                        let rowLine = line
                        line += 1
                        if fields == 1 && rowEnd == rowStart { continue }  // a blank line
                        if plainText, fields == plan.names.count, let fast = plan.fast,
                            fastRow(bytes, starts, ends, fast: fast, candidates: plan.candidates, kernel: kernel)
                        {
                            continue
                        }
                        let first = plain.bytes.startIndex
                        let fieldBytes = plain.bytes[(first + rowStart)..<(first + rowEnd)].split(separator: 0x2C, omittingEmptySubsequences: false)
                        general(
                            CSVRecordReader.record(line: rowLine, fields: fieldBytes, names: plan.names, encoding: plan.encoding),
                            plan: plan, options: options)
                    }
                }
            }
        }
        if let lateCompletionTotal { addTotal(lateCompletionTotal, ContractRegime.lateCompletion.rawValue) }
        if let latePaymentTotal { addTotal(latePaymentTotal, ContractRegime.latePayment.rawValue) }
    }

    private func addTotal(_ total: Int128, _ regime: String) {
        summary.totalByRegime[regime, default: .zero] = summary.totalByRegime[regime, default: .zero] + Yen(BigInteger(String(total))!)
    }

    /// Computes a plain row with ``ContractRowKernel`` and writes its output, or returns false
    /// to send it the general way.
    @inline(__always)
    private func fastRow(
        _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>,
        fast: CSVRowPlan.FastColumns, candidates: CandidateIds?, kernel: ContractRowKernel
    ) -> Bool {
        func field(_ column: Int) -> (Int, Int) { ByteFields.trimmed(bytes, starts[column], ends[column]) }
        for column in fast.mustBeEmpty {
            let (start, end) = field(column)
            if end > start { return false }
        }
        let id = field(fast.id)
        guard id.1 > id.0 else { return false }
        // An id that may repeat is settled in order, the general way.
        guard let candidates, !candidates.contains(hash: IdHash.of(bytes + id.0, count: id.1 - id.0)) else { return false }
        let regime = field(fast.regime)
        guard let row = ContractRowKernel.read(
                bytes, regime: regime, amount: field(fast.amount), due: field(fast.due), paid: field(fast.paid),
                excluded: fast.excluded.map(field)),
            let charge = kernel.charge(row)
        else { return false }

        rows += 1
        summary.read += 1
        summary.computed += 1
        if charge.waived { summary.waived += 1 }
        if row.lateCompletion {
            lateCompletionTotal = (lateCompletionTotal ?? 0) + charge.amount
        } else {
            latePaymentTotal = (latePaymentTotal ?? 0) + charge.amount
        }
        // id,regime,status,amount,counted_days,excluded_days,error — the same bytes CSVWriter
        // writes: neither id nor regime can need quoting here (no comma, quote or line break).
        output.reserve(id.1 - id.0 + regime.1 - regime.0 + 80)
        output.append(bytes + id.0, count: id.1 - id.0)
        output.append(0x2C)
        output.append(bytes + regime.0, count: regime.1 - regime.0)
        let status = charge.waived ? CSVBlock.waivedField : CSVBlock.okField
        output.append(status.utf8Start, count: status.utf8CodeUnitCount)
        output.appendDecimal(charge.amount)
        output.append(0x2C)
        output.appendDecimal(Int128(charge.countedDays))
        output.append(0x2C)
        output.appendDecimal(Int128(charge.excludedDays))
        output.append(0x2C)
        output.append(0x0A)
        return true
    }

    private static let okField: StaticString = ",ok,"
    private static let waivedField: StaticString = ",waived,"

    /// A row the general way: its record prepared as the record-at-a-time batch prepares it,
    /// then computed by its regime, unless its id may repeat.
    private func general(_ given: InputRecord, plan: CSVRowPlan, options: Batch.Options) {
        var record = given
        if record.fields.keys.contains(where: { !plan.known.contains($0) }) {
            record = InputRecord(line: record.line, fields: record.fields.filter { plan.known.contains($0.key) }, error: record.error)
        }
        record = Batch.requiringId(record)
        let row = rows
        rows += 1
        if record.error == nil, plan.candidates?.contains(hash: IdHash.of(record.fields["id"]!)) ?? true {
            heldBack.append((row, output.count, record))
            return
        }
        let outcome = Batch.outcome(of: record, options: options)
        if let message = summary.add(outcome) { notes.append((row, message)) }
        output.append(outcome.text)
    }

    /// Writes the block's output and diagnostics in input order, settling held-back rows.
    func write(
        options: Batch.Options, firstLineOfId: inout [String: Int], summary total: inout Batch.Summary,
        output write: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void
    ) {
        let bytes = output.bytes
        var written = 0, noteIndex = 0
        for held in heldBack {
            while noteIndex < notes.count && notes[noteIndex].row < held.row {
                diagnostics(notes[noteIndex].text)
                noteIndex += 1
            }
            write(UnsafeRawBufferPointer(rebasing: bytes[written..<held.offset]))
            written = held.offset
            let outcome = Batch.outcome(of: Batch.checkingRepeat(held.record, firstLineOfId: &firstLineOfId), options: options)
            if let message = summary.add(outcome) { diagnostics(message) }
            var text = outcome.text
            text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
        }
        while noteIndex < notes.count {
            diagnostics(notes[noteIndex].text)
            noteIndex += 1
        }
        write(UnsafeRawBufferPointer(rebasing: bytes[written...]))
        total.add(summary)
    }
}

/// Finding the bytes that matter in a plain row eight at a time.
enum PlainRowScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `index` that is a comma, CR, LF, NUL or not
    /// ASCII, or `end`.
    @inline(__always)
    static func nextSpecial(_ bytes: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(bytes)
        while end - index >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // The lowest flagged byte of `zeros(x)` is exactly the first zero byte of x; flags
            // above it may be false, so only the lowest is trusted, and scanning resumes after it.
            let found = zeros(word ^ (0x2C &* ones)) | zeros(word ^ (0x0A &* ones)) | zeros(word ^ (0x0D &* ones))
                | zeros(word) | (word & highs)
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == 0x2C || byte == 0x0A || byte == 0x0D || byte == 0 || byte >= 0x80 { return index }
            index += 1
        }
        return end
    }

    @inline(__always)
    private static func zeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
}

/// The ids that may repeat (``DuplicateIdScreen``), asked about once per row: a 64 Kibit map of
/// their hashes answers "no" with one load for nearly every row, before the set is consulted.
struct CandidateIds: Sendable {
    private let hashes: Set<Int>
    private let map: [UInt64]

    init(_ hashes: Set<Int>) {
        self.hashes = hashes
        var map = [UInt64](repeating: 0, count: 1024)
        for hash in hashes { map[(hash >> 6) & 1023] |= 1 << UInt64(hash & 63) }
        self.map = map
    }

    @inline(__always)
    func contains(hash: Int) -> Bool {
        guard map[(hash >> 6) & 1023] & (1 << UInt64(hash & 63)) != 0 else { return false }
        return hashes.contains(hash)
    }
}
