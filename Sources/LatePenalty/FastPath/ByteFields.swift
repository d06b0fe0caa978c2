#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Typed values read straight from a field's ASCII bytes, for the byte-level batch.
///
/// Each reader accepts only the plainest form of its value (`2022-03-25`, `1200000`) and returns
/// nil for anything else, valid or not. A row with such a field goes the general way
/// (`CivilDate.parse`, `Yen.parse` …), which reads every form and words the errors, so the
/// byte readers never have to: they decide only what is certainly equal.
enum ByteFields {
    /// The field `start..<end` without leading and trailing spaces and tabs (as the CSV reader
    /// trims them).
    @inline(__always)
    static func trimmed(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (start: Int, end: Int) {
        var start = start, end = end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return (start, end)
    }

    /// Whether an id can be written as it is: nothing CSV must quote, no control byte, and not a
    /// start a spreadsheet would read as a formula (``CSVWriter``). Other ids go the general way.
    @inline(__always)
    static func isPlainId(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let first = bytes[start]
        guard first != 0x3D && first != 0x2B && first != 0x2D && first != 0x40 else { return false }
        return writesAsIs(bytes, start, end)
    }

    /// Whether a field can be written as a JSON string as it is: printable ASCII with no `"` or
    /// `\\` (nothing JSON must escape, nothing to decode).
    @inline(__always)
    static func writesAsJSON(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where bytes[index] < 0x20 || bytes[index] >= 0x7F || bytes[index] == 0x22 || bytes[index] == 0x5C { return false }
        return true
    }

    /// Whether a field needs no quoting in CSV and holds no control byte (a CSV plain row has no
    /// comma or quote in a field; a JSON Lines value may).
    @inline(__always)
    static func writesAsIs(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where bytes[index] < 0x20 || bytes[index] == 0x7F || bytes[index] == 0x2C || bytes[index] == 0x22 { return false }
        return true
    }

    /// Whether the field is exactly `literal`.
    @inline(__always)
    static func equals(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ literal: [UInt8]) -> Bool {
        guard end - start == literal.count else { return false }
        return literal.withUnsafeBufferPointer { memcmp(bytes + start, $0.baseAddress!, literal.count) == 0 }
    }

    /// Whether the bytes `start..<end` are `table`'s.
    @inline(__always)
    static func equals(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ table: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end - start == table.count else { return false }
        guard let address = table.baseAddress else { return true }
        return memcmp(bytes + start, address, table.count) == 0
    }

    /// The day number of an ISO date written exactly `YYYY-MM-DD` that exists, or nil.
    @inline(__always)
    static func isoDayNumber(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end - start == 10 else { return nil }
        let b = bytes + start
        // Digit values by wrapping subtraction: anything but '0'…'9' becomes more than 9.
        let y0 = b[0] &- 0x30, y1 = b[1] &- 0x30, y2 = b[2] &- 0x30, y3 = b[3] &- 0x30
        let m0 = b[5] &- 0x30, m1 = b[6] &- 0x30, d0 = b[8] &- 0x30, d1 = b[9] &- 0x30
        guard b[4] == 0x2D, b[7] == 0x2D, max(max(max(y0, y1), max(y2, y3)), max(max(m0, m1), max(d0, d1))) <= 9 else {
            return nil
        }
        let year = Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3)
        let month = Int(m0) * 10 + Int(m1), day = Int(d0) * 10 + Int(d1)
        guard year >= 1, month >= 1, month <= 12, day >= 1,
            day <= 28 || day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        return CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// A whole number written as 1 to 18 ASCII digits (leading zeros allowed), or nil. Longer
    /// amounts, thousands separators and full-width digits go the general way.
    @inline(__always)
    static func digits(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64? {
        guard end > start, end - start <= 18 else { return nil }
        var value: UInt64 = 0
        for index in start..<end {
            let digit = UInt64(bytes[index]) &- 0x30
            guard digit <= 9 else { return nil }
            value = value &* 10 &+ digit
        }
        return value
    }
}
