// Rows held back for their id, settled in input order when their block is written.

extension RowBlock {
    /// Computes a held-back record, its id already checked, and writes it.
    func settle(_ record: InputRecord, options: Batch.Options, output write: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void) {
        let outcome = Batch.outcome(of: record, options: options)
        if let message = summary.add(outcome) { diagnostics(message) }
        outcome.bytes.withUnsafeBytes { write($0) }
    }

    /// Checks a held-back plain row's id: a new id's row, computed when its block was, is
    /// counted and written, and its id noted; a repeat, or a row the fast path did not take,
    /// goes as the record batch does it (which notes an id only for a readable row).
    func settlePlain(
        _ charge: FastCharge?, _ row: ArraySlice<UInt8>, line: Int, plan: RowPlan, options: Batch.Options,
        firstLineOfId: inout FirstLines, output write: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void
    ) {
        let settled: Bool = row.withUnsafeBufferPointer { buffer in
            guard let charge, let bytes = buffer.baseAddress else { return false }
            let id = UnsafeBufferPointer(start: bytes + charge.id.0, count: charge.id.1 - charge.id.0)
            guard firstLineOfId.firstLine(of: id, elseAdd: line) == nil else { return false }
            let before = output.count
            emit(charge, bytes, line: line, format: options.format)
            write(UnsafeRawBufferPointer(rebasing: output.bytes[before...]))
            return true
        }
        if !settled {
            let record = Batch.checkingRepeat(prepared(row, line: line, plan: plan), firstLineOfId: &firstLineOfId)
            settle(record, options: options, output: write, diagnostics: diagnostics)
        }
    }

    /// A plain row's record, prepared as the record batch prepares it.
    func prepared(_ row: ArraySlice<UInt8>, line: Int, plan: RowPlan) -> InputRecord {
        if plan.jsonColumns != nil {
            // A held line was read in the plain form, so it is not blank.
            let record = JSONLinesReader.record(row, line: line, encoding: plan.encoding) ?? InputRecord(line: line, fields: [:], error: nil)
            return Batch.requiringId(knownFieldsOnly(record, plan: plan))
        }
        let fields = row.split(separator: 0x2C, omittingEmptySubsequences: false)
        return Batch.requiringId(CSVRecordReader.record(line: line, fields: fields, names: plan.names, encoding: plan.encoding))
    }
}
