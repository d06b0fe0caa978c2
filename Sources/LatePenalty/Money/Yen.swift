/// An amount of money in whole yen (円), of any size.
public struct Yen: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number of yen.
    public let value: BigInteger

    public init(_ value: BigInteger) { self.value = value }
    public init(_ value: Int) { self.value = BigInteger(value) }

    public static let zero = Yen(0)

    /// The amount as an exact fraction, for arithmetic with rates and day counts.
    public var exact: Rational { Rational(value) }

    public static func < (a: Yen, b: Yen) -> Bool { a.value < b.value }
    public static func + (a: Yen, b: Yen) -> Yen { Yen(a.value + b.value) }
    public static func - (a: Yen, b: Yen) -> Yen { Yen(a.value - b.value) }

    /// `¥1,234,567`, with `-` before the sign for a negative amount.
    public var description: String { Yen.text(value, yenSign: true) }

    /// The digits without the yen sign, grouped by thousands: `1,234,567`.
    public var grouped: String { Yen.text(value, yenSign: false) }

    /// Appends the amount grouped by thousands, `¥1,234,567` (or without the yen sign), to `out`:
    /// an explanation written as bytes renders its amounts in place, without a `String`.
    func write(to out: OutputBytes, yenSign: Bool = true) {
        Yen.withText(value, yenSign: yenSign) { out.append($0) }
    }

    private static func text(_ value: BigInteger, yenSign: Bool) -> String {
        withText(value, yenSign: yenSign) { String(decoding: $0, as: UTF8.self) }
    }

    /// Lends the amount grouped by thousands, with a `-` and the yen sign as asked, as UTF-8. An
    /// amount that fits in 64 bits is written without a GMP call or an intermediate string:
    /// explanations write several a row.
    private static func withText<R>(_ value: BigInteger, yenSign: Bool, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard let small = Int(exactly: value) else {
            var text = (value.signum < 0 ? "-" : "") + (yenSign ? "¥" : "") + grouped(value.magnitude.description)
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        var magnitude = small.magnitude
        // 20 digits, 6 commas, a sign and "¥" (2 bytes in UTF-8) fit in 32 bytes.
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &scratch) { bytes in
            var index = bytes.count, written = 0
            repeat {
                if written > 0 && written % 3 == 0 {
                    index -= 1
                    bytes[index] = UInt8(ascii: ",")
                }
                index -= 1
                bytes[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
                written += 1
            } while magnitude > 0
            if yenSign {
                index -= 2
                (bytes[index], bytes[index + 1]) = (0xC2, 0xA5)  // ¥ (U+00A5)
            }
            if small < 0 {
                index -= 1
                bytes[index] = UInt8(ascii: "-")
            }
            return body(UnsafeRawBufferPointer(rebasing: bytes[index...]))
        }
    }

    /// `digits` with a comma before each group of three from the right; linear in the length
    /// (amounts may have any number of digits).
    static func grouped(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 3)
        for (index, byte) in bytes.enumerated() {
            if index > 0 && (bytes.count - index) % 3 == 0 { result.append(UInt8(ascii: ",")) }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
