import CGMP

/// A GMP integer changed in place, for loops that would otherwise make a new ``BigInteger`` at
/// every step: make one per thread and reuse it for every row. Once its limbs have grown to the
/// size the loop needs, no operation allocates.
///
/// Unlike ``BigInteger`` it is mutable and not `Sendable`: never share one between threads.
public final class IntegerScratch {
    private let value: UnsafeMutablePointer<__mpz_struct>
    /// Room for decimal text, read and written by GMP (grown when a longer number comes).
    private var text: UnsafeMutablePointer<CChar>
    private var textCapacity: Int

    /// A scratch integer holding 0.
    public init() {
        value = .allocate(capacity: 1)
        __gmpz_init(value)
        textCapacity = 64
        text = .allocate(capacity: textCapacity)
    }

    deinit {
        __gmpz_clear(value)
        value.deallocate()
        text.deallocate()
    }

    private func reserveText(_ count: Int) {
        guard count > textCapacity else { return }
        text.deallocate()
        textCapacity = max(count, textCapacity * 2)
        text = .allocate(capacity: textCapacity)
    }

    /// Sets the value from ASCII decimal digits; returns false, leaving the value unspecified,
    /// when `digits` is empty or holds anything but `0`–`9`.
    public func set(digits: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        reserveText(digits.count + 1)
        let bytes = UnsafeMutableRawPointer(text).assumingMemoryBound(to: UInt8.self)
        bytes.update(from: digits.baseAddress!, count: digits.count)
        bytes[digits.count] = 0
        return __gmpz_set_str(value, text, 10) == 0
    }

    /// Sets the value to `other`.
    public func set(_ other: Int) { __gmpz_set_si(value, other) }

    /// Multiplies the value by `factor`.
    public func multiply(by factor: Int) { __gmpz_mul_si(value, value, factor) }

    /// Adds `other` to the value.
    public func add(_ other: IntegerScratch) { __gmpz_add(value, value, other.value) }

    /// Replaces the value by the floor of value / `divisor`.
    ///
    /// - Precondition: `divisor` > 0 (checked here: GMP would raise SIGFPE).
    public func floorDivide(by divisor: Int) {
        precondition(divisor > 0, "IntegerScratch.floorDivide(by:): the divisor must be positive")
        __gmpz_fdiv_q_ui(value, value, UInt(divisor))
    }

    /// -1, 0 or 1 as the value is below, equal to or above `other`.
    public func compare(to other: Int) -> Int { Int(__gmpz_cmp_si(value, other).signum()) }

    /// -1, 0 or 1.
    public var signum: Int { Int(cgmp_mpz_sgn(value)) }

    /// Calls `body` with the value's decimal digits (a `-` first when negative); the bytes are
    /// valid only during the call.
    public func withDecimalDigits<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let room = __gmpz_sizeinbase(value, 10) + 2  // digits (one too many at most), sign, NUL
        reserveText(room)
        __gmpz_get_str(text, 10, value)
        var count = 0
        while count < room && text[count] != 0 { count += 1 }
        return try UnsafeRawPointer(text).withMemoryRebound(to: UInt8.self, capacity: count) {
            try body(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// The value as an immutable ``BigInteger`` (a copy).
    public var bigInteger: BigInteger {
        BigInteger(computing: { __gmpz_set($0, value) })
    }
}
