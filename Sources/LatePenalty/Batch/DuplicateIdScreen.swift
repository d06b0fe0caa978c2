/// Finds, in a first pass over a file, the ids that may occur more than once, in fixed memory:
/// a 16 MiB Bloom filter of the ids' hashes, and the hashes that the filter had already seen.
/// Every id that really repeats is among those candidates (a Bloom filter has no false
/// negatives); a few others are too, and the main pass then checks only the candidates exactly,
/// by their text. So duplicate detection stays exact while memory stays flat, whatever the
/// number of rows.
public struct DuplicateIdScreen: Sendable {
    private var bits: [UInt64]
    private let mask: Int
    /// Hashes of ids seen at least twice by the filter (true repeats and a few false alarms).
    public private(set) var candidates: Set<Int> = []

    /// A screen with 2^`log2Bits` bits (default 2^27 bits, 16 MiB).
    public init(log2Bits: Int = 27) {
        bits = [UInt64](repeating: 0, count: 1 << (log2Bits - 6))
        mask = (1 << log2Bits) - 1
    }

    /// Notes one id.
    public mutating func add(_ id: String) {
        let hash = id.hashValue
        // Four probes from one 64-bit hash (Kirsch–Mitzenmacher double hashing).
        let h1 = hash & mask, h2 = ((hash >> 32) | 1) & mask
        var seen = true
        for probe in 0..<4 {
            let bit = (h1 &+ probe &* h2) & mask
            let word = bit >> 6, flag = UInt64(1) << UInt64(bit & 63)
            if bits[word] & flag == 0 {
                seen = false
                bits[word] |= flag
            }
        }
        if seen { candidates.insert(hash) }
    }

    /// Runs the first pass over `reader`.
    public static func screen(_ reader: inout some RecordReader) throws(Batch.FileError) -> DuplicateIdScreen {
        var screen = DuplicateIdScreen()
        while let record = try reader.next() {
            if let id = record.fields["id"], !id.isEmpty { screen.add(id) }
        }
        return screen
    }

    /// Runs the first pass over a CSV reader, decoding only the `id` column.
    public static func screen(_ reader: inout CSVRecordReader) throws(Batch.FileError) -> DuplicateIdScreen {
        var screen = DuplicateIdScreen()
        while let field = try reader.nextField("id") {
            if let id = field, !id.isEmpty { screen.add(id) }
        }
        return screen
    }
}
