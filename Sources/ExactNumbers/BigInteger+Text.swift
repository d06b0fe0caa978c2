import CGMP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BigInteger: CustomStringConvertible, LosslessStringConvertible {
    /// The value in decimal, with a leading `-` when negative.
    public var description: String {
        if let small { return String(small) }
        return descriptionOnGMP
    }

    /// The decimal text, written by GMP whatever the value's size.
    package var descriptionOnGMP: String {
        read { pointer in
            // GMP mallocs the string; free it after copying.
            guard let text = __gmpz_get_str(nil, 10, pointer) else { return "0" }
            defer { free(text) }
            return String(cString: text)
        }
    }

    /// Parses a decimal integer: an optional `-` and one or more ASCII digits, nothing else.
    ///
    /// Stricter than GMP's `mpz_set_str`, which skips white space: `" 12"`, `"1 2"`, `"+1"`,
    /// `""` and `"-"` are all rejected here.
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        let digits = utf8.first == UInt8(ascii: "-") ? utf8.dropFirst() : utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        self.init(validatedDecimalASCII: utf8)
    }

    /// Builds a value from bytes already checked to be `-?[0-9]+`.
    init(validatedDecimalASCII bytes: [UInt8]) {
        let negative = bytes.first == UInt8(ascii: "-")
        if bytes.count - (negative ? 1 : 0) <= 18 {
            // Up to 18 digits always fit in an Int: no GMP call.
            var value = 0
            for byte in bytes.dropFirst(negative ? 1 : 0) { value = value * 10 + Int(byte &- 0x30) }
            self.init(small: negative ? -value : value)
            return
        }
        self.init(computing: { pointer in
            var terminated = bytes
            terminated.append(0)
            let status = terminated.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    __gmpz_set_str(pointer, $0, 10)
                }
            }
            precondition(status == 0, "BigInteger: GMP rejected validated digits")
        })
    }
}
