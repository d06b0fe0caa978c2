/// Reads a JSON Lines row's object straight from its bytes into value ranges, as
/// `RowBlock.splitRow` reads a CSV row at its commas: no `String`, no dictionary.
///
/// Only the plainest lines are read here: ASCII, keys and string values without escapes or
/// control characters, whole numbers written as JSON writes them, `null`, each key once, one
/// object and nothing after it. Any other line, valid or not, is read by ``FlatJSONObject``,
/// which knows every form and reports every error.
enum JSONRowScan {
    /// The columns a line's keys are looked up in (a batch's column names).
    struct Columns: Sendable {
        let names: [[UInt8]]
        /// The names' bytes one after another, and where each begins (`nameStarts[i]`, the
        /// end being `nameStarts[i + 1]`): flat arrays of plain values, so that looking a key up
        /// on every row copies no array.
        private let nameBytes: [UInt8]
        private let nameStarts: [Int]
        /// The columns ordered by the length of their name, and where the names of each length
        /// begin among them (`lengthStarts[n]..<lengthStarts[n + 1]`), so that a key is compared
        /// with a few names. Names longer than 31 bytes are not looked up: no field a regime
        /// reads has one.
        private let byLength: [Int]
        private let lengthStarts: [Int]

        init(_ names: [String]) {
            let names = names.map { Array($0.utf8) }
            self.names = names
            nameBytes = names.flatMap { $0 }
            nameStarts = names.reduce(into: [0]) { starts, name in starts.append(starts[starts.count - 1] + name.count) }
            var ordered: [Int] = [], starts: [Int] = []
            for length in 0..<32 {
                starts.append(ordered.count)
                ordered += names.indices.filter { names[$0].count == length }
            }
            starts.append(ordered.count)
            byLength = ordered
            lengthStarts = starts
        }

        /// The column named by the key at `start..<end`, or nil.
        @inline(__always)
        func index(of bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
            let length = end - start
            guard length < 32 else { return nil }
            for position in lengthStarts[length]..<lengthStarts[length + 1] {
                let column = byLength[position]
                var offset = nameStarts[column], index = start
                while index < end && nameBytes[offset] == bytes[index] {
                    offset += 1
                    index += 1
                }
                if index == end { return column }
            }
            return nil
        }
    }

    /// Fills `starts`/`ends` (one pair per column; a column the line does not give, or gives as
    /// `null`, is empty) with the ranges of the values in `start..<end` (a line without its line
    /// break), and `unknown` with the ranges of keys that name no column and whether their value
    /// is `null` (a field given as null is absent). Returns false when the line is not in the
    /// plain form. With `keepingUnknown` false, keys that name no column are skipped unrecorded
    /// (a repeated one is then not noticed): for a pass that only needs the columns' values and
    /// may take a few lines as plain that the batch reads the general way.
    static func split(
        _ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, columns: Columns, _ starts: UnsafeMutablePointer<Int>,
        _ ends: UnsafeMutablePointer<Int>, unknown: inout [(key: (Int, Int), isNull: Bool)], keepingUnknown: Bool = true
    ) -> Bool {
        let count = columns.names.count
        guard count <= 64 else { return false }
        for column in 0..<count { (starts[column], ends[column]) = (start, start) }
        unknown.removeAll(keepingCapacity: true)
        var seen: UInt64 = 0
        var index = start
        @inline(__always) func skipSpace() {
            while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        }
        /// The content of the string at `index` (on its opening quote), or nil when it is not
        /// plain; `index` moves past the closing quote.
        @inline(__always) func plainString() -> (Int, Int)? {
            index += 1
            let contentStart = index
            index = PlainRowScan.nextInString(bytes, from: index, end: end)
            guard index < end, bytes[index] == 0x22 else { return nil }
            index += 1
            return (contentStart, index - 1)
        }
        skipSpace()
        guard index < end, bytes[index] == UInt8(ascii: "{") else { return false }
        index += 1
        skipSpace()
        if index < end && bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard index < end, bytes[index] == 0x22, let key = plainString() else { return false }
                skipSpace()
                guard index < end, bytes[index] == UInt8(ascii: ":") else { return false }
                index += 1
                skipSpace()
                guard index < end else { return false }
                var value: (Int, Int)
                var isNull = false
                switch bytes[index] {
                case 0x22:
                    guard let content = plainString() else { return false }
                    value = content
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let digitsStart = index
                    while index < end && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
                    // A sign, a fraction, an exponent or a leading zero: the general reader
                    // explains why it is refused.
                    if index < end, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[index]) {
                        return false
                    }
                    if index - digitsStart > 1 && bytes[digitsStart] == UInt8(ascii: "0") { return false }
                    value = (digitsStart, index)
                case UInt8(ascii: "n"):
                    guard end - index >= 4, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
                    else { return false }
                    index += 4
                    value = (start, start)
                    isNull = true
                default:
                    return false
                }
                if let column = columns.index(of: bytes, key.0, key.1) {
                    let bit: UInt64 = 1 << UInt64(column)
                    guard seen & bit == 0 else { return false }  // a key given twice
                    seen |= bit
                    (starts[column], ends[column]) = value
                } else if keepingUnknown {
                    let name = UnsafeBufferPointer(start: bytes + key.0, count: key.1 - key.0)
                    for other in unknown where UnsafeBufferPointer(start: bytes + other.key.0, count: other.key.1 - other.key.0).elementsEqual(name) {
                        return false
                    }
                    unknown.append((key, isNull))
                }
                skipSpace()
                guard index < end else { return false }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { return false }
                index += 1
                break
            }
        }
        skipSpace()
        return index == end
    }
}
