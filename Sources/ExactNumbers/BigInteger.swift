import CGMP

/// An integer of any size, exact, on GMP's `mpz` when it does not fit in an `Int`.
///
/// A value type: copies share an immutable GMP value, and every operation makes a new one,
/// so a copy can never observe another's change. No GMP type appears in the public API.
// `@unchecked Sendable`: the storage is never written after it is made (ManagedBuffer itself
// opts out of Sendable), and GMP allows concurrent reads of one variable from several threads.
public struct BigInteger: @unchecked Sendable {
    /// How a value is held. Almost every amount, day count and product of a row fits in an
    /// `Int`: such a value is held inline, with no allocation and no GMP call, and only a value
    /// outside `Int`'s range lives in GMP storage. Each value has exactly one representation,
    /// so equality, order and hashing never compare across the two.
    @usableFromInline
    enum Representation {
        case small(Int)
        case large(IntegerStorage)
    }

    @usableFromInline
    let representation: Representation

    /// A value that fits in an `Int`.
    @inline(__always)
    init(small value: Int) {
        representation = .small(value)
    }

    /// The result of GMP operations that `fill` writes into a fresh `mpz`, held inline when it
    /// fits in an `Int`.
    @inline(__always)
    init(computing fill: (UnsafeMutablePointer<__mpz_struct>) -> Void) {
        let storage = IntegerStorage.make(fill)
        if let small = storage.read(BigInteger.smallValue(of:)) {
            representation = .small(small)
        } else {
            representation = .large(storage)
        }
    }

    /// The value if it is held inline (that is, if it fits in an `Int`).
    @inlinable @inline(__always)
    var small: Int? {
        if case .small(let value) = representation { return value }
        return nil
    }

    /// Read access for GMP calls that take an `mpz_srcptr`. An inline value is lent as a
    /// read-only `mpz` over one limb on the stack (GMP's `mpz_roinit_n` layout): GMP reads it
    /// and never writes, grows or frees it, since it is only ever passed as an operand.
    @inline(__always)
    func read<Result>(_ body: (UnsafePointer<__mpz_struct>) throws -> Result) rethrows -> Result {
        switch representation {
        case .large(let storage):
            return try storage.read(body)
        case .small(let value):
            var limb = mp_limb_t(value.magnitude)
            return try withUnsafeMutablePointer(to: &limb) { limbs in
                var integer = __mpz_struct(_mp_alloc: 0, _mp_size: Int32(value.signum()), _mp_d: limbs)
                return try withUnsafePointer(to: &integer) { try body($0) }
            }
        }
    }

    /// The integer `value`.
    public init(_ value: Int) {
        representation = .small(value)
    }

    /// The sign: -1, 0 or 1.
    public var signum: Int {
        switch representation {
        case .small(let value): return value.signum()
        case .large(let storage): return Int(storage.read { cgmp_mpz_sgn($0) })
        }
    }

    /// Whether the value is 0.
    public var isZero: Bool { signum == 0 }

    /// Whether the value is odd.
    public var isOdd: Bool {
        switch representation {
        case .small(let value): return value & 1 != 0
        case .large(let storage): return storage.read { cgmp_mpz_odd_p($0) } != 0
        }
    }

    /// The number of decimal digits of the magnitude (1 for 0).
    public var decimalDigitCount: Int {
        if let small {
            var magnitude = small.magnitude, count = 1
            while magnitude >= 10 {
                magnitude /= 10
                count += 1
            }
            return count
        }
        return magnitude.description.count
    }

    /// The absolute value.
    public var magnitude: BigInteger {
        if let small, small != .min { return BigInteger(small: abs(small)) }
        return BigInteger(computing: { result in read { __gmpz_abs(result, $0) } })
    }
}

extension BigInteger: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Int {
    /// The value of `integer` if it fits in an `Int`, else `nil`. Inlinable: a caller in another
    /// module tests the inline case without a call.
    @inlinable
    public init?(exactly integer: BigInteger) {
        // Only values outside Int's range are held in GMP storage.
        guard let small = integer.small else { return nil }
        self = small
    }
}

extension BigInteger {
    /// The value of a GMP integer if it fits in an `Int`.
    @inline(__always)
    static func smallValue(of integer: UnsafePointer<__mpz_struct>) -> Int? {
        __gmpz_fits_slong_p(integer) != 0 ? __gmpz_get_si(integer) : nil
    }
}
