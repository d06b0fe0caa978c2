extension JSONLinesReader: SpanReader {
    /// The next span of at most `maxBytes` bytes, or nil at the end of the input.
    ///
    /// A JSON Lines row is one line, and no line break can be inside a JSON string, so whole
    /// lines are cut off as ``PlainRows`` without looking into them; the block reads each line's
    /// object from its bytes. The first line (a byte-order mark, the encoding check) and a line
    /// longer than a span go through ``next()``.
    mutating func nextSpan(maxBytes: Int) throws(Batch.FileError) -> InputSpan? {
        if line == 0 { return try next().map(InputSpan.record) }
        let (available, region, reachesEnd) = try source.hold(max(1, min(maxBytes, maxRecordBytes)), from: &position)
        if available == 0 { return nil }
        let start = position
        let cut =
            reachesEnd
            ? region
            : source.buffer.withUnsafeBufferPointer { PlainRows.lastRowEnd($0, from: start, within: region, available: available) }
        guard cut > 0 else { return try next().map(InputSpan.record) }
        let bytes = source.buffer[position..<(position + cut)]
        let span = PlainRows(bytes: bytes, firstLine: line + 1)
        // The lines in the span: its line breaks, and a last line without one at the end.
        line += CSVRecordReader.lineBreaks(in: bytes) + (bytes.last == 0x0A || bytes.last == 0x0D ? 0 : 1)
        position += cut
        return .rows(span)
    }
}
