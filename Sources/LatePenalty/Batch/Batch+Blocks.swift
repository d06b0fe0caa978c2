import Dispatch

/// A reader that cuts its input into spans of whole rows for the byte-level batch.
protocol SpanReader {
    /// The next span of at most `maxBytes` bytes, or nil at the end of the input.
    mutating func nextSpan(maxBytes: Int) throws(Batch.FileError) -> InputSpan?
    /// Bytes consumed so far, for progress.
    var bytesRead: Int { get }
}

extension CSVRecordReader: SpanReader {}

extension Batch {
    /// Runs every row of a CSV input, byte by byte: the same rows, results, errors and order as
    /// ``run(_:options:output:diagnostics:progress:)``, much faster.
    ///
    /// The input is cut into spans of plain rows (`InputSpan`), handed out in blocks to
    /// `options.jobs` threads and written back in input order. In a block, a row of any charge by
    /// the day in its plain form (digits, ISO dates, one excluded range, plainly written
    /// payments) is read straight from its bytes: with CSV output it is computed by its regime's
    /// `AccrualPlan` or ``DayChargeKernel`` and its output row written as bytes; with JSON Lines
    /// output or `--explain`, its regime computes the values read to a full result, with the
    /// explanation. Every other row is decoded into an ``InputRecord`` and computed by its regime
    /// as in the record-at-a-time batch. Rows whose id may repeat (``DuplicateIdScreen``) are
    /// held back and settled in input order when their block is written.
    ///
    /// `output` receives the output bytes (UTF-8) in order; they stay valid only during the call.
    public static func runCSV(
        _ reader: inout CSVRecordReader, options: Options = Options(),
        output: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void, progress: ((Int, Int) -> Void)? = nil
    ) throws(FileError) -> Summary {
        try reader.checkRequiredColumns()
        let plan = RowPlan(columns: reader.columns, encoding: reader.encoding, options: options)
        if let note = unusedColumnsNote(reader.columns, known: plan.known) { diagnostics(note) }
        return try runSpans(&reader, plan: plan, options: options, output: output, diagnostics: diagnostics, progress: progress)
    }

    /// Runs every row of a JSON Lines input in blocks, as ``runCSV(_:options:output:diagnostics:progress:)``
    /// runs a CSV input: the same rows, results, errors and order as
    /// ``run(_:options:output:diagnostics:progress:)``. A line in the plain form (ASCII, no
    /// escape, each key once) is read from its bytes; any other line is read by the JSON Lines
    /// reader's full rules.
    public static func runJSONLines(
        _ reader: inout JSONLinesReader, options: Options = Options(),
        output: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void, progress: ((Int, Int) -> Void)? = nil
    ) throws(FileError) -> Summary {
        let plan = RowPlan(jsonLinesWith: options, encoding: reader.encoding)
        return try runSpans(&reader, plan: plan, options: options, output: output, diagnostics: diagnostics, progress: progress)
    }

    /// Cuts `reader`'s input into blocks of spans, computes them on `options.jobs` threads and
    /// writes them back in input order.
    static func runSpans(
        _ reader: inout some SpanReader, plan: RowPlan, options: Options,
        output: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void, progress: ((Int, Int) -> Void)?
    ) throws(FileError) -> Summary {
        if let header = options.format.header(explain: options.explain) {
            var text = header
            text.withUTF8 { output(UnsafeRawBufferPointer($0)) }
        }

        var summary = Summary()
        var firstLineOfId = FirstLines()
        var reportedUnused: Set<String> = []
        let jobs = max(1, options.jobs)
        // A block is about `blockBytes` of input. An explanation is some forty times its input
        // row, and one of a window of ten thousand years (a segment a year) about 1.4 MB: with
        // `--explain` a block stops at `outputBudget` bytes of output and leaves its other rows
        // to a block of their own, computed next, so memory stays bounded whatever the windows
        // are, and blocks of ordinary rows stay long enough that handing them to a thread costs
        // little.
        let blockBytes = max(1, options.blockSize) * (options.explain ? 4 : 128)
        let outputBudget = options.explain ? max(1, options.explainedBlockBytes) : .max
        // What a block of the rows a full block left will hold: its budget and a long row past it.
        let restCapacity = min(outputBudget, 1 << 24) + min(outputBudget, 1 << 24) / 4
        func nextBlock() throws(FileError) -> RowBlock? {
            var spans: [InputSpan] = []
            var bytes = 0
            while bytes < blockBytes {
                let before = reader.bytesRead
                guard let span = try reader.nextSpan(maxBytes: blockBytes - bytes) else { break }
                switch span {
                case .rows(let rows): bytes += rows.bytes.count
                // What the row took in the input (a row of 1 MB counts as 1 MB, so that a block
                // of long rows stays small), and at least a share for the record itself.
                case .record: bytes += max(256, reader.bytesRead - before)
                }
                spans.append(span)
            }
            // An output row is about as long as its input row, an explained one some fifty times.
            let capacity = options.explain ? min(restCapacity, bytes * 64) : bytes + bytes / 2
            return spans.isEmpty ? nil : RowBlock(spans: spans, outputBudget: outputBudget, outputCapacity: max(capacity, 1 << 12))
        }
        /// The block of the rows a full block left, computed next.
        func continuation(of block: RowBlock) -> RowBlock {
            RowBlock(spans: block.rest, outputBudget: outputBudget, outputCapacity: restCapacity)
        }
        func write(_ block: RowBlock) {
            block.write(
                plan: plan, options: options, firstLineOfId: &firstLineOfId, reportedUnused: &reportedUnused, summary: &summary, output: output,
                diagnostics: diagnostics)
            progress?(summary.read, reader.bytesRead)
        }

        guard jobs > 1 else {
            // One thread: read a block, compute it, write it, then the rows it left, if any.
            while var block = try nextBlock() {
                while true {
                    block.compute(plan: plan, options: options)
                    write(block)
                    guard !block.rest.isEmpty else { break }
                    block = continuation(of: block)
                }
            }
            return summary
        }
        // Several: this thread reads blocks ahead and writes them back in order while up to
        // `jobs` workers compute them; at most `window` blocks are held, so memory stays flat.
        let window = jobs * 3
        let workers = DispatchSemaphore(value: jobs)
        // A block left rows to a block of its own once `continued`.
        var pending: [(block: RowBlock, done: DispatchGroup, continued: Bool)] = []
        var readError: FileError? = nil
        func start(_ block: RowBlock) -> DispatchGroup {
            let done = DispatchGroup()
            done.enter()
            DispatchQueue.global().async {
                workers.wait()
                block.compute(plan: plan, options: options)
                workers.signal()
                done.leave()
            }
            return done
        }
        while true {
            while readError == nil && pending.count < window {
                let block: RowBlock?
                do { block = try nextBlock() } catch { readError = error; break }
                guard let block else { break }
                pending.append((block, start(block), false))
            }
            guard let first = pending.first else { break }
            first.done.wait()
            // The rows a full block left are computed next to it, before the blocks read after
            // it: for every computed block, so that the workers keep busy on a file of long
            // explanations, while no more than twice `window` blocks are held (memory stays
            // bounded); always for the first, which is written next.
            var index = 0
            while index < pending.count {
                let entry = pending[index]
                if !entry.continued, index == 0 || (pending.count < 2 * window && entry.done.wait(timeout: .now()) == .success),
                    !entry.block.rest.isEmpty
                {
                    pending[index].continued = true
                    let rest = continuation(of: entry.block)
                    pending.insert((rest, start(rest), false), at: index + 1)
                    index += 1
                }
                index += 1
            }
            // Blocks read before a read error are written all the same, as one thread writes
            // each block before it reads the next: the output up to the error is the same.
            write(first.block)
            pending.removeFirst()  // a written block's output is let go at once
        }
        if let readError { throw readError }
        return summary
    }

    /// Computes CSV bytes held in memory with ``runCSV(_:options:output:diagnostics:progress:)``,
    /// passing the output as text. Without `options.duplicateCandidates`, screens the bytes for
    /// them first (``DuplicateIdScreen``).
    public static func runCSV(
        bytes: [UInt8], options: Options = Options(), output: (String) -> Void, diagnostics: (String) -> Void
    ) throws(FileError) -> Summary {
        try runCSV(bytes: bytes, options: options, outputBytes: { output(String(decoding: $0, as: UTF8.self)) }, diagnostics: diagnostics)
    }

    /// Computes CSV bytes held in memory as ``runCSV(bytes:options:output:diagnostics:)`` does,
    /// passing the output as bytes (UTF-8), valid only during each call: no text is made of them.
    public static func runCSV(
        bytes: [UInt8], options given: Options = Options(), outputBytes: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void
    ) throws(FileError) -> Summary {
        var options = given
        if options.duplicateCandidates == nil {
            var screenReader = try CSVRecordReader(bytes: bytes)
            options.duplicateCandidates = try DuplicateIdScreen.screen(&screenReader, inputBytes: bytes.count).candidates
        }
        var reader = try CSVRecordReader(bytes: bytes)
        return try runCSV(&reader, options: options, output: outputBytes, diagnostics: diagnostics)
    }

    /// Computes JSON Lines bytes held in memory with
    /// ``runJSONLines(_:options:output:diagnostics:progress:)``, passing the output as text.
    /// Without `options.duplicateCandidates`, screens the bytes for them first.
    public static func runJSONLines(
        bytes: [UInt8], options: Options = Options(), output: (String) -> Void, diagnostics: (String) -> Void
    ) throws(FileError) -> Summary {
        try runJSONLines(bytes: bytes, options: options, outputBytes: { output(String(decoding: $0, as: UTF8.self)) }, diagnostics: diagnostics)
    }

    /// Computes JSON Lines bytes held in memory as ``runJSONLines(bytes:options:output:diagnostics:)``
    /// does, passing the output as bytes (UTF-8), valid only during each call.
    public static func runJSONLines(
        bytes: [UInt8], options given: Options = Options(), outputBytes: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void
    ) throws(FileError) -> Summary {
        var options = given
        if options.duplicateCandidates == nil {
            var screenReader = JSONLinesReader(bytes: bytes)
            options.duplicateCandidates = try DuplicateIdScreen.screen(&screenReader, inputBytes: bytes.count).candidates
        }
        var reader = JSONLinesReader(bytes: bytes)
        return try runJSONLines(&reader, options: options, output: outputBytes, diagnostics: diagnostics)
    }
}
