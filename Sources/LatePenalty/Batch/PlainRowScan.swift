/// Finding the bytes that matter in a plain row eight at a time.
enum PlainRowScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `index` that is a comma, CR, LF, NUL or not
    /// ASCII, or `end`.
    @inline(__always)
    static func nextSpecial(_ bytes: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(bytes)
        while end - index >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // The lowest flagged byte of `zeros(x)` is exactly the first zero byte of x; flags
            // above it may be false, so only the lowest is trusted, and scanning resumes after it.
            let found =
                zeros(word ^ (0x2C &* ones)) | zeros(word ^ (0x0A &* ones)) | zeros(word ^ (0x0D &* ones))
                | zeros(word) | (word & highs)
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == 0x2C || byte == 0x0A || byte == 0x0D || byte == 0 || byte >= 0x80 { return index }
            index += 1
        }
        return end
    }

    /// The index of the first CR or LF at or after `index`, or `end`.
    @inline(__always)
    static func nextLineBreak(_ bytes: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(bytes)
        while end - index >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let found = zeros(word ^ (0x0A &* ones)) | zeros(word ^ (0x0D &* ones))
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end && bytes[index] != 0x0A && bytes[index] != 0x0D { index += 1 }
        return index
    }

    /// The index of the first byte at or after `index` that ends a plain JSON string's content:
    /// a quote, a backslash, a control character or a byte that is not ASCII; or `end`.
    @inline(__always)
    static func nextInString(_ bytes: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(bytes)
        while end - index >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // As in nextSpecial, only the lowest flag is exact; `below(x, 0x20)` flags bytes
            // under 0x20 the same way.
            let found = zeros(word ^ (0x22 &* ones)) | zeros(word ^ (0x5C &* ones)) | below(word, 0x20) | (word & highs)
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { return index }
            index += 1
        }
        return end
    }

    @inline(__always)
    private static func zeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }

    /// Flags the bytes of `x` under `limit` (at most 128); the lowest flag is exact.
    @inline(__always)
    private static func below(_ x: UInt64, _ limit: UInt64) -> UInt64 { (x &- limit &* ones) & ~x & highs }
}
