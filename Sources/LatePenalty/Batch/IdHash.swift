/// A 64-bit hash of an id's UTF-8 bytes (FNV-1a), the same in every run and on every thread,
/// so that the duplicate-id screen and the byte-level batch can hash raw ASCII bytes and decoded
/// text alike without making a `String` per row.
enum IdHash {
    @inline(__always)
    static func of(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
        }
        // FNV's low bits mix poorly; fold the high half in, since the screen uses both halves.
        return Int(bitPattern: UInt(hash ^ (hash >> 29)))
    }

    static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { of($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count) }
    }
}
