// JSON Lines rows in a block: each line's object read from its bytes into the same value ranges
// a CSV row is split into, then the same fast path, or its record the general way.

extension RowBlock {
    /// Computes the lines of a span of JSON Lines; returns the lines left when the block is full.
    func computeJSONLines(
        _ plain: PlainRows, columns: JSONRowScan.Columns, plan: RowPlan, options: Batch.Options, _ starts: UnsafeMutablePointer<Int>,
        _ ends: UnsafeMutablePointer<Int>
    ) -> PlainRows? {
        var unknown: [(key: (Int, Int), isNull: Bool)] = []
        return plain.bytes.withUnsafeBufferPointer { buffer in
            guard let bytes = buffer.baseAddress else { return nil }
            let end = buffer.count
            var index = 0, line = plain.firstLine
            while index < end {
                if isFull() { return plain.rest(from: index, line: line) }
                let span = PlainRows.nextLine(bytes, &index, end: end)
                let (lineStart, lineEnd) = (span.lowerBound, span.upperBound)
                let rowLine = line
                line += 1
                if let fast = plan.fast, JSONRowScan.split(bytes, lineStart, lineEnd, columns: columns, starts, ends, unknown: &unknown) {
                    if unknown.contains(where: { !$0.isNull }) {
                        noteUnused(
                            unknown.filter { !$0.isNull }.map {
                                String(decoding: UnsafeBufferPointer(start: bytes + $0.key.0, count: $0.key.1 - $0.key.0), as: UTF8.self)
                            }, line: rowLine, known: plan.known)
                    }
                    if plainRow(bytes, starts, ends, row: lineStart..<lineEnd, line: rowLine, in: plain, fast: fast, plan: plan, options: options) {
                        continue
                    }
                    // Read again the general way: its unused fields are noted already.
                    let first = plain.bytes.startIndex
                    if let record = JSONLinesReader.record(plain.bytes[(first + lineStart)..<(first + lineEnd)], line: rowLine, encoding: plan.encoding) {
                        general(knownFieldsOnly(record, plan: plan), plan: plan, options: options)
                    }
                    continue
                }
                let first = plain.bytes.startIndex
                if let record = JSONLinesReader.record(plain.bytes[(first + lineStart)..<(first + lineEnd)], line: rowLine, encoding: plan.encoding) {
                    jsonRecord(record, plan: plan, options: options)
                }
            }
            return nil
        }
    }

    /// A JSON Lines row read as a record: its fields no regime reads noted and dropped, as the
    /// record batch does, then computed the general way.
    func jsonRecord(_ record: InputRecord, plan: RowPlan, options: Batch.Options) {
        let unused = record.fields.keys.filter { !plan.known.contains($0) }
        if !unused.isEmpty { noteUnused(unused, line: record.line, known: plan.known) }
        general(knownFieldsOnly(record, plan: plan), plan: plan, options: options)
    }

    /// `record` without the fields no regime reads.
    func knownFieldsOnly(_ record: InputRecord, plan: RowPlan) -> InputRecord {
        guard record.fields.keys.contains(where: { !plan.known.contains($0) }) else { return record }
        return InputRecord(line: record.line, fields: record.fields.filter { plan.known.contains($0.key) }, error: record.error)
    }

    /// Notes fields no regime reads, before the row's own diagnostic. Whether a name is new to
    /// the whole input is known only in input order: `write` reports each name once.
    func noteUnused(_ names: [String], line: Int, known: Set<String>) {
        for name in names.sorted() where unusedNamed.insert(name).inserted {
            notes.append(
                (rows, "line \(line): field '\(name)' is not used by any regime; it is ignored\(FieldNameHint.suffix(for: name, in: known))", name))
        }
    }
}
