import Foundation

/// Finds a key given twice in one JSON object. Foundation's decoder keeps one of the values
/// without a word, so in a rate file `"rate": "3", "rate": "30"` would silently compute at one
/// of them; rate files and vector files are checked with this before they are decoded.
enum JSONRepeatedKeys {
    /// The first repeated key, or nil. Malformed JSON is left to the decoder to report.
    static func first(in data: Data) -> String? {
        let bytes = [UInt8](data)
        var objects: [(keys: Set<[UInt8]>, expectingKey: Bool)?] = []  // nil: an array
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"): objects.append((keys: [], expectingKey: true))
            case UInt8(ascii: "["): objects.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if !objects.isEmpty { objects.removeLast() }
            case UInt8(ascii: ","):
                if let last = objects.last, var object = last {
                    object.expectingKey = true
                    objects[objects.count - 1] = object
                }
            case UInt8(ascii: "\""):
                // A string: its bytes up to the closing quote, escapes kept as written.
                var end = index + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                let text = Array(bytes[(index + 1)..<min(end, bytes.count)])
                if let last = objects.last, var object = last, object.expectingKey {
                    guard object.keys.insert(text).inserted else { return String(decoding: text, as: UTF8.self) }
                    object.expectingKey = false
                    objects[objects.count - 1] = object
                }
                index = end
            default: break
            }
            index += 1
        }
        return nil
    }
}
