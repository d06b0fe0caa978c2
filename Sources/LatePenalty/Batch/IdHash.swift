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

/// What makes two ids the same: their UTF-8 bytes after the field's spaces and tabs are trimmed
/// (as the reader trims them), byte for byte. Not `String` equality, which would call an id
/// spelt with a precomposed character (NFC) and one with a combining mark (NFD) the same, while
/// the byte-level screen and the output keep them apart.
struct IdKey: Hashable {
    let bytes: [UInt8]
    init(_ id: String) { bytes = Array(id.utf8) }
}
