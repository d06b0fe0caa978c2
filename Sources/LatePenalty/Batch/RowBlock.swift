/// A block of input spans, computed on one thread, then written in input order.
final class RowBlock: @unchecked Sendable {
    let spans: [InputSpan]
    // Filled by compute(plan:options:), read by write(…); never both at once.
    let output: OutputBytes
    /// Diagnostics by row number within the block: of rejected rows, and of fields no regime
    /// reads (JSON Lines; `unused` names the field, reported once for the whole input).
    var notes: [(row: Int, text: String, unused: String?)] = []
    /// The unused fields noted in this block.
    var unusedNamed: Set<String> = []
    /// Rows whose id may repeat: settled in input order by write(…), at `offset` in `output`.
    var heldBack: [(row: Int, offset: Int, held: HeldRow)] = []

    /// A row held back until its id can be checked in input order.
    enum HeldRow {
        /// A row read the general way.
        case record(InputRecord)
        /// A row in the fast path's shape (its bytes in a span of the block, no copy): computed
        /// by the fast path once its id is known to be new, as most candidates are (false
        /// alarms of the screen).
        case plain(bytes: ArraySlice<UInt8>, line: Int, charge: FastCharge?)
    }
    var summary = Batch.Summary()
    /// The fast path's totals by regime (the plan's fast regimes, by index), added to `summary`
    /// once: in 128 bits while they fit, and what did not fit or was computed on GMP integers.
    var fastTotals: [Int128?] = []
    var fastLongTotals: [BigInteger?] = []
    /// The GMP integer the seed kernel computes long amounts in.
    let scratch = IntegerScratch()
    /// Plans compiled from rows' own terms, with the terms' bytes (see `rowTerms`).
    var rowPlans: [(regime: Int, fields: [[UInt8]], plan: AccrualPlan, kernel: DayChargeKernel?)] = []
    /// A row's partial payments, read into the same storage row after row.
    var payments: [(date: CivilDate, amount: Int128)] = []
    var rows = 0

    /// The spans left to compute when the block's output passed its budget: the batch computes
    /// them as the next block, so that one block holds about `outputBudget` bytes of output
    /// however long its rows' explanations are.
    private(set) var rest: [InputSpan] = []
    let outputBudget: Int

    /// `outputCapacity` is the output the block is expected to write, so that its buffer seldom
    /// grows (each growth copies what it holds).
    init(spans: [InputSpan], outputBudget: Int = .max, outputCapacity: Int = 1 << 16) {
        self.spans = spans
        self.outputBudget = outputBudget
        output = OutputBytes(capacity: outputCapacity)
    }

    /// Whether the block has written its budget's worth of output: it then leaves the rows from
    /// the next one on to ``rest``. Always after a row written, so that every block moves on.
    @inline(__always)
    func isFull() -> Bool { output.count >= outputBudget }

    func compute(plan: RowPlan, options: Batch.Options) {
        let regimeCount = plan.fast?.regimes.count ?? 0
        fastTotals = Array(repeating: nil, count: regimeCount)
        fastLongTotals = Array(repeating: nil, count: regimeCount)
        let capacity = plan.names.count + 1
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        defer { starts.deallocate(); ends.deallocate() }
        // Taken out once: copying it out of the plan for each row would retain its arrays.
        let fast = plan.fast
        for (spanIndex, span) in spans.enumerated() {
            func leave(_ remainder: InputSpan?) {
                rest = (remainder.map { [$0] } ?? []) + spans[(spanIndex + 1)...]
            }
            switch span {
            case .record(let record):
                if isFull() { return leave(span) }
                if plan.jsonColumns != nil { jsonRecord(record, plan: plan, options: options) } else { general(record, plan: plan, options: options) }
            case .rows(let plain) where plan.jsonColumns != nil:
                if let remainder = computeJSONLines(plain, columns: plan.jsonColumns!, plan: plan, options: options, starts, ends) {
                    return leave(.rows(remainder))
                }
            case .rows(let plain):
                let remainder: PlainRows? = plain.bytes.withUnsafeBufferPointer { buffer in
                    guard let bytes = buffer.baseAddress else { return nil }
                    let end = buffer.count
                    var index = 0, line = plain.firstLine
                    while index < end {
                        if isFull() { return plain.rest(from: index, line: line) }
                        let rowStart = index
                        let (fields, plainText, rowEnd) = RowBlock.splitRow(bytes, from: &index, end: end, starts, ends, capacity)
                        let rowLine = line
                        line += 1
                        if fields == 1 && rowEnd == rowStart { continue }  // a blank line
                        if plainText, fields == plan.names.count, let fast,
                            plainRow(bytes, starts, ends, row: rowStart..<rowEnd, line: rowLine, in: plain, fast: fast, plan: plan, options: options)
                        {
                            continue
                        }
                        let first = plain.bytes.startIndex
                        let fieldBytes = plain.bytes[(first + rowStart)..<(first + rowEnd)].split(separator: 0x2C, omittingEmptySubsequences: false)
                        general(
                            CSVRecordReader.record(line: rowLine, fields: fieldBytes, names: plan.names, encoding: plan.encoding),
                            plan: plan, options: options)
                    }
                    return nil
                }
                if let remainder { return leave(.rows(remainder)) }
            }
        }
    }

    /// Computes a row whose values are in `starts`/`ends` by the fast path, or holds it back
    /// when its id may repeat; false when it goes the general way. `row` is where the row is in
    /// `bytes`, the span's bytes.
    func plainRow(
        _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, row: Range<Int>, line: Int,
        in plain: PlainRows, fast: RowPlan.FastColumns, plan: RowPlan, options: Batch.Options
    ) -> Bool {
        guard plan.plainOutput != nil else {
            return resultRow(bytes, starts, ends, line: line, fast: fast, candidates: plan.candidates, options: options)
        }
        var held: FastCharge? = nil
        switch fastRow(bytes, starts, ends, line: line, fast: fast, candidates: plan.candidates, options: options, held: &held) {
        case .written:
            return true
        case .holdBack:
            // Positions relative to the row, which is all the held row keeps.
            held?.id.0 -= row.lowerBound; held?.id.1 -= row.lowerBound
            held?.regimeField.0 -= row.lowerBound; held?.regimeField.1 -= row.lowerBound
            let first = plain.bytes.startIndex
            heldBack.append((rows, output.count, .plain(bytes: plain.bytes[(first + row.lowerBound)..<(first + row.upperBound)], line: line, charge: held)))
            rows += 1
            return true
        case .general:
            return false
        }
    }

    /// Splits the row at `index` at its commas into `starts`/`ends` (as many fields as fit) and
    /// moves `index` past its line break. Returns the number of fields, whether every byte is
    /// ASCII other than NUL, and where the row's text ends.
    @inline(__always)
    private static func splitRow(
        _ bytes: UnsafePointer<UInt8>, from index: inout Int, end: Int,
        _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, _ capacity: Int
    ) -> (fields: Int, plainText: Bool, rowEnd: Int) {
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
        PlainRows.skipLineBreak(bytes, &index, end: end)
        return (fields, plainText, rowEnd)
    }

    /// A row the general way: its record prepared as the record-at-a-time batch prepares it,
    /// then computed by its regime, unless its id may repeat.
    func general(_ given: InputRecord, plan: RowPlan, options: Batch.Options) {
        let record = Batch.requiringId(given)
        if record.error == nil, plan.candidates?.contains(hash: IdHash.of(record.fields["id"] ?? "")) ?? true {
            heldBack.append((rows, output.count, .record(record)))
            rows += 1
            return
        }
        append(Batch.outcome(of: record, options: options))
    }

    /// Counts a computed row and writes its output.
    func append(_ outcome: Batch.Outcome) {
        if let message = summary.add(outcome) { notes.append((rows, message, nil)) }
        rows += 1
        outcome.bytes.withUnsafeBytes { output.append($0) }
    }

    /// Writes the block's output and diagnostics in input order, settling held-back rows.
    func write(
        plan: RowPlan, options: Batch.Options, firstLineOfId: inout FirstLines, reportedUnused: inout Set<String>,
        summary total: inout Batch.Summary, output write: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void
    ) {
        let bodyEnd = output.count  // settled rows are computed after it, then written in place
        var written = 0, noteIndex = 0
        func report(_ note: (row: Int, text: String, unused: String?)) {
            if let name = note.unused, !reportedUnused.insert(name).inserted { return }
            diagnostics(note.text)
        }
        for (row, offset, held) in heldBack {
            // Notes of the rows before, and a held row's own unused fields.
            while noteIndex < notes.count && notes[noteIndex].row <= row {
                report(notes[noteIndex])
                noteIndex += 1
            }
            write(UnsafeRawBufferPointer(rebasing: output.bytes[written..<offset]))
            written = offset
            switch held {
            case .record(let record):
                settle(Batch.checkingRepeat(record, firstLineOfId: &firstLineOfId), options: options, output: write, diagnostics: diagnostics)
            case .plain(let bytes, let line, let charge):
                settlePlain(charge, bytes, line: line, plan: plan, options: options, firstLineOfId: &firstLineOfId, output: write, diagnostics: diagnostics)
            }
        }
        while noteIndex < notes.count {
            report(notes[noteIndex])
            noteIndex += 1
        }
        write(UnsafeRawBufferPointer(rebasing: output.bytes[written..<bodyEnd]))
        addFastTotals(plan)
        total.add(summary)
    }

}
