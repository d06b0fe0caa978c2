/// The ids seen so far, each with the line of its first row: exact, and compact, because piped
/// input must remember every id of the run.
///
/// Two ids are the same when their UTF-8 bytes are, after the field's spaces and tabs are
/// trimmed (as the reader trims them), byte for byte. Not `String` equality, which would call an
/// id spelt with a precomposed character (NFC) and one with a combining mark (NFD) the same,
/// while the byte-level screen and the output keep them apart.
///
/// Each id costs its bytes in one shared buffer, 16 bytes of entry (where its bytes end, its
/// line) and at most 16 bytes of open-addressing table (a slot of 8 bytes holds the hash's
/// high half and the entry's index; the table is kept at most half full): 41 bytes for a
/// 9-byte id, where a dictionary of byte arrays took about 100.
struct FirstLines {
    /// The ids' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each id's bytes end in `bytes`, and its first line; in the order they were added.
    private var ends: [Int] = []
    private var lines: [Int] = []
    /// 0 for an empty slot, else (hash's high 32 bits) << 32 | (entry index + 1).
    private var slots: [UInt64] = Array(repeating: 0, count: 64)

    var count: Int { ends.count }

    /// The first line of `id`, or nil when it has not been seen.
    func firstLine(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { firstLine(of: $0) }
    }

    func firstLine(of id: UnsafeBufferPointer<UInt8>) -> Int? {
        find(id, hash: FirstLines.hash(id)).entry.map { lines[$0] }
    }

    /// The first line of `id` when it was seen; else adds it with `line` and returns nil. One
    /// hash and one probe, for the check every row of piped input makes.
    mutating func firstLine(of id: String, elseAdd line: Int) -> Int? {
        var id = id
        return id.withUTF8 { firstLine(of: $0, elseAdd: line) }
    }

    mutating func firstLine(of id: UnsafeBufferPointer<UInt8>, elseAdd line: Int) -> Int? {
        if (ends.count + 1) * 2 > slots.count { grow() }
        let hash = FirstLines.hash(id)
        let (slot, found) = find(id, hash: hash)
        if let found { return lines[found] }
        bytes.append(contentsOf: id)
        ends.append(bytes.count)
        lines.append(line)
        slots[slot] = (hash >> 32) << 32 | UInt64(ends.count)
        return nil
    }

    private static func hash(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        UInt64(bitPattern: Int64(IdHash.of(id.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: id.count)))
    }

    /// The slot where `id` is or would go, and its entry's index when it is there.
    private func find(_ id: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, entry: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { return (slot, nil) }
            if value >> 32 == hash >> 32 {
                let entry = Int(value & 0xFFFF_FFFF) - 1
                let start = entry == 0 ? 0 : ends[entry - 1]
                if ends[entry] - start == id.count && bytes[start..<ends[entry]].elementsEqual(id) { return (slot, entry) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the table and puts every entry back.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        var start = 0
        for entry in ends.indices {
            let hash = bytes.withUnsafeBufferPointer { FirstLines.hash(UnsafeBufferPointer(rebasing: $0[start..<ends[entry]])) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
            start = ends[entry]
        }
    }
}
