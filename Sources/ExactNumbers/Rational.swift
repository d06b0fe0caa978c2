import CGMP

/// An exact fraction of integers of any size, on GMP's `mpq`, always in lowest terms with a
/// positive denominator.
///
/// A value type: copies share an immutable GMP value and every operation makes a new one.
/// No GMP type appears in the public API.
// `@unchecked Sendable` for the same reason as `BigInteger`: the storage is written once, then read.
public struct Rational: @unchecked Sendable {
    let storage: RationalStorage

    init(storage: RationalStorage) {
        self.storage = storage
    }

    /// The integer `value` as a fraction `value/1`.
    public init(_ value: Int) {
        storage = .make { __gmpq_set_si($0, value, 1) }
    }

    /// The integer `value` as a fraction `value/1`.
    public init(_ value: BigInteger) {
        storage = .make { result in value.storage.read { __gmpq_set_z(result, $0) } }
    }

    /// The fraction `numerator / denominator`, reduced to lowest terms.
    ///
    /// - Precondition: `denominator` is not 0.
    public init(numerator: BigInteger, denominator: BigInteger) {
        precondition(!denominator.isZero, "Rational: zero denominator")
        storage = .make { result in
            numerator.storage.read { __gmpq_set_num(result, $0) }
            denominator.storage.read { __gmpq_set_den(result, $0) }
            __gmpq_canonicalize(result)
        }
    }

    /// The fraction `numerator / denominator`, reduced to lowest terms.
    ///
    /// - Precondition: `denominator` is not 0.
    public init(_ numerator: Int, _ denominator: Int) {
        self.init(numerator: BigInteger(numerator), denominator: BigInteger(denominator))
    }

    /// The numerator in lowest terms; it carries the sign.
    public var numerator: BigInteger {
        BigInteger(storage: .make { result in storage.read { __gmpz_set(result, cgmp_mpq_numref_const($0)) } })
    }

    /// The denominator in lowest terms; always positive.
    public var denominator: BigInteger {
        BigInteger(storage: .make { result in storage.read { __gmpz_set(result, cgmp_mpq_denref_const($0)) } })
    }

    /// The sign: -1, 0 or 1.
    public var signum: Int { Int(storage.read { cgmp_mpq_sgn($0) }) }

    /// Whether the value is 0.
    public var isZero: Bool { signum == 0 }

    /// Whether the value is a whole number.
    public var isInteger: Bool {
        storage.read { __gmpz_cmp_ui(cgmp_mpq_denref_const($0), 1) } == 0
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}
