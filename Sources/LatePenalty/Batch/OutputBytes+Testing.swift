// A hook for the tests that hold the byte writer's decimal digits to the standard library's:
// package access, never public.

extension Batch {
    /// The digits the byte writer (`OutputBytes.appendDecimal`) writes for `value`
    /// (non-negative), as text.
    package static func decimalText(_ value: Int128) -> String {
        let output = OutputBytes(capacity: 64)
        output.appendDecimal(value)
        return String(decoding: output.bytes, as: UTF8.self)
    }
}
