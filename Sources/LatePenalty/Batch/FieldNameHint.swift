/// The known field a misspelt column most likely meant: a column no regime reads is ignored,
/// so `Decreases` or `decrease` for `decreases` would drop the value it holds with nothing
/// but a note. The note then names the field meant.
enum FieldNameHint {
    /// The known field equal to `name` but for case, spaces, hyphens or a plural `s`, or within
    /// an edit or two of it; nil when none is or the name is long (it is compared once per name).
    static func nearest(to name: String, in known: Set<String>) -> String? {
        guard name.count <= 40 else { return nil }
        func folded(_ text: String) -> String {
            var text = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
            if text.hasSuffix("s") { text.removeLast() }
            return text
        }
        let wanted = folded(name)
        let names = known.sorted()  // in order, so that a tie names the same field every run
        if let same = names.first(where: { folded($0) == wanted }) { return same }
        // One edit for a short name, two for a long one: `note` is not `rate`, `ammount` is `amount`.
        let allowed = wanted.count >= 8 ? 2 : 1
        let candidates = names.map { ($0, distance(Array(wanted), Array(folded($0)))) }.filter { $0.1 <= allowed }
        return candidates.min { $0.1 < $1.1 }?.0
    }

    /// `" (did you mean 'decreases'?)"`, or nothing.
    static func suffix(for name: String, in known: Set<String>) -> String {
        nearest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The Levenshtein distance of two short texts.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
