/// A block of input spans, computed on one thread, then written in input order.
final class CSVBlock: @unchecked Sendable {
    let spans: [InputSpan]
    // Filled by compute(plan:options:), read by write(…); never both at once.
    private let output = OutputBytes()
    /// Diagnostics of rejected rows, by row number within the block.
    private var notes: [(row: Int, text: String)] = []
    /// Rows whose id may repeat: settled in input order by write(…), at `offset` in `output`.
    private var heldBack: [(row: Int, offset: Int, held: HeldRow)] = []

    /// A row held back until its id can be checked in input order.
    private enum HeldRow {
        /// A row read the general way.
        case record(InputRecord)
        /// A row in the fast path's shape (its bytes in a span of the block, no copy): computed
        /// by the fast path once its id is known to be new, as most candidates are (false
        /// alarms of the screen).
        case plain(bytes: ArraySlice<UInt8>, line: Int, charge: FastCharge?)
    }
    private var summary = Batch.Summary()
    /// The fast path's totals by regime (the plan's fast regimes, by index), added to `summary`
    /// once: in 128 bits while they fit, and what did not fit or was computed on GMP integers.
    private var fastTotals: [Int128?] = []
    private var fastLongTotals: [BigInteger?] = []
    /// The GMP integer the seed kernel computes long amounts in.
    private let scratch = IntegerScratch()
    /// Plans compiled from rows' own terms, with the terms' bytes (see `rowTerms`).
    private var rowPlans: [(regime: Int, fields: [[UInt8]], plan: AccrualPlan, kernel: DayChargeKernel?)] = []
    /// The header's column names, for reading a row's terms.
    private var namesForTerms: [String] = []
    /// A row's partial payments, read into the same storage row after row.
    private var payments: [(date: CivilDate, amount: Int128)] = []
    private var rows = 0

    init(spans: [InputSpan]) { self.spans = spans }

    func compute(plan: CSVRowPlan, options: Batch.Options) {
        let regimeCount = plan.fast?.regimes.count ?? 0
        namesForTerms = plan.names
        fastTotals = Array(repeating: nil, count: regimeCount)
        fastLongTotals = Array(repeating: nil, count: regimeCount)
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
                        let rowStart = index
                        let (fields, plainText, rowEnd) = CSVBlock.splitRow(bytes, from: &index, end: end, starts, ends, capacity)
                        let rowLine = line
                        line += 1
                        if fields == 1 && rowEnd == rowStart { continue }  // a blank line
                        if plainText, fields == plan.names.count, let fast = plan.fast {
                            var held: FastCharge? = nil
                            switch fastRow(bytes, starts, ends, line: rowLine, fast: fast, candidates: plan.candidates, options: options, held: &held) {
                            case .written:
                                continue
                            case .holdBack:
                                // Positions relative to the row, which is all the held row keeps.
                                held?.id.0 -= rowStart; held?.id.1 -= rowStart
                                held?.regimeField.0 -= rowStart; held?.regimeField.1 -= rowStart
                                let first = plain.bytes.startIndex
                                heldBack.append(
                                    (rows, output.count, .plain(bytes: plain.bytes[(first + rowStart)..<(first + rowEnd)], line: rowLine, charge: held)))
                                rows += 1
                                continue
                            case .general:
                                break
                            }
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
        if index < end { index += bytes[index] == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1 }
        return (fields, plainText, rowEnd)
    }

    /// Adds the fast path's totals to the block's summary.
    private func addFastTotals(_ plan: CSVRowPlan) {
        guard let regimes = plan.fast?.regimes else { return }
        for index in regimes.indices where index < fastTotals.count {
            var total: BigInteger? = fastLongTotals[index]
            if let small = fastTotals[index] { total = (total ?? BigInteger(0)) + small.bigInteger }
            if let total { summary.addTotal(Yen(total), for: regimes[index].name) }
        }
        fastTotals = fastTotals.map { _ in nil }
        fastLongTotals = fastLongTotals.map { _ in nil }
    }

    /// Adds a charge to its regime's total, in 128 bits while the sum fits.
    @inline(__always)
    private func addToTotal(_ amount: Int128, regime index: Int) {
        let (sum, overflow) = (fastTotals[index] ?? 0).addingReportingOverflow(amount)
        if overflow {
            fastLongTotals[index] = (fastLongTotals[index] ?? BigInteger(0)) + amount.bigInteger
            if fastTotals[index] == nil { fastTotals[index] = 0 }
        } else {
            fastTotals[index] = sum
        }
    }

    private func addToLongTotal(_ amount: BigInteger, regime index: Int) {
        fastLongTotals[index] = (fastLongTotals[index] ?? BigInteger(0)) + amount
    }

    private enum FastOutcome {
        /// Computed and written.
        case written
        /// The id may repeat: to be settled in input order.
        case holdBack
        /// Not in the fast path's shape: to be read and computed the general way.
        case general
    }

    /// Computes a plain row by its regime's plan or kernel and writes its output, unless its id may
    /// repeat (when `checkingRepeats`: it is among `candidates`, or there are none because the
    /// input was not screened) or the row is not in the fast path's shape. A row held back is
    /// computed here all the same (`held`), so that settling it in input order only checks its id.
    @inline(__always)
    private func fastRow(
        _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, line: Int,
        fast: CSVRowPlan.FastColumns, checkingRepeats: Bool = true, candidates: CandidateIds?,
        options: Batch.Options, held: inout FastCharge?
    ) -> FastOutcome {
        func field(_ column: Int) -> (Int, Int) { ByteFields.trimmed(bytes, starts[column], ends[column]) }
        let id = field(fast.id)
        guard id.1 > id.0, options.guardsFormulas ? ByteFields.isPlainId(bytes, id.0, id.1) : ByteFields.hasNoControl(bytes, id.0, id.1) else {
            return .general
        }
        if checkingRepeats, candidates?.contains(hash: IdHash.of(bytes + id.0, count: id.1 - id.0)) ?? true {
            held = fastCharge(bytes, starts, ends, fast: fast, keepingScratch: false)
            return .holdBack
        }
        guard let charge = fastCharge(bytes, starts, ends, fast: fast, keepingScratch: true) else { return .general }
        emit(charge, bytes, line: line)
        return .written
    }

    /// A plain row computed by the fast path, not yet counted or written.
    struct FastCharge {
        /// The regime's index among the plan's fast regimes.
        var regime: Int
        /// Where the id and the regime are in the row's bytes.
        var id: (Int, Int)
        var regimeField: (Int, Int)
        var amount: Int128
        /// The amount when it was computed on GMP integers (then `amount` is 0).
        var big: BigInteger?
        /// Whether the amount is in the block's scratch integer instead (only when written at once).
        var inScratch: Bool
        var waived: Bool
        var countedDays: Int
        var excludedDays: Int
    }

    /// Computes a plain row by its regime's plan or kernel, or returns nil to send it the general
    /// way. A long amount of the kernel stays in the block's scratch integer when
    /// `keepingScratch` (the row is written next), else it is copied out.
    @inline(__always)
    private func fastCharge(
        _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>,
        fast: CSVRowPlan.FastColumns, keepingScratch: Bool
    ) -> FastCharge? {
        func field(_ column: Int) -> (Int, Int) { ByteFields.trimmed(bytes, starts[column], ends[column]) }
        let regime = field(fast.regime)
        guard let index = fast.regimes.firstIndex(where: { ByteFields.equals(bytes, regime.0, regime.1, $0.nameBytes) }) else { return nil }
        let entry = fast.regimes[index]
        for column in entry.mustBeEmpty {
            let (start, end) = field(column)
            if end > start { return nil }
        }
        if !entry.readsExcluded, let column = fast.excluded, field(column).1 > field(column).0 { return nil }
        var plan = entry.plan, kernel = entry.kernel
        if plan == nil || entry.termColumns.contains(where: { field($0).1 > field($0).0 }) {
            guard let terms = rowTerms(entry, regime: index, bytes, starts, ends) else { return nil }
            (plan, kernel) = (terms.plan, terms.kernel)
        }
        guard let plan else { return nil }
        var hasPayments = false
        if let column = fast.payments {
            let (start, end) = field(column)
            if end > start {
                guard entry.readsPayments, PlainRow.readPayments(bytes, start, end, into: &payments) else { return nil }
                hasPayments = true
            }
        }
        guard let row = PlainRow.read(bytes, amount: field(fast.amount), due: field(fast.due), paid: field(fast.paid), excluded: fast.excluded.map(field))
        else { return nil }
        var charge = FastCharge(
            regime: index, id: field(fast.id), regimeField: regime, amount: 0, big: nil, inScratch: false, waived: false,
            countedDays: 0, excludedDays: 0)
        if let kernel, !hasPayments {
            guard let computed = kernel.charge(row, bytes: bytes, scratch: scratch) else { return nil }
            (charge.amount, charge.waived, charge.countedDays, charge.excludedDays) = (
                computed.amount, computed.waived, computed.countedDays, computed.excludedDays
            )
            if computed.inScratch {
                if keepingScratch { charge.inScratch = true } else { charge.big = scratch.bigInteger }
            }
        } else {
            let excluded =
                row.hasExcluded
                ? ExcludedDays([DateWindow(first: CivilDate(dayNumber: row.excludedFirst), last: CivilDate(dayNumber: row.excludedLast))]) : .none
            let longPrincipal = row.longAmount.map {
                BigInteger(String(decoding: UnsafeBufferPointer(start: bytes + $0.0, count: $0.1 - $0.0), as: UTF8.self))!
            }
            guard
                let computed = plan.plainCharge(
                    principal: row.longAmount == nil ? Int128(row.amount) : nil, longPrincipal: longPrincipal,
                    due: CivilDate(dayNumber: row.due), end: CivilDate(dayNumber: row.paid), excluded: excluded,
                    payments: hasPayments ? payments : [])
            else { return nil }
            (charge.amount, charge.big, charge.waived, charge.countedDays, charge.excludedDays) =
                (computed.amount, computed.bigAmount, computed.waived, computed.countedDays, computed.excludedDays)
        }
        return charge
    }

    /// The plan of a row that gives terms of its own (a rate, or every term for `custom`),
    /// compiled from its term columns by the regime, or nil when they are not valid (the general
    /// way reports why). Rows of a regime with the same terms share one plan: the block keeps the
    /// last 64 it compiled.
    private func rowTerms(
        _ entry: CSVRowPlan.FastRegime, regime: Int, _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>,
        _ ends: UnsafeMutablePointer<Int>
    ) -> (plan: AccrualPlan, kernel: DayChargeKernel?)? {
        func field(_ column: Int) -> (Int, Int) { ByteFields.trimmed(bytes, starts[column], ends[column]) }
        for cached in rowPlans.reversed() where cached.regime == regime {
            var same = true
            for (position, column) in entry.termColumns.enumerated() {
                let (start, end) = field(column)
                if !ByteFields.equals(bytes, start, end, cached.fields[position]) { same = false; break }
            }
            if same { return (cached.plan, cached.kernel) }
        }
        var values: [String: String] = [:]
        var fields: [[UInt8]] = []
        for column in entry.termColumns {
            let (start, end) = field(column)
            let text = Array(UnsafeBufferPointer(start: bytes + start, count: end - start))
            fields.append(text)
            values[namesForTerms[column]] = String(decoding: text, as: UTF8.self)
        }
        guard let terms = try? entry.regime.rowTerms(CaseFields(values: values)) else { return nil }
        let plan = AccrualPlan(terms: terms)
        if rowPlans.count == 64 { rowPlans.removeFirst() }
        rowPlans.append((regime, fields, plan, DayChargeKernel(terms: terms)))
        return (plan, rowPlans[rowPlans.count - 1].kernel)
    }

    /// Counts a computed plain row in the block's summary and totals and writes its output row.
    @inline(__always)
    private func emit(_ charge: FastCharge, _ bytes: UnsafePointer<UInt8>, line: Int) {
        if charge.inScratch {
            addToLongTotal(scratch.bigInteger, regime: charge.regime)
        } else if let big = charge.big {
            addToLongTotal(big, regime: charge.regime)
        } else {
            addToTotal(charge.amount, regime: charge.regime)
        }
        rows += 1
        summary.read += 1
        summary.computed += 1
        if charge.waived { summary.waived += 1 }
        // id,regime,line,status,amount,counted_days,excluded_days,error — the same bytes
        // CSVWriter writes: neither id nor regime can need quoting here (no comma, quote or line
        // break, no formula start).
        let id = charge.id, regime = charge.regimeField
        output.reserve(id.1 - id.0 + regime.1 - regime.0 + 100)
        output.append(bytes + id.0, count: id.1 - id.0)
        output.append(0x2C)
        output.append(bytes + regime.0, count: regime.1 - regime.0)
        output.append(0x2C)
        output.appendDecimal(Int128(line))
        let status = charge.waived ? CSVBlock.waivedField : CSVBlock.okField
        output.append(status.utf8Start, count: status.utf8CodeUnitCount)
        if charge.inScratch {
            scratch.withDecimalDigits { output.append($0.baseAddress!, count: $0.count) }
        } else if let big = charge.big {
            output.append(big.description)
        } else {
            output.appendDecimal(charge.amount)
        }
        output.append(0x2C)
        output.appendDecimal(Int128(charge.countedDays))
        output.append(0x2C)
        output.appendDecimal(Int128(charge.excludedDays))
        output.append(0x2C)
        output.append(0x0A)
    }

    private static let okField: StaticString = ",ok,"
    private static let waivedField: StaticString = ",waived,"

    /// A row the general way: its record prepared as the record-at-a-time batch prepares it,
    /// then computed by its regime, unless its id may repeat.
    private func general(_ given: InputRecord, plan: CSVRowPlan, options: Batch.Options) {
        let record = Batch.requiringId(given)
        let row = rows
        rows += 1
        if record.error == nil, plan.candidates?.contains(hash: IdHash.of(record.fields["id"]!)) ?? true {
            heldBack.append((row, output.count, .record(record)))
            return
        }
        let outcome = Batch.outcome(of: record, options: options)
        if let message = summary.add(outcome) { notes.append((row, message)) }
        output.append(outcome.text)
    }

    /// Writes the block's output and diagnostics in input order, settling held-back rows.
    func write(
        plan: CSVRowPlan, options: Batch.Options, firstLineOfId: inout FirstLines, summary total: inout Batch.Summary,
        output write: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void
    ) {
        let bodyEnd = output.count  // settled rows are computed after it, then written in place
        var written = 0, noteIndex = 0
        for (row, offset, held) in heldBack {
            while noteIndex < notes.count && notes[noteIndex].row < row {
                diagnostics(notes[noteIndex].text)
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
            diagnostics(notes[noteIndex].text)
            noteIndex += 1
        }
        write(UnsafeRawBufferPointer(rebasing: output.bytes[written..<bodyEnd]))
        addFastTotals(plan)
        total.add(summary)
    }

    /// Computes a held-back record, its id already checked, and writes it.
    private func settle(_ record: InputRecord, options: Batch.Options, output write: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void) {
        let outcome = Batch.outcome(of: record, options: options)
        if let message = summary.add(outcome) { diagnostics(message) }
        var text = outcome.text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Checks a held-back plain row's id: a new id's row, computed when its block was, is
    /// counted and written, and its id noted; a repeat, or a row the fast path did not take,
    /// goes as the record batch does it (which notes an id only for a readable row).
    private func settlePlain(
        _ charge: FastCharge?, _ row: ArraySlice<UInt8>, line: Int, plan: CSVRowPlan, options: Batch.Options,
        firstLineOfId: inout FirstLines, output write: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void
    ) {
        let settled: Bool = row.withUnsafeBufferPointer { buffer in
            guard let charge, let bytes = buffer.baseAddress else { return false }
            let id = UnsafeBufferPointer(start: bytes + charge.id.0, count: charge.id.1 - charge.id.0)
            guard firstLineOfId.firstLine(of: id) == nil else { return false }
            firstLineOfId.add(id, line: line)
            let before = output.count
            emit(charge, bytes, line: line)
            write(UnsafeRawBufferPointer(rebasing: output.bytes[before...]))
            return true
        }
        if !settled {
            let record = Batch.checkingRepeat(prepared(row, line: line, plan: plan), firstLineOfId: &firstLineOfId)
            settle(record, options: options, output: write, diagnostics: diagnostics)
        }
    }

    /// A plain row's record, prepared as the record batch prepares it.
    private func prepared(_ row: ArraySlice<UInt8>, line: Int, plan: CSVRowPlan) -> InputRecord {
        let fields = row.split(separator: 0x2C, omittingEmptySubsequences: false)
        return Batch.requiringId(CSVRecordReader.record(line: line, fields: fields, names: plan.names, encoding: plan.encoding))
    }
}
