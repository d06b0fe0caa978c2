/// Finds, in a first pass over a file, the ids that may occur more than once, in fixed memory:
/// a 16 MiB Bloom filter of the ids' hashes, and the hashes that the filter had already seen.
/// Every id that really repeats is among those candidates (a Bloom filter has no false
/// negatives); a few others are too, and the main pass then checks only the candidates exactly,
/// by their text. So duplicate detection stays exact while memory stays flat, whatever the
/// number of rows.
///
/// The filter is blocked: the four probes of an id fall in one 64-bit word, so noting an id
/// costs one cache miss rather than four (a slightly higher false-alarm rate, which only costs
/// an exact check).
public struct DuplicateIdScreen: Sendable {
    private var bits: [UInt64]
    private let wordMask: Int
    /// Hashes (`IdHash`) of ids seen at least twice by the filter (true repeats and a few false
    /// alarms).
    public private(set) var candidates: Set<Int> = []

    /// A screen with 2^`log2Bits` bits (default 2^27 bits, 16 MiB).
    public init(log2Bits: Int = 27) {
        bits = [UInt64](repeating: 0, count: 1 << (log2Bits - 6))
        wordMask = (1 << (log2Bits - 6)) - 1
    }

    /// Notes one id.
    public mutating func add(_ id: String) { add(hash: IdHash.of(id)) }

    /// Whether `id` is among the candidates: seen more than once, or a false alarm.
    public func mayRepeat(_ id: String) -> Bool { candidates.contains(IdHash.of(id)) }

    /// Notes one id by its ``IdHash``.
    mutating func add(hash: Int) {
        withUnsafePointer(to: hash) { add(hashes: UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Notes many ids by their hashes, in a loop with nothing else in it, so that the processor
    /// overlaps the cache misses instead of waiting for each in turn (the filter is larger than
    /// the caches: a miss per id is what the screen costs).
    mutating func add(hashes: UnsafeBufferPointer<Int>) {
        bits.withUnsafeMutableBufferPointer { bits in
            for hash in hashes {
                let word = hash & wordMask
                let flags = DuplicateIdScreen.flags(hash)
                let old = bits[word]
                if old & flags == flags {
                    candidates.insert(hash)
                } else {
                    bits[word] = old | flags
                }
            }
        }
    }

    /// Adds `hash` to the `pending` hashes, and passes them to `note` once the buffer is full:
    /// the filter's loop does best with many at once (see ``add(hashes:)``).
    @inline(__always)
    static func collect(_ hash: Int, into pending: UnsafeMutableBufferPointer<Int>, count: inout Int, note: (UnsafeBufferPointer<Int>) -> Void) {
        pending[count] = hash
        count += 1
        if count == pending.count {
            note(UnsafeBufferPointer(pending))
            count = 0
        }
    }

    /// Runs `body` on the filter's words (a screen run in parts sets them from several threads).
    mutating func withWords<Result>(_ body: (UnsafeMutableBufferPointer<UInt64>) -> Result) -> Result {
        bits.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Adds hashes found to be candidates (by a part of a screen run in parts).
    mutating func addCandidates(_ found: Set<Int>) { candidates.formUnion(found) }

    /// Forgets every id noted: the filter is empty again.
    mutating func removeAll() {
        withWords { $0.update(repeating: 0) }
        candidates = []
    }

    /// Four bits of a 64-bit word, from the high half of the hash (the low half picks the word).
    @inline(__always)
    static func flags(_ hash: Int) -> UInt64 {
        let high = UInt64(UInt(bitPattern: hash)) >> 32
        return (1 as UInt64) << (high & 63) | (1 as UInt64) << ((high >> 6) & 63)
            | (1 as UInt64) << ((high >> 12) & 63) | (1 as UInt64) << ((high >> 18) & 63)
    }

    /// Runs the first pass over `reader`.
    public static func screen(_ reader: inout some RecordReader) throws(Batch.FileError) -> DuplicateIdScreen {
        var screen = DuplicateIdScreen()
        while let record = try reader.next() {
            if let id = record.fields["id"], !id.isEmpty { screen.add(id) }
        }
        return screen
    }
}
