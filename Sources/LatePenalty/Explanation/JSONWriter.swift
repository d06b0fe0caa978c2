import ExactNumbers

/// Writes compact JSON as UTF-8 bytes straight into a buffer, members in the order written so
/// that output is stable and diffable. Numbers that may be large (yen, fractions) are written as
/// strings, so that no reader rounds them through a float.
///
/// No tree is built: an explained batch writes a few hundred values a row, and making each a
/// node (and a `String` of the whole) was most of the time it took.
package struct JSONWriter {
    /// Where the bytes go: a buffer of its own, or a batch block's output, written in place.
    let out: OutputBytes
    /// Whether the next value or member needs a comma before it.
    private var needsComma = false

    package init(capacity: Int = 1024) {
        out = OutputBytes(capacity: capacity)
    }

    /// A writer that appends to `out` after what it holds.
    init(appendingTo out: OutputBytes) {
        self.out = out
    }

    /// The bytes written.
    package var bytes: [UInt8] { Array(out.bytes) }

    /// The JSON text written.
    package var text: String { String(decoding: out.bytes, as: UTF8.self) }

    /// Ends the text with a line break (JSON Lines, and HTTP bodies).
    package mutating func newline() {
        out.append(UInt8(ascii: "\n"))
    }

    /// An object: `body` writes its members with ``key(_:)`` and a value each.
    @inline(__always)
    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array: `body` writes its values.
    @inline(__always)
    package mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// A member's key; the value written next is the member's value. Inlined: the name's length
    /// is then a constant, and so is the copy of its bytes.
    @inline(__always)
    package mutating func key(_ name: StaticString) {
        // `,"name":` written through one pointer and counted once: some eighty keys a row.
        let length = name.utf8CodeUnitCount
        out.reserve(length + 4)
        var next = out.base + out.count
        if needsComma {
            next.pointee = UInt8(ascii: ",")
            next += 1
        }
        next.pointee = UInt8(ascii: "\"")
        OutputBytes.copy(name.utf8Start, to: next + 1, count: length)
        next[length + 1] = UInt8(ascii: "\"")
        next[length + 2] = UInt8(ascii: ":")
        out.didAppend(next + length + 3 - (out.base + out.count))
        needsComma = false
    }

    /// A member whose key is not known in advance (an input's key), escaped as a string. A
    /// label of its own, so that a literal key is a ``key(_:)`` (a `StaticString`, written with no
    /// escape check), not this: the literal's default type would pick this overload.
    package mutating func key(named name: String) {
        separate()
        JSONWriter.appendString(name, to: out)
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A member whose key `body` writes as UTF-8 (a date range), escaped if it needs it.
    mutating func key(writing body: (OutputBytes) -> Void) {
        string(writing: body)
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    package mutating func string(_ text: String) {
        separate()
        JSONWriter.appendString(text, to: out)
        needsComma = true
    }

    /// A string whose text `body` writes as UTF-8 straight into the output (an explanation's
    /// rendered texts: no `String` is made), escaped if it needs it.
    mutating func string(writing body: (OutputBytes) -> Void) {
        separate()
        out.append(UInt8(ascii: "\""))
        let start = out.count
        body(out)
        let written = UnsafeBufferPointer(start: out.base + start, count: out.count - start)
        if JSONWriter.needsEscape(written) {
            let text = Array(written)
            out.removeLast(from: start)
            text.withUnsafeBufferPointer { JSONWriter.appendEscaped($0, to: out) }
        }
        out.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A date as an ISO 8601 string, `"2021-04-01"`, its digits written in place.
    package mutating func date(_ date: CivilDate) {
        separate()
        out.reserve(12)
        out.appendReserved(UInt8(ascii: "\""))
        date.writeISO8601(to: out)
        out.appendReserved(UInt8(ascii: "\""))
        needsComma = true
    }

    package mutating func integer(_ value: Int) {
        separate()
        out.appendDecimal(value)
        needsComma = true
    }

    /// An integer of any size as a string of digits: `"22602"`.
    package mutating func digits(_ value: BigInteger) {
        separate()
        out.append(UInt8(ascii: "\""))
        out.appendDecimal(value)
        out.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A fraction as a string: `"8250000/365"`, or `"12"` when it is a whole number.
    package mutating func fraction(_ value: Rational) {
        separate()
        if let (numerator, denominator) = value.inlineTerms {
            // Most fractions here: two machine words, written without a BigInteger of each.
            out.append(UInt8(ascii: "\""))
            out.appendDecimal(numerator)
            if denominator != 1 {
                out.append(UInt8(ascii: "/"))
                out.appendDecimal(denominator)
            }
            out.append(UInt8(ascii: "\""))
            needsComma = true
            return
        }
        out.append(UInt8(ascii: "\""))
        out.appendDecimal(value.numerator)
        if !value.isInteger {
            out.append(UInt8(ascii: "/"))
            out.appendDecimal(value.denominator)
        }
        out.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A fraction of two counts as a string in lowest terms (`"39/73"`, `"2"`): a year fraction,
    /// reduced without making a `Rational` of it.
    mutating func fraction(_ numerator: Int, over denominator: Int) {
        precondition(numerator >= 0 && denominator > 0)
        let divisor = Int(Rational.binaryGreatestCommonDivisor(UInt(numerator), UInt(denominator)))
        separate()
        out.append(UInt8(ascii: "\""))
        out.appendDecimal(numerator / divisor)
        if denominator != divisor {
            out.append(UInt8(ascii: "/"))
            out.appendDecimal(denominator / divisor)
        }
        out.append(UInt8(ascii: "\""))
        needsComma = true
    }

    package mutating func bool(_ value: Bool) {
        separate()
        out.append(value ? "true" : "false")
        needsComma = true
    }

    package mutating func null() {
        separate()
        out.append("null")
        needsComma = true
    }

    /// A value already written as JSON elsewhere (an explanation inside a result line).
    package mutating func raw(_ json: [UInt8]) {
        separate()
        json.withUnsafeBytes { out.append($0) }
        needsComma = true
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { out.append(UInt8(ascii: ",")) }
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        out.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        out.append(bracket)
        needsComma = true
    }

    /// `text` as a JSON string: its UTF-8 bytes, with `"`, `\` and control characters escaped
    /// (bytes of multi-byte characters are 0x80 or more and never need an escape).
    static func appendString(_ text: String, to out: OutputBytes) {
        out.append(UInt8(ascii: "\""))
        text.withUTF8Bytes { appendEscaped($0, to: out) }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: OutputBytes) {
        // Most text needs no escape: then it is copied whole, after a check of sixteen bytes at a
        // time.
        if !JSONWriter.needsEscape(bytes) {
            out.append(bytes)
            return
        }
        var runStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case 0x22: out.append(#"\""#)
            case 0x5C: out.append(#"\\"#)
            case 0x0A: out.append(#"\n"#)
            case 0x0D: out.append(#"\r"#)
            case 0x09: out.append(#"\t"#)
            default:
                let hex = String(byte, radix: 16)
                out.append(#"\u"# + String(repeating: "0", count: 4 - hex.count) + hex)
            }
            runStart = index + 1
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Whether `bytes` hold a `"`, a `\\` or a control character: sixteen bytes at a time, in
    /// vector registers (an explanation's source notes are most of its bytes). The last bytes
    /// of a string, and short strings whole, are checked in one more vector padded with `A`.
    @inline(__always)
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        // Vectors made once, not scalars compared lane by lane.
        let space = SIMD16<UInt8>(repeating: 0x20), quote = SIMD16<UInt8>(repeating: 0x22), backslash = SIMD16<UInt8>(repeating: 0x5C)
        @inline(__always) func hasSpecial(_ chunk: SIMD16<UInt8>) -> Bool {
            // The mask's lanes are 0 or all ones: two words test them (`any` reduces lane by lane).
            let lanes = unsafeBitCast((chunk .< space) .| (chunk .== quote) .| (chunk .== backslash), to: (UInt64, UInt64).self)
            return lanes.0 | lanes.1 != 0
        }
        var index = 0
        while index + 16 <= bytes.count {
            if hasSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)) { return true }
            index += 16
        }
        let rest = bytes.count - index
        guard rest > 0 else { return false }
        var tail = SIMD16<UInt8>(repeating: UInt8(ascii: "A"))
        withUnsafeMutableBytes(of: &tail) { $0.baseAddress!.copyMemory(from: base + index, byteCount: rest) }
        return hasSpecial(tail)
    }
}
