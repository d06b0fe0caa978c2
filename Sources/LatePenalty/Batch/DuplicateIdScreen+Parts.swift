import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension DuplicateIdScreen {
    /// Screens a large CSV or JSON Lines file in `jobs` parts at once, one thread each, into `screen`'s filter
    /// (new, empty), as the single pass would: true when done, false when the file is too small
    /// to gain from it, cannot be read by offset, or its parts did not join up (then `screen` is
    /// empty again and the caller screens it in one pass).
    ///
    /// A part starts after a line break near its share of the bytes, which is a row's start
    /// unless the line break is inside a quoted field (of CSV: a JSON Lines row is one line). Each part reads up to the next part's
    /// start; the first part starts where the header ends, so when each part ends exactly where
    /// the next begins, every start was a row's start and the parts read the rows the single
    /// pass reads. Otherwise a quoted field ran over a cut, and the file is screened again in
    /// one pass (the filter of the failed attempt is cleared, so it adds no false alarms).
    /// A part is worth a thread at `minimumPartBytes` (4 MiB: some 50,000 rows) or more.
    static func screenInParts<Reader: PartReader>(
        _ reader: Reader, inputBytes: Int, jobs: Int, minimumPartBytes: Int = 4 << 20, into screen: inout DuplicateIdScreen
    ) -> Bool {
        let first = reader.bytesRead
        let rows = inputBytes - first
        let partCount = min(jobs, rows / max(1, minimumPartBytes), 16)
        guard partCount > 1 else { return false }
        var starts = [first]
        for part in 1..<partCount {
            guard let start = reader.lineStart(after: first + rows / partCount * part), start > starts[starts.count - 1], start < inputBytes
            else { break }
            starts.append(start)
        }
        guard starts.count > 1 else { return false }
        var readers: [ScreenPart<Reader>] = []
        for (index, start) in starts.enumerated() {
            guard let part = reader.part(from: start) else { return false }
            readers.append(ScreenPart(part, until: index + 1 < starts.count ? starts[index + 1] : nil))
        }
        let parts = readers

        // The threads set bits in the screen's own words, by atomic operations on them: no second
        // filter (up to 16 MiB) is made.
        let joined = screen.withWords { words in
            words.baseAddress!.withMemoryRebound(to: Atomic<UInt64>.self, capacity: words.count) { atomics in
                let filter = SharedFilter(words: atomics, mask: words.count - 1)
                DispatchQueue.concurrentPerform(iterations: parts.count) { index in parts[index].run(filter: filter) }
            }
            // Every part but the last must stop exactly where the next one starts.
            return parts.allSatisfy { part in
                guard let stop = part.stop else { return false }
                return part.end == nil || part.end == stop
            }
        }
        guard joined else {
            screen.removeAll()
            return false
        }
        for part in parts { screen.addCandidates(part.candidates) }
        return true
    }
}

extension DuplicateIdScreen {
    /// The first pass over `reader`, sized for `inputBytes`: in parts when `jobs` is over 1 and
    /// the file allows it (``screenInParts(_:inputBytes:jobs:minimumPartBytes:into:)``), else in
    /// one pass; and whether it ran in parts.
    static func firstPass(
        _ reader: inout some PartReader, inputBytes: Int?, jobs: Int, minimumPartBytes: Int = 4 << 20
    ) throws(Batch.FileError) -> (screen: DuplicateIdScreen, inParts: Bool) {
        var screen = DuplicateIdScreen(log2Bits: inputBytes.map(log2Bits(forInputBytes:)) ?? 27)
        if jobs > 1, let inputBytes, #available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *),
            screenInParts(reader, inputBytes: inputBytes, jobs: jobs, minimumPartBytes: minimumPartBytes, into: &screen)
        {
            return (screen, true)
        }
        _ = try reader.noteIds(until: nil) { screen.add(hashes: $0) }
        return (screen, false)
    }
}

/// A reader of a file's rows that a screen in parts can cut: CSV or JSON Lines.
protocol PartReader {
    var bytesRead: Int { get }
    /// A reader of the same file from byte `offset` (a row's start), reading by offset.
    func part(from offset: Int) -> Self?
    /// The offset just past the first line feed at or after byte `offset`, if found by offset.
    func lineStart(after offset: Int) -> Int?
    /// Notes the hashes of the ids of the rows up to byte `end` (nil: to the end); returns the
    /// byte the reading stopped at.
    mutating func noteIds(until end: Int?, note: (UnsafeBufferPointer<Int>) -> Void) throws(Batch.FileError) -> Int
}

extension CSVRecordReader: PartReader {
    mutating func noteIds(until end: Int?, note: (UnsafeBufferPointer<Int>) -> Void) throws(Batch.FileError) -> Int {
        // A repeated column name: the row's record keeps the last one.
        guard let column = columns.lastIndex(of: "id") else { return bytesRead }
        return try DuplicateIdScreen.noteIds(&self, column: column, until: end, note: note)
    }
}

extension JSONLinesReader: PartReader {
    mutating func noteIds(until end: Int?, note: (UnsafeBufferPointer<Int>) -> Void) throws(Batch.FileError) -> Int {
        try DuplicateIdScreen.noteIds(&self, until: end, note: note)
    }
}

/// One part of a screen run in parts: its reader and end, and what it found. Each part is run by
/// one thread, and read once all have ended.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
private final class ScreenPart<Reader: PartReader>: @unchecked Sendable {
    private var reader: Reader
    /// The next part's start; nil for the last part, which reads to the end.
    let end: Int?
    private(set) var candidates: Set<Int> = []
    /// Where the part stopped; nil if it could not be read.
    private(set) var stop: Int? = nil
    /// What the filter's first loads read (see SharedFilter.add), kept so that they are not dropped.
    private(set) var seen: UInt64 = 0

    init(_ reader: Reader, until end: Int?) {
        self.reader = reader
        self.end = end
    }

    func run(filter: SharedFilter) {
        var candidates: Set<Int> = [], seen: UInt64 = 0
        stop = try? reader.noteIds(until: end) { seen |= filter.add($0, candidates: &candidates) }
        self.candidates = candidates
        self.seen = seen
    }
}

/// A Bloom filter's words that several threads set bits in at once, valid while the words are
/// bound to `Atomic<UInt64>`.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
private struct SharedFilter: @unchecked Sendable {
    let words: UnsafeMutablePointer<Atomic<UInt64>>
    let mask: Int

    /// Notes ids by their hashes, as ``DuplicateIdScreen/add(hashes:)`` does; a hash is a
    /// candidate when its four bits were all set before, by this thread or another: the bits
    /// are set by one atomic OR, so of two threads noting one id, the second sees the first's.
    /// Returns what the first loads read, for the caller to keep, so that they are not dropped.
    func add(_ hashes: UnsafeBufferPointer<Int>, candidates: inout Set<Int>) -> UInt64 {
        // Every word is read first, in a loop of plain loads whose cache misses overlap: an
        // atomic OR waits for what comes before it, so misses met by the ORs would be waited for
        // one at a time.
        var seen: UInt64 = 0
        for hash in hashes { seen |= words[hash & mask].load(ordering: .relaxed) }
        for hash in hashes {
            let word = hash & mask
            let flags = DuplicateIdScreen.flags(hash)
            if words[word].load(ordering: .relaxed) & flags == flags {
                candidates.insert(hash)
            } else if words[word].bitwiseOr(flags, ordering: .relaxed).oldValue & flags == flags {
                candidates.insert(hash)
            }
        }
        return seen
    }
}
