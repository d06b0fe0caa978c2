extension DuplicateIdScreen {
    /// Runs the first pass over a JSON Lines reader: a line in the plain form gives its id from
    /// its bytes (`JSONRowScan`); any other line is read by the reader's full rules. Given the
    /// input's size, the filter is sized for it, as for CSV.
    public static func screen(_ reader: inout JSONLinesReader, inputBytes: Int? = nil) throws(Batch.FileError) -> DuplicateIdScreen {
        var screen = DuplicateIdScreen(log2Bits: inputBytes.map(log2Bits(forInputBytes:)) ?? 27)
        let columns = JSONRowScan.Columns(["id"])
        let encoding = reader.encoding
        let pending = UnsafeMutableBufferPointer<Int>.allocate(capacity: 256)
        defer { pending.deallocate() }
        var pendingCount = 0
        var starts = 0, ends = 0
        var unknown: [(key: (Int, Int), isNull: Bool)] = []
        while let span = try reader.nextSpan(maxBytes: 1 << 20) {
            guard case .rows(let plain) = span else {
                if case .record(let record) = span, let id = record.fields["id"], !id.isEmpty { screen.add(id) }
                continue
            }
            plain.bytes.withUnsafeBufferPointer { buffer in
                guard let bytes = buffer.baseAddress else { return }
                let end = buffer.count
                var index = 0
                while index < end {
                    let span = PlainRows.nextLine(bytes, &index, end: end)
                    let (lineStart, lineEnd) = (span.lowerBound, span.upperBound)
                    // Other keys unrecorded: an id read from a line the batch then reads the
                    // general way only adds a candidate, and candidates may be false alarms.
                    if JSONRowScan.split(bytes, lineStart, lineEnd, columns: columns, &starts, &ends, unknown: &unknown, keepingUnknown: false) {
                        let (start, stop) = ByteFields.trimmed(bytes, starts, ends)
                        guard stop > start else { continue }
                        pending[pendingCount] = IdHash.of(bytes + start, count: stop - start)
                        pendingCount += 1
                        if pendingCount == pending.count {
                            screen.add(hashes: UnsafeBufferPointer(pending))
                            pendingCount = 0
                        }
                    } else if let record = JSONLinesReader.record(
                        plain.bytes[(plain.bytes.startIndex + lineStart)..<(plain.bytes.startIndex + lineEnd)], line: 0, encoding: encoding),
                        let id = record.fields["id"], !id.isEmpty
                    {
                        screen.add(id)
                    }
                }
            }
        }
        screen.add(hashes: UnsafeBufferPointer(rebasing: pending[0..<pendingCount]))
        return screen
    }
}
