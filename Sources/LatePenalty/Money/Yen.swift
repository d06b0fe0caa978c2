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
    public var description: String { "\(value.signum < 0 ? "-" : "")¥\(Yen.grouped(value.magnitude.description))" }

    /// The digits without the yen sign, grouped by thousands: `1,234,567`.
    public var grouped: String { (value.signum < 0 ? "-" : "") + Yen.grouped(value.magnitude.description) }

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
