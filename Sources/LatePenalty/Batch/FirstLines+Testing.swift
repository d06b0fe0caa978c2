// A hook for the tests that hold the compact id set to a dictionary: package access, never public.

extension Batch {
    /// The first line of each id of `ids` (line = index + 1) after a pass that adds every new one,
    /// by the compact set and by a dictionary of byte arrays: equal when the set is exact.
    package static func firstLinesAgreeWithADictionary(_ ids: [String]) -> Bool {
        var set = FirstLines(), dictionary: [[UInt8]: Int] = [:]
        for (index, id) in ids.enumerated() {
            let expected = dictionary[Array(id.utf8)]
            guard set.firstLine(of: id) == expected, set.firstLine(of: id, elseAdd: index + 1) == expected else { return false }
            if expected == nil { dictionary[Array(id.utf8)] = index + 1 }
        }
        return set.count == dictionary.count && ids.allSatisfy { set.firstLine(of: $0) == dictionary[Array($0.utf8)] }
    }
}
