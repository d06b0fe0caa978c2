/// The ids that may repeat (``DuplicateIdScreen``), asked about once per row: a 64 Kibit map of
/// their hashes answers "no" with one load for nearly every row, before the set is consulted.
struct CandidateIds: Sendable {
    private let hashes: Set<Int>
    private let map: [UInt64]

    init(_ hashes: Set<Int>) {
        self.hashes = hashes
        var map = [UInt64](repeating: 0, count: 1024)
        for hash in hashes { map[(hash >> 6) & 1023] |= 1 << UInt64(hash & 63) }
        self.map = map
    }

    @inline(__always)
    func contains(hash: Int) -> Bool {
        guard map[(hash >> 6) & 1023] & (1 << UInt64(hash & 63)) != 0 else { return false }
        return hashes.contains(hash)
    }
}
