import ExactNumbers

/// A growable byte buffer that rows are written into, for the byte-level batch: one buffer per
/// block of rows, written out whole. Appending checks capacity once per call and never goes
/// through `String`.
final class OutputBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    func removeAll() { count = 0 }

    /// Forgets the bytes after the first `length`.
    func removeLast(from length: Int) {
        precondition(length >= 0 && length <= count)
        count = length
    }

    /// The text `body` writes: a type whose text an explanation writes as bytes gives its
    /// `description` this way, so that the two are one rendering.
    static func text(_ body: (OutputBytes) -> Void) -> String {
        let out = OutputBytes(capacity: 128)
        body(out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        OutputBytes.copy(bytes, to: base + count, count: length)
        count += length
    }

    /// Copies `length` bytes. Most copies here are a JSON key or a number's digits, shorter than
    /// a call to `memcpy` costs: up to sixteen bytes go as two overlapping loads and stores.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>, count length: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(destination)
        switch length {
        case 8...16:
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        case 4..<8:
            let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
        case 0..<4:
            for index in 0..<length { destination[index] = source[index] }
        default:
            destination.update(from: source, count: length)
        }
    }

    /// Appends a byte there is room for (after ``reserve(_:)``).
    @inline(__always)
    func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Counts `length` bytes written in place at `base + count` (after ``reserve(_:)``).
    @inline(__always)
    func didAppend(_ length: Int) {
        count += length
    }

    /// Appends bytes there is room for (after ``reserve(_:)``).
    @inline(__always)
    func appendReserved(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        OutputBytes.copy(bytes, to: base + count, count: length)
        count += length
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        append(start, count: bytes.count)
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        append(start.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }

    func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Appends a literal's UTF-8 bytes (a `StaticString`: no scan, no `String`).
    func append(literal text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Appends `value` in decimal digits, with a `-` when negative.
    @inline(__always)
    func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDecimal(Int128(value.magnitude))
    }

    /// Appends `value` in decimal digits, without making a `String` when it fits in 128 bits.
    func appendDecimal(_ value: BigInteger) {
        if let small = Int(exactly: value), small >= 0 {
            appendDecimal(UInt64(small))
        } else if let small = Int128(exactly: value), small >= 0 {
            appendDecimal(small)
        } else {
            append(value.description)
        }
    }

    /// Appends `value` in decimal digits, written in place two at a time.
    @inline(__always)
    func appendDecimal(_ value: UInt64) {
        // The digit count from the bit length (log10 2 ≈ 1233/4096), one more from the power of
        // ten it reaches: no loop over the digits.
        let estimate = ((64 &- value.leadingZeroBitCount) &* 1233) >> 12
        let digits = max(1, estimate &+ (estimate < 20 && value >= OutputBytes.powersOfTen[estimate] ? 1 : 0))
        reserve(digits)
        var end = base + count + digits
        var number = value
        // Two digits at a time from a table of "00" to "99" (a literal: no global to load).
        let pairs = OutputBytes.digitPairs.utf8Start
        while number >= 100 {
            let pair = Int(truncatingIfNeeded: number % 100) &* 2
            number /= 100
            end -= 2
            (end[0], end[1]) = (pairs[pair], pairs[pair + 1])
        }
        if number >= 10 {
            let pair = Int(truncatingIfNeeded: number) &* 2
            end -= 2
            (end[0], end[1]) = (pairs[pair], pairs[pair + 1])
        } else {
            end -= 1
            end[0] = UInt8(truncatingIfNeeded: number) &+ 0x30
        }
        count += digits
    }

    /// Appends a non-negative integer in decimal digits.
    @inline(__always)
    func appendDecimal(_ value: Int128) {
        precondition(value >= 0)
        if let small = UInt64(exactly: value) {
            appendDecimal(small)
            return
        }
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)  // 40 bytes of scratch
        withUnsafeMutableBytes(of: &digits) { scratch in
            var index = scratch.count
            // Int128.max has 39 digits: at most two chunks of 18 digits below a head that fits in
            // UInt64, split off only for amounts past 64 bits (no array: nothing to count).
            let chunk: Int128 = 1_000_000_000_000_000_000
            var rest = value, chunks = 0
            var low: UInt64 = 0, middle: UInt64 = 0
            while rest > Int128(UInt64.max) {
                (middle, low) = (UInt64(rest % chunk), middle)
                rest /= chunk
                chunks += 1
            }
            // Two digits at a time from a table of "00" to "99" (a literal: no global to load).
            let pairs = OutputBytes.digitPairs.utf8Start
            func emit(_ number: UInt64, padTo width: Int) {
                var number = number, written = 0
                while number >= 10 {
                    let pair = Int(number % 100) &* 2
                    number /= 100
                    index -= 2
                    scratch[index] = pairs[pair]
                    scratch[index + 1] = pairs[pair + 1]
                    written += 2
                }
                if number > 0 || written == 0 {
                    index -= 1
                    scratch[index] = UInt8(truncatingIfNeeded: number) &+ 0x30
                    written += 1
                }
                while written < width {
                    index -= 1
                    scratch[index] = 0x30
                    written += 1
                }
            }
            if chunks == 2 { emit(low, padTo: 18) }
            if chunks >= 1 { emit(middle, padTo: 18) }
            emit(UInt64(rest), padTo: 1)
            append(scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + index, count: scratch.count - index)
        }
    }

    /// 10⁰ to 10¹⁹: a pointer, read without retaining.
    nonisolated(unsafe) private static let powersOfTen: UnsafeBufferPointer<UInt64> = .table(
        (0..<20).map { power in
            (0..<power).reduce(UInt64(1)) { product, _ in product * 10 }
        })

    /// "00" to "99", two bytes each.
    static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// The bytes written so far.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
