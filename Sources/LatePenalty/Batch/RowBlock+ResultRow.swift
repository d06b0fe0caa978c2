// A plain row read from its bytes and computed by its regime to a full result, with the
// explanation recorded by the same evaluation: for JSON Lines output and `--explain`, where the
// output row is more than the amount and the days.

extension RowBlock {
    /// Computes a plain row by its regime from the values read from its bytes and writes its
    /// output row as ``OutputFormat`` writes any row. Returns false, having done nothing, when the
    /// row goes the general way: not in the fast path's shape, an id that may repeat (held back
    /// there), or an error to report (the general way reads the row again and reports it).
    func resultRow(
        _ bytes: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, line: Int,
        fast: RowPlan.FastColumns, candidates: CandidateIds?, options: Batch.Options
    ) -> Bool {
        let id = ByteFields.trimmed(bytes, starts[fast.id], ends[fast.id])
        guard id.1 > id.0, options.guardsFormulas ? ByteFields.isPlainId(bytes, id.0, id.1) : ByteFields.writesAsIs(bytes, id.0, id.1),
            !(candidates?.contains(hash: IdHash.of(bytes + id.0, count: id.1 - id.0)) ?? true),
            let read = plainCase(bytes, starts, ends, fast: fast), let principal = read.row.principal(bytes)
        else { return false }
        let delay = DelayCase(
            principal: principal, due: CivilDate(dayNumber: read.row.due), end: CivilDate(dayNumber: read.row.paid), excluded: read.row.excluded,
            payments: read.hasPayments ? payments.map { Payment(date: $0.date, amount: Yen($0.amount.bigInteger)) } : [])
        guard let result = try? read.entry.regime.compute(delay, plan: read.plan.takeUnretainedValue()) else { return false }
        // Counted, its amount in the regime's fast total, and written in place.
        countComputed(waived: result.status == .waived)
        if let amount = Int128(exactly: result.amount.value) {
            addToTotal(amount, regime: read.regime)
        } else {
            addToLongTotal(result.amount.value, regime: read.regime)
        }
        let idText = String(decoding: UnsafeBufferPointer(start: bytes + id.0, count: id.1 - id.0), as: UTF8.self)
        options.format.write(
            id: idText, regime: read.entry.name, line: line, result: result, error: nil, explain: options.explain,
            guardsFormulas: options.guardsFormulas, to: output)
        return true
    }
}
