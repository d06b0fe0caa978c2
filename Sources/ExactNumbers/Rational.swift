import CGMP

/// An exact fraction of integers of any size, on GMP's `mpq` when its terms do not fit in an
/// `Int`, always in lowest terms with a positive denominator.
///
/// A value type: copies share an immutable GMP value and every operation makes a new one.
/// No GMP type appears in the public API.
// `@unchecked Sendable` for the same reason as `BigInteger`: the storage is written once, then read.
public struct Rational: @unchecked Sendable {
    /// How a value is held: as ``BigInteger``, a fraction whose numerator and denominator both
    /// fit in an `Int` is held inline (no allocation, no GMP call), any other in GMP storage.
    /// Both are in lowest terms with a positive denominator, so each value has exactly one
    /// representation.
    @usableFromInline
    enum Representation {
        case small(numerator: Int, denominator: Int)
        case large(RationalStorage)
    }

    @usableFromInline
    let representation: Representation

    /// A fraction already in lowest terms with a positive denominator.
    @inline(__always)
    init(reducedNumerator numerator: Int, denominator: Int) {
        representation = .small(numerator: numerator, denominator: denominator)
    }

    /// The result of GMP operations that `fill` writes, canonical, into a fresh `mpq`, held
    /// inline when its terms fit in an `Int`.
    @inline(__always)
    init(computing fill: (UnsafeMutablePointer<__mpq_struct>) -> Void) {
        let storage = RationalStorage.make(fill)
        let terms: (Int, Int)? = storage.read { pointer in
            guard let numerator = BigInteger.smallValue(of: cgmp_mpq_numref_const(pointer)),
                let denominator = BigInteger.smallValue(of: cgmp_mpq_denref_const(pointer))
            else { return nil }
            return (numerator, denominator)
        }
        if let (numerator, denominator) = terms {
            representation = .small(numerator: numerator, denominator: denominator)
        } else {
            representation = .large(storage)
        }
    }

    /// The numerator and denominator when both are held inline, for writers that print them
    /// without making a ``BigInteger`` of each.
    @inlinable
    package var inlineTerms: (numerator: Int, denominator: Int)? {
        if case .small(let numerator, let denominator) = representation { return (numerator, denominator) }
        return nil
    }

    /// The terms if the value is held inline.
    @inline(__always)
    var small: (numerator: Int, denominator: Int)? {
        if case .small(let numerator, let denominator) = representation { return (numerator, denominator) }
        return nil
    }

    /// Read access for GMP calls that take an `mpq_srcptr`. An inline value is lent as a
    /// read-only `mpq` over two limbs on the stack, as ``BigInteger`` lends its own.
    @inline(__always)
    func read<Result>(_ body: (UnsafePointer<__mpq_struct>) throws -> Result) rethrows -> Result {
        switch representation {
        case .large(let storage):
            return try storage.read(body)
        case .small(let numerator, let denominator):
            var limbs = (mp_limb_t(numerator.magnitude), mp_limb_t(denominator.magnitude))
            return try withUnsafeMutableBytes(of: &limbs) { bytes in
                let limb = bytes.baseAddress!.assumingMemoryBound(to: mp_limb_t.self)
                var fraction = __mpq_struct(
                    _mp_num: __mpz_struct(_mp_alloc: 0, _mp_size: Int32(numerator.signum()), _mp_d: limb),
                    _mp_den: __mpz_struct(_mp_alloc: 0, _mp_size: 1, _mp_d: limb + 1))
                return try withUnsafePointer(to: &fraction) { try body($0) }
            }
        }
    }

    /// The integer `value` as a fraction `value/1`.
    public init(_ value: Int) {
        representation = .small(numerator: value, denominator: 1)
    }

    /// The integer `value` as a fraction `value/1`.
    public init(_ value: BigInteger) {
        if let small = value.small {
            self.init(reducedNumerator: small, denominator: 1)
        } else {
            self.init(computing: { result in value.read { __gmpq_set_z(result, $0) } })
        }
    }

    /// The fraction `numerator / denominator`, reduced to lowest terms.
    ///
    /// - Precondition: `denominator` is not 0.
    public init(numerator: BigInteger, denominator: BigInteger) {
        precondition(!denominator.isZero, "Rational: zero denominator")
        if let (n, d) = BigInteger.smalls(numerator, denominator),
            let reduced = Rational.reduced(Int128(n), Int128(d))
        {
            self = reduced
            return
        }
        self.init(computing: { result in
            numerator.read { __gmpq_set_num(result, $0) }
            denominator.read { __gmpq_set_den(result, $0) }
            __gmpq_canonicalize(result)
        })
    }

    /// The fraction `numerator / denominator`, reduced to lowest terms.
    ///
    /// - Precondition: `denominator` is not 0.
    public init(_ numerator: Int, _ denominator: Int) {
        self.init(numerator: BigInteger(numerator), denominator: BigInteger(denominator))
    }

    /// The numerator in lowest terms; it carries the sign.
    public var numerator: BigInteger {
        if let small { return BigInteger(small: small.numerator) }
        return BigInteger(computing: { result in read { __gmpz_set(result, cgmp_mpq_numref_const($0)) } })
    }

    /// The denominator in lowest terms; always positive.
    public var denominator: BigInteger {
        if let small { return BigInteger(small: small.denominator) }
        return BigInteger(computing: { result in read { __gmpz_set(result, cgmp_mpq_denref_const($0)) } })
    }

    /// The sign: -1, 0 or 1.
    public var signum: Int {
        if let small { return small.numerator.signum() }
        return Int(read { cgmp_mpq_sgn($0) })
    }

    /// Whether the value is 0.
    public var isZero: Bool { signum == 0 }

    /// Whether the value is a whole number.
    public var isInteger: Bool {
        if let small { return small.denominator == 1 }
        return read { __gmpz_cmp_ui(cgmp_mpq_denref_const($0), 1) } == 0
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}
