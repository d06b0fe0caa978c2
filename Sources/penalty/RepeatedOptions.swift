/// The argument parser keeps the last value of an option given twice (`--amount 1 --amount 2`
/// computes ¥2 without a word). A case computed from the wrong value is a wrong invoice, so an
/// option given twice is a usage error instead, except the options that are lists by design.
enum RepeatedOptions {
    /// Options that may be given more than once.
    static let repeatable: Set<String> = ["--set"]

    /// Short spellings, so that `-o A --output B` is a repeat too.
    static let longNames: [String: String] = ["-o": "--output", "-h": "--help"]

    /// The first option that appears twice among `arguments` (the words after the program name),
    /// as typed the second time; nil when none does. Words after `--` are values, not options.
    static func firstRepeat(in arguments: some Sequence<String>) -> String? {
        var seen: Set<String> = []
        for word in arguments {
            if word == "--" { break }
            guard word.hasPrefix("-"), word.count > 1, !word.dropFirst().allSatisfy(isNumberCharacter) else { continue }
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            let canonical = longNames[name] ?? name
            guard !repeatable.contains(canonical) else { continue }
            if !seen.insert(canonical).inserted { return name }
        }
        return nil
    }

    /// A word such as `-5` or `-1,000` is a (negative) value, not an option.
    private static func isNumberCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isNumber || character == "," || character == ".")
    }
}
