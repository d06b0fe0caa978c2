/// Finding the bytes that matter in a plain row eight at a time.
enum PlainRowScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `index` that is a comma, CR, LF, NUL or not
    /// ASCII, or `end`.
    @inline(__always)
    static func nextSpecial(_ bytes: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        first(
            bytes, from: start, end: end,
            flags: { zeros($0 ^ (0x2C &* ones)) | zeros($0 ^ (0x0A &* ones)) | zeros($0 ^ (0x0D &* ones)) | zeros($0) | ($0 & highs) },
            matches: { $0 == 0x2C || $0 == 0x0A || $0 == 0x0D || $0 == 0 || $0 >= 0x80 })
    }

    /// The index of the first CR or LF at or after `index`, or `end`.
    @inline(__always)
    static func nextLineBreak(_ bytes: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        first(
            bytes, from: start, end: end, flags: { zeros($0 ^ (0x0A &* ones)) | zeros($0 ^ (0x0D &* ones)) },
            matches: { $0 == 0x0A || $0 == 0x0D })
    }

    /// The index of the first byte at or after `index` that ends a plain JSON string's content:
    /// a quote, a backslash, a control character or a byte that is not ASCII; or `end`.
    @inline(__always)
    static func nextInString(_ bytes: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        first(
            bytes, from: start, end: end,
            flags: { zeros($0 ^ (0x22 &* ones)) | zeros($0 ^ (0x5C &* ones)) | below($0, 0x20) | ($0 & highs) },
            matches: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 })
    }

    /// The index of the first byte at or after `start` that `matches`, or `end`: eight bytes at
    /// a time while eight are left, by `flags`, which must flag the lowest matching byte of a
    /// word exactly (flags above it may be false, so only the lowest is trusted), then byte by
    /// byte.
    @inline(__always)
    private static func first(
        _ bytes: UnsafePointer<UInt8>, from start: Int, end: Int, flags: (UInt64) -> UInt64, matches: (UInt8) -> Bool
    ) -> Int {
        var index = start
        let raw = UnsafeRawPointer(bytes)
        while end - index >= 8 {
            let found = flags(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end && !matches(bytes[index]) { index += 1 }
        return index
    }

    /// Flags the zero bytes of `x`; the lowest flag is exact.
    @inline(__always)
    private static func zeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }

    /// Flags the bytes of `x` under `limit` (at most 128); the lowest flag is exact.
    @inline(__always)
    private static func below(_ x: UInt64, _ limit: UInt64) -> UInt64 { (x &- limit &* ones) & ~x & highs }
}
