import Foundation

/// The character encoding of an input file: UTF-8, or Shift_JIS as Windows writes it (CP932),
/// which many Japanese finance systems still export.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case shiftJIS = "shift_jis"

    /// Reads an encoding name as given on the command line: `utf-8` (`utf8`), `shift_jis`
    /// (`shift-jis`, `sjis`, `cp932`, `windows-31j`), case-insensitive.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "shift_jis", "shift-jis", "shiftjis", "sjis", "cp932", "windows-31j", "ms932": self = .shiftJIS
        default: return nil
        }
    }

    /// Why the start of an input said to be Shift_JIS is really UTF-8, or nil: a UTF-8
    /// byte-order mark, or multi-byte characters that all decode as UTF-8 with at least one
    /// of three or four bytes (a kana or kanji: Shift_JIS text reads as valid UTF-8 only by
    /// rare chance, and then as two-byte sequences of half-width kana).
    static func utf8Evidence(in bytes: ArraySlice<UInt8>, atEnd: Bool) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "it starts with a UTF-8 byte-order mark (EF BB BF)" }
        var sample = bytes.prefix(1 << 20)
        guard sample.contains(where: { $0 >= 0x80 }) else { return nil }
        // A character cut at the end of the sample is not evidence either way.
        if !(atEnd && sample.count == bytes.count) {
            var back = sample.endIndex
            while back > sample.startIndex && sample[back - 1] & 0xC0 == 0x80 && sample.endIndex - back < 3 { back -= 1 }
            if back > sample.startIndex && sample[back - 1] >= 0xC0 { sample = sample[..<(back - 1)] }
        }
        guard String(validating: sample, as: UTF8.self) != nil, sample.contains(where: { $0 >= 0xE0 }) else { return nil }
        return "its non-ASCII bytes are valid UTF-8 (kana or kanji of three bytes each)"
    }

    /// Decodes the bytes of one field, or says why they cannot be read.
    func decode(_ bytes: ArraySlice<UInt8>) -> Result<String, DecodingFailure> {
        if bytes.contains(0) { return .failure(.nul) }
        // ASCII reads the same in both encodings (CP932 maps 0x5C to '\' and 0x7E to '~').
        if bytes.allSatisfy({ $0 < 0x80 }) { return .success(String(decoding: bytes, as: UTF8.self)) }
        switch self {
        case .utf8:
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.invalid(self)) }
            return .success(text)
        case .shiftJIS:
            guard let text = String(data: Data(bytes), encoding: .shiftJIS) else { return .failure(.invalid(self)) }
            return .success(text)
        }
    }

    enum DecodingFailure: Error {
        case nul
        case invalid(TextEncoding)

        var reason: String {
            switch self {
            case .nul: return "contains a NUL byte (0x00); the file may be binary or UTF-16"
            case .invalid(.utf8): return "is not valid UTF-8; if the file is Shift_JIS (CP932), run with --encoding shift_jis"
            case .invalid(.shiftJIS): return "is not valid Shift_JIS (CP932); if the file is UTF-8, run with --encoding utf-8"
            }
        }
    }
}
