import CGMP

/// An integer of any size, exact, on GMP's `mpz`.
///
/// A value type: copies share an immutable GMP value, and every operation makes a new one,
/// so a copy can never observe another's change. No GMP type appears in the public API.
// `@unchecked Sendable`: the storage is never written after it is made (ManagedBuffer itself
// opts out of Sendable), and GMP allows concurrent reads of one variable from several threads.
public struct BigInteger: @unchecked Sendable {
    let storage: IntegerStorage

    init(storage: IntegerStorage) {
        self.storage = storage
    }

    /// The integer `value`.
    public init(_ value: Int) {
        storage = .make { __gmpz_set_si($0, value) }
    }

    /// The sign: -1, 0 or 1.
    public var signum: Int {
        Int(storage.read { cgmp_mpz_sgn($0) })
    }

    /// Whether the value is 0.
    public var isZero: Bool { signum == 0 }

    /// Whether the value is odd.
    public var isOdd: Bool { storage.read { cgmp_mpz_odd_p($0) } != 0 }

    /// The number of decimal digits of the magnitude (1 for 0).
    public var decimalDigitCount: Int {
        magnitude.description.count
    }

    /// The absolute value.
    public var magnitude: BigInteger {
        BigInteger(storage: .make { result in storage.read { __gmpz_abs(result, $0) } })
    }
}

extension BigInteger: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Int {
    /// The value of `integer` if it fits in an `Int`, else `nil`.
    public init?(exactly integer: BigInteger) {
        guard integer.storage.read({ __gmpz_fits_slong_p($0) }) != 0 else { return nil }
        self = integer.storage.read { __gmpz_get_si($0) }
    }
}
