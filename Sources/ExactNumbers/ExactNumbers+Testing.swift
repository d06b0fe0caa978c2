import CGMP

// Hooks for the tests that hold the inline arithmetic of small values to GMP's: package access,
// never public.

/// An operation of two operands, for ``BigInteger/onGMP(_:_:_:)`` and ``Rational/onGMP(_:_:_:)``.
package enum ReferenceOperation: Sendable {
    case sum, difference, product
    /// `BigInteger`: the quotient rounded by the mode; `Rational`: the exact quotient (the mode
    /// is not used).
    case quotient(RoundingMode)
    /// `BigInteger` only: the remainder of floor division.
    case floorRemainder
}

extension BigInteger {
    /// Whether the value is held inline rather than in GMP storage.
    package var isInline: Bool { small != nil }

    /// `a operation b` computed by GMP whatever the operands' size.
    package static func onGMP(_ a: BigInteger, _ operation: ReferenceOperation, _ b: BigInteger) -> BigInteger {
        switch operation {
        case .sum: return combine(a, b) { __gmpz_add($0, $1, $2) }
        case .difference: return combine(a, b) { __gmpz_sub($0, $1, $2) }
        case .product: return combine(a, b) { __gmpz_mul($0, $1, $2) }
        case .quotient(let mode): return a.dividedOnGMP(by: b, rounding: mode)
        case .floorRemainder: return a.floorRemainderOnGMP(dividingBy: b)
        }
    }

    /// -1, 0 or 1 as `a` is below, equal to or above `b`, compared by GMP.
    package static func comparedOnGMP(_ a: BigInteger, _ b: BigInteger) -> Int {
        Int(a.read { pa in b.read { pb in __gmpz_cmp(pa, pb) } }.signum())
    }
}

extension Rational {
    /// Whether the value is held inline rather than in GMP storage.
    package var isInline: Bool { small != nil }

    /// `a operation b` computed by GMP whatever the operands' size.
    package static func onGMP(_ a: Rational, _ operation: ReferenceOperation, _ b: Rational) -> Rational {
        switch operation {
        case .sum: return combine(a, b) { __gmpq_add($0, $1, $2) }
        case .difference: return combine(a, b) { __gmpq_sub($0, $1, $2) }
        case .product: return combine(a, b) { __gmpq_mul($0, $1, $2) }
        case .quotient, .floorRemainder: return combine(a, b) { __gmpq_div($0, $1, $2) }
        }
    }

    /// The fraction `numerator / denominator` reduced by GMP.
    package static func reducedOnGMP(_ numerator: BigInteger, _ denominator: BigInteger) -> Rational {
        Rational(computing: { result in
            numerator.read { __gmpq_set_num(result, $0) }
            denominator.read { __gmpq_set_den(result, $0) }
            __gmpq_canonicalize(result)
        })
    }

    /// -1, 0 or 1 as `a` is below, equal to or above `b`, compared by GMP.
    package static func comparedOnGMP(_ a: Rational, _ b: Rational) -> Int {
        Int(a.read { pa in b.read { pb in __gmpq_cmp(pa, pb) } }.signum())
    }
}
