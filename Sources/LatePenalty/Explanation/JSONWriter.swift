import ExactNumbers

/// Writes compact JSON as UTF-8 bytes straight into a buffer, members in the order written so
/// that output is stable and diffable. Numbers that may be large (yen, fractions) are written as
/// strings, so that no reader rounds them through a float.
///
/// No tree is built: an explained batch writes a few hundred values a row, and making each a
/// node (and a `String` of the whole) was most of the time it took.
package struct JSONWriter {
    package var bytes: [UInt8]
    /// Whether the next value or member needs a comma before it.
    private var needsComma = false

    package init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The JSON text written.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

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

    /// A member's key; the value written next is the member's value.
    package mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    /// A member whose key is not known in advance (an input's key), escaped as a string.
    package mutating func key(_ name: String) {
        separate()
        JSONWriter.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    package mutating func string(_ text: String) {
        separate()
        JSONWriter.appendString(text, to: &bytes)
        needsComma = true
    }

    package mutating func integer(_ value: Int) {
        separate()
        JSONWriter.appendDecimal(value, to: &bytes)
        needsComma = true
    }

    /// An integer of any size as a string of digits: `"22602"`.
    package mutating func digits(_ value: BigInteger) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        JSONWriter.appendDecimal(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A fraction as a string: `"8250000/365"`, or `"12"` when it is a whole number.
    package mutating func fraction(_ value: Rational) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        JSONWriter.appendDecimal(value.numerator, to: &bytes)
        if !value.isInteger {
            bytes.append(UInt8(ascii: "/"))
            JSONWriter.appendDecimal(value.denominator, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    package mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    package mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// A value already written as JSON elsewhere (an explanation inside a result line).
    package mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    /// `text` as a JSON string: its UTF-8 bytes, with `"`, `\` and control characters escaped
    /// (bytes of multi-byte characters are 0x80 or more and never need an escape).
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Most text needs no escape: then it is copied whole, after a check of eight bytes at
            // a time.
            if !JSONWriter.needsEscape(bytes) {
                out.append(contentsOf: bytes)
                return
            }
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch byte {
                case 0x22: out.append(contentsOf: #"\""#.utf8)
                case 0x5C: out.append(contentsOf: #"\\"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                default:
                    let hex = String(byte, radix: 16)
                    out.append(contentsOf: (#"\u"# + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether `bytes` hold a `"`, a `\\` or a control character: sixteen bytes at a time, in
    /// vector registers (an explanation's source notes are most of its bytes).
    @inline(__always)
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let space = SIMD16<UInt8>(repeating: 0x20), quote = SIMD16<UInt8>(repeating: 0x22), backslash = SIMD16<UInt8>(repeating: 0x5C)
        var index = 0
        while index + 16 <= bytes.count {
            let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((chunk .< space) .| (chunk .== quote) .| (chunk .== backslash)) { return true }
            index += 16
        }
        while index < bytes.count {
            let byte = base[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            index += 1
        }
        return false
    }

    /// `value` in decimal digits, with a `-` when negative.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var magnitude = value.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: 20 digits and a sign
        withUnsafeMutableBytes(of: &scratch) { digits in
            var index = digits.count
            repeat {
                index -= 1
                digits[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                index -= 1
                digits[index] = UInt8(ascii: "-")
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[index...]))
        }
    }

    /// `value` in decimal digits: without making a `String` when it fits in an `Int`.
    static func appendDecimal(_ value: BigInteger, to out: inout [UInt8]) {
        if let small = Int(exactly: value) {
            appendDecimal(small, to: &out)
        } else {
            out.append(contentsOf: value.description.utf8)
        }
    }
}
