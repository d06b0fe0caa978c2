extension DuplicateIdScreen {
    /// Runs the first pass over a JSON Lines reader: a line in the plain form gives its id from
    /// its bytes (`JSONRowScan`); any other line is read by the reader's full rules. Given the
    /// input's size, the filter is sized for it, as for CSV; with `jobs` over 1, a file of 8 MiB
    /// or more read from a descriptor is screened in as many parts at once, as for CSV.
    public static func screen(_ reader: inout JSONLinesReader, inputBytes: Int? = nil, jobs: Int = 1) throws(Batch.FileError) -> DuplicateIdScreen {
        try firstPass(&reader, inputBytes: inputBytes, jobs: jobs).screen
    }

    /// Reads the ids of `reader`'s lines up to byte `end` of the input (nil: to its end) and
    /// passes their hashes to `note`, many at a time. Returns the byte the reading stopped at.
    static func noteIds(_ reader: inout JSONLinesReader, until end: Int?, note: (UnsafeBufferPointer<Int>) -> Void) throws(Batch.FileError) -> Int {
        let columns = JSONRowScan.Columns(["id"])
        let encoding = reader.encoding
        let pending = UnsafeMutableBufferPointer<Int>.allocate(capacity: 256)
        defer { pending.deallocate() }
        var pendingCount = 0
        func add(_ hash: Int) { collect(hash, into: pending, count: &pendingCount, note: note) }
        var starts = 0, ends = 0
        var unknown: [(key: (Int, Int), isNull: Bool)] = []
        while true {
            // A part stops at its end, a line's start.
            let maxBytes = end.map { $0 - reader.bytesRead } ?? 1 << 20
            guard maxBytes > 0, let span = try reader.nextSpan(maxBytes: min(maxBytes, 1 << 20)) else { break }
            guard case .rows(let plain) = span else {
                if case .record(let record) = span, let id = record.fields["id"], !id.isEmpty { add(IdHash.of(id)) }
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
                        add(IdHash.of(bytes + start, count: stop - start))
                    } else if let record = JSONLinesReader.record(
                        plain.bytes[(plain.bytes.startIndex + lineStart)..<(plain.bytes.startIndex + lineEnd)], line: 0, encoding: encoding),
                        let id = record.fields["id"], !id.isEmpty
                    {
                        add(IdHash.of(id))
                    }
                }
            }
        }
        note(UnsafeBufferPointer(rebasing: pending[0..<pendingCount]))
        return reader.bytesRead
    }
}
