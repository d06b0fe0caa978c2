// The fast path of a block: a plain row read from its bytes, computed by its regime's plan or
// kernel, and its output row written as bytes.

extension RowBlock {
    enum FastOutcome {
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
    func fastRow(
        _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, line: Int,
        fast: RowPlan.FastColumns, checkingRepeats: Bool = true, candidates: CandidateIds?,
        options: Batch.Options, held: inout FastCharge?
    ) -> FastOutcome {
        func field(_ column: Int) -> (Int, Int) { ByteFields.trimmed(bytes, starts[column], ends[column]) }
        let id = field(fast.id)
        let writesAsIs =
            options.format == .jsonl
            ? ByteFields.writesAsJSON(bytes, id.0, id.1)
            : options.guardsFormulas ? ByteFields.isPlainId(bytes, id.0, id.1) : ByteFields.writesAsIs(bytes, id.0, id.1)
        guard id.1 > id.0, writesAsIs else { return .general }
        if checkingRepeats, candidates?.contains(hash: IdHash.of(bytes + id.0, count: id.1 - id.0)) ?? true {
            held = fastCharge(bytes, starts, ends, fast: fast, keepingScratch: false)
            return .holdBack
        }
        guard let charge = fastCharge(bytes, starts, ends, fast: fast, keepingScratch: true) else { return .general }
        emit(charge, bytes, line: line, format: options.format)
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

    /// What a plain row holds once read from its bytes: its regime, the plan (the regime's, or
    /// the row's own terms compiled) and kernel, and its values.
    ///
    /// Its references are not retained: the plan's fast regimes and the block's plans for row
    /// terms outlive the row, which is computed before the block reads the next one. Retaining
    /// them costs more than the arithmetic of a plain row, and on several threads far more: each
    /// retain writes the shared object's count, whose cache line then moves from core to core.
    struct PlainCase {
        var regime: Int
        unowned(unsafe) var entry: RowPlan.FastRegime
        var regimeField: (Int, Int)
        var plan: Unmanaged<AccrualPlan>
        var kernel: DayChargeKernel?
        var row: PlainRow
        /// Whether the row's payments were read into the block's `payments`.
        var hasPayments: Bool
    }

    /// Reads a plain row of a regime the fast path computes, or returns nil to send it the
    /// general way.
    @inline(__always)
    func plainCase(
        _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, fast: RowPlan.FastColumns
    ) -> PlainCase? {
        func field(_ column: Int) -> (Int, Int) { ByteFields.trimmed(bytes, starts[column], ends[column]) }
        let regime = field(fast.regime)
        // By index, and not retained (see PlainCase): this runs for every row.
        var found: Int? = nil
        for position in fast.regimes.indices {
            if ByteFields.equals(bytes, regime.0, regime.1, fast.regimes[position].nameBytes) {
                found = position
                break
            }
        }
        guard let index = found else { return nil }
        unowned(unsafe) let entry = fast.regimes[index]
        for column in entry.mustBeEmpty {
            let (start, end) = field(column)
            if end > start { return nil }
        }
        if !entry.readsExcluded, let column = fast.excluded, field(column).1 > field(column).0 { return nil }
        var hasPayments = false
        if let column = fast.payments {
            let (start, end) = field(column)
            if end > start {
                guard entry.readsPayments, PlainRow.readPayments(bytes, start, end, into: &payments) else { return nil }
                hasPayments = true
            }
        }
        // The day-charge kernel only for rows without payments: it computes no balance periods.
        var plan = entry.unretainedPlan
        var kernel = hasPayments ? nil : entry.kernel
        if plan == nil || entry.termColumnIndexes.contains(where: { field($0).1 > field($0).0 }) {
            guard let terms = rowTerms(entry, regime: index, bytes, starts, ends) else { return nil }
            (plan, kernel) = (terms.plan, hasPayments ? nil : terms.kernel)
        }
        guard let plan else { return nil }
        guard let row = PlainRow.read(bytes, amount: field(fast.amount), due: field(fast.due), paid: field(fast.paid), excluded: fast.excluded.map(field))
        else { return nil }
        return PlainCase(regime: index, entry: entry, regimeField: regime, plan: plan, kernel: kernel, row: row, hasPayments: hasPayments)
    }

    /// Computes a plain row by its regime's plan or kernel, or returns nil to send it the general
    /// way. A long amount of the kernel stays in the block's scratch integer when
    /// `keepingScratch` (the row is written next), else it is copied out.
    @inline(__always)
    func fastCharge(
        _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>,
        fast: RowPlan.FastColumns, keepingScratch: Bool
    ) -> FastCharge? {
        guard let read = plainCase(bytes, starts, ends, fast: fast) else { return nil }
        // A reference guaranteed by the plan's owners for the call, never retained (see PlainCase).
        return read.plan._withUnsafeGuaranteedRef { plan in
            fastCharge(read, plan: plan, bytes, starts, ends, fast: fast, keepingScratch: keepingScratch)
        }
    }

    @inline(__always)
    private func fastCharge(
        _ read: PlainCase, plan: AccrualPlan, _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>,
        fast: RowPlan.FastColumns, keepingScratch: Bool
    ) -> FastCharge? {
        let (index, kernel, row, hasPayments) = (read.regime, read.kernel, read.row, read.hasPayments)
        let regime = read.regimeField
        let id = ByteFields.trimmed(bytes, starts[fast.id], ends[fast.id])
        var charge = FastCharge(
            regime: index, id: id, regimeField: regime, amount: 0, big: nil, inScratch: false, waived: false,
            countedDays: 0, excludedDays: 0)
        if let kernel, !hasPayments {
            guard let computed = kernel.charge(row, bytes: bytes, scratch: scratch) else { return nil }
            (charge.amount, charge.waived, charge.countedDays, charge.excludedDays) = (
                computed.amount, computed.waived, computed.countedDays, computed.excludedDays
            )
            if computed.inScratch {
                if keepingScratch { charge.inScratch = true } else { charge.big = scratch.bigInteger }
            }
        } else if row.longAmount == nil, let segment = plan.unretainedSegmentKernel,
            // Not retained: the plan holds it for the run (see PlainCase).
            let computed = segment._withUnsafeGuaranteedRef({
                $0.charge(
                    principal: Int128(row.amount), due: row.due, end: row.paid, excludedFirst: row.excludedFirst,
                    excludedLast: row.excludedLast, payments: hasPayments ? payments : [])
            })
        {
            (charge.amount, charge.waived, charge.countedDays, charge.excludedDays) = (
                computed.amount, computed.waived, computed.countedDays, computed.excludedDays
            )
        } else {
            guard
                let computed = plan.plainCharge(
                    principal: row.longAmount == nil ? Int128(row.amount) : nil, longPrincipal: row.longPrincipal(bytes),
                    due: CivilDate(dayNumber: row.due), end: CivilDate(dayNumber: row.paid), excluded: row.excluded,
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
    func rowTerms(
        _ entry: RowPlan.FastRegime, regime: Int, _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>,
        _ ends: UnsafeMutablePointer<Int>
    ) -> (plan: Unmanaged<AccrualPlan>, kernel: DayChargeKernel?)? {
        func field(_ column: Int) -> (Int, Int) { ByteFields.trimmed(bytes, starts[column], ends[column]) }
        // By index: copying an entry out would retain each of its references, row after row.
        let columns = entry.termColumns.count
        var index = rowPlans.count - 1
        while index >= 0 {
            defer { index -= 1 }
            guard rowPlans[index].regime == regime else { continue }
            var same = true
            for position in 0..<columns {
                let (start, end) = field(entry.termColumns[position].column)
                if !ByteFields.equals(bytes, start, end, rowPlans[index].fields[position]) { same = false; break }
            }
            // The block's list keeps the plan for the rows that use it.
            if same { return (Unmanaged.passUnretained(rowPlans[index].plan), rowPlans[index].kernel) }
        }
        var values: [String: String] = [:]
        var fields: [[UInt8]] = []
        for (column, name) in entry.termColumns {
            let (start, end) = field(column)
            let text = Array(UnsafeBufferPointer(start: bytes + start, count: end - start))
            fields.append(text)
            values[name] = String(decoding: text, as: UTF8.self)
        }
        guard let terms = try? entry.regime.rowTerms(CaseFields(values: values)) else { return nil }
        let plan = AccrualPlan(terms: terms)
        if rowPlans.count == 64 { rowPlans.removeFirst() }
        rowPlans.append((regime, fields, plan, DayChargeKernel(terms: terms)))
        return (Unmanaged.passUnretained(plan), rowPlans[rowPlans.count - 1].kernel)
    }

    /// Counts a row computed by the byte-level path as `Batch.Summary.add` counts an outcome with
    /// a result (such a row has a paid day, so it is never a quote); its amount goes to its
    /// regime's fast total apart.
    @inline(__always)
    func countComputed(waived: Bool) {
        rows += 1
        summary.read += 1
        summary.computed += 1
        if waived { summary.waived += 1 }
    }

    /// Counts a computed plain row in the block's summary and totals and writes its output row.
    @inline(__always)
    func emit(_ charge: FastCharge, _ bytes: UnsafePointer<UInt8>, line: Int, format: OutputFormat) {
        if charge.inScratch {
            addToLongTotal(scratch.bigInteger, regime: charge.regime)
        } else if let big = charge.big {
            addToLongTotal(big, regime: charge.regime)
        } else {
            addToTotal(charge.amount, regime: charge.regime)
        }
        countComputed(waived: charge.waived)
        // The same bytes OutputFormat writes for the row: the id and the regime need no quoting
        // or escape here (fastRow checked the id; the regime is a catalog name).
        let id = charge.id, regime = charge.regimeField
        output.reserve(id.1 - id.0 + regime.1 - regime.0 + 160)
        func text(_ literal: StaticString) { output.appendReserved(literal.utf8Start, count: literal.utf8CodeUnitCount) }
        func amount() {
            if charge.inScratch {
                scratch.withDecimalDigits { output.append($0.baseAddress!, count: $0.count) }
            } else if let big = charge.big {
                output.append(big.description)
            } else {
                output.appendDecimal(charge.amount)
            }
        }
        switch format {
        case .csv:
            // id,regime,line,status,amount,counted_days,excluded_days,error
            output.appendReserved(bytes + id.0, count: id.1 - id.0)
            output.appendReserved(0x2C)
            output.appendReserved(bytes + regime.0, count: regime.1 - regime.0)
            output.appendReserved(0x2C)
            output.appendDecimal(Int128(line))
            charge.waived ? text(",waived,") : text(",ok,")
            amount()
            output.append(0x2C)
            output.appendDecimal(Int128(charge.countedDays))
            output.append(0x2C)
            output.appendDecimal(Int128(charge.excludedDays))
            output.append(0x2C)
            output.append(0x0A)
        case .jsonl:
            text(#"{"id":""#)
            output.appendReserved(bytes + id.0, count: id.1 - id.0)
            text(#"","regime":""#)
            output.appendReserved(bytes + regime.0, count: regime.1 - regime.0)
            text(#"","line":"#)
            output.appendDecimal(Int128(line))
            output.reserve(40)
            charge.waived ? text(#","status":"waived","amount":""#) : text(#","status":"ok","amount":""#)
            amount()
            output.reserve(60)
            text(#"","counted_days":"#)
            output.appendDecimal(Int128(charge.countedDays))
            output.reserve(40)
            text(#","excluded_days":"#)
            output.appendDecimal(Int128(charge.excludedDays))
            output.reserve(20)
            text(#","error":null}"#)
            output.appendReserved(0x0A)
        }
    }
}
