import Foundation
import LatePenalty
import Testing

/// The text an output row is written with: JSON strings escaped so that any reader gets the
/// value back, and yen grouped by thousands, on their fast paths and past them.
@Suite("Output text")
struct OutputTextTests {
    /// Characters that need an escape in JSON, and others around them (multi-byte included).
    static let alphabet: [String] = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", " ", "a", "Z", "~", "\u{7F}", "円", "é", "😀", "/", ","]

    @Test func jsonStringsReadBackAsWritten() throws {
        var random = SplitMix(state: 5)
        for _ in 0..<3_000 {
            // Lengths around the sixteen-byte steps of the escape check.
            let text = (0..<random.below(40)).map { _ in random.below(3) == 0 ? random.pick(Self.alphabet) : random.pick(["a", "b", "0", "-"]) }.joined()
            var explanation = Explanation(rule: RuleReference(clause: text, title: "t", document: "d"), inputs: [.init("key", "label", text)])
            explanation.notes = [text]
            let object = try #require(JSONSerialization.jsonObject(with: Data(explanation.json.utf8)) as? [String: Any])
            #expect((object["rule"] as? [String: Any])?["clause"] as? String == text)
            #expect((object["inputs"] as? [String: Any])?["key"] as? String == text)
            #expect((object["notes"] as? [String])?.first == text)
        }
    }

    @Test func yenIsGroupedByThousands() {
        func reference(_ value: BigInteger, sign: Bool) -> String {
            let digits = Array(value.magnitude.description)
            var grouped = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
                grouped.append(digit)
            }
            return (value.signum < 0 ? "-" : "") + (sign ? "¥" : "") + grouped
        }
        var random = SplitMix(state: 9)
        var values: [BigInteger] = [0, 1, -1, 999, 1000, -1000, BigInteger(Int.max), BigInteger(Int.min), BigInteger(Int.min) - 1, BigInteger(Int.max) + 1]
        for _ in 0..<2_000 {
            let value = random.amount(digits: 25)
            values.append(random.below(2) == 0 ? value : -value)
        }
        for value in values {
            #expect(Yen(value).description == reference(value, sign: true))
            #expect(Yen(value).grouped == reference(value, sign: false))
        }
    }
}
