import CGMP

extension Rational {
    @inline(__always)
    static func combine(
        _ a: Rational, _ b: Rational,
        _ operation: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void
    ) -> Rational {
        Rational(computing: { result in a.read { pa in b.read { pb in operation(result, pa, pb) } } })
    }

    /// Both operands' terms, when both are held inline.
    @inline(__always)
    static func smalls(_ a: Rational, _ b: Rational) -> ((Int, Int), (Int, Int))? {
        guard case .small(let an, let ad) = a.representation, case .small(let bn, let bd) = b.representation else { return nil }
        return ((an, ad), (bn, bd))
    }

    /// `numerator / denominator` in lowest terms, held inline, or nil when a term of the
    /// result does not fit in an `Int` (then GMP computes it).
    @inline(__always)
    static func reduced(_ numerator: Int128, _ denominator: Int128) -> Rational? {
        guard denominator != 0 else { return nil }
        let negative = (numerator < 0) != (denominator < 0)
        let divisor = greatestCommonDivisor(numerator.magnitude, denominator.magnitude)
        let n = numerator.magnitude / divisor, d = denominator.magnitude / divisor
        guard d <= UInt128(Int.max), n <= (negative ? UInt128(Int.max) + 1 : UInt128(Int.max)) else { return nil }
        return Rational(reducedNumerator: negative ? Int(truncatingIfNeeded: 0 &- n) : Int(n), denominator: Int(d))
    }

    /// The greatest common divisor, 128 bits wide; narrowed to one machine word when both fit,
    /// because 128-bit shifts and subtractions cost two instructions each.
    static func greatestCommonDivisor(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if a <= UInt128(UInt64.max), b <= UInt128(UInt64.max) {
            return UInt128(binaryGreatestCommonDivisor(UInt64(a), UInt64(b)))
        }
        return binaryGreatestCommonDivisor(a, b)
    }

    /// Stein's binary algorithm; `gcd(0, b) = b`.
    @inlinable package static func binaryGreatestCommonDivisor<T: FixedWidthInteger & UnsignedInteger>(_ a: T, _ b: T) -> T {
        if a == 0 { return b }
        if b == 0 { return a }
        var x = a, y = b
        let shift = (x | y).trailingZeroBitCount
        x >>= x.trailingZeroBitCount
        repeat {
            y >>= y.trailingZeroBitCount
            if x > y { swap(&x, &y) }
            y -= x
        } while y != 0
        return x << shift
    }

    // Inline operands are computed in 128 bits, where products of two Int terms and their sums
    // always fit; GMP computes only when a term of the result would not fit in an Int.
    public static func + (a: Rational, b: Rational) -> Rational {
        if let ((an, ad), (bn, bd)) = smalls(a, b) {
            let sum: Rational? =
                ad == bd
                ? reduced(Int128(an) + Int128(bn), Int128(ad))
                : reduced(Int128(an) * Int128(bd) + Int128(bn) * Int128(ad), Int128(ad) * Int128(bd))
            if let sum { return sum }
        }
        return combine(a, b) { __gmpq_add($0, $1, $2) }
    }

    public static func - (a: Rational, b: Rational) -> Rational {
        if let ((an, ad), (bn, bd)) = smalls(a, b) {
            let difference: Rational? =
                ad == bd
                ? reduced(Int128(an) - Int128(bn), Int128(ad))
                : reduced(Int128(an) * Int128(bd) - Int128(bn) * Int128(ad), Int128(ad) * Int128(bd))
            if let difference { return difference }
        }
        return combine(a, b) { __gmpq_sub($0, $1, $2) }
    }

    public static func * (a: Rational, b: Rational) -> Rational {
        if let ((an, ad), (bn, bd)) = smalls(a, b), let product = reduced(Int128(an) * Int128(bn), Int128(ad) * Int128(bd)) {
            return product
        }
        return combine(a, b) { __gmpq_mul($0, $1, $2) }
    }

    /// The exact quotient.
    ///
    /// - Precondition: `b` is not 0. (GMP would raise SIGFPE and kill the process, losing any
    ///   buffered output; this traps with a message instead.)
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "Rational: division by zero")
        if let ((an, ad), (bn, bd)) = smalls(a, b), let quotient = reduced(Int128(an) * Int128(bd), Int128(ad) * Int128(bn)) {
            return quotient
        }
        return combine(a, b) { __gmpq_div($0, $1, $2) }
    }

    public static prefix func - (a: Rational) -> Rational {
        if let (n, d) = a.small, n != .min { return Rational(reducedNumerator: -n, denominator: d) }
        return Rational(computing: { result in a.read { __gmpq_neg(result, $0) } })
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }
    public static func /= (a: inout Rational, b: Rational) { a = a / b }

    /// The absolute value.
    public var magnitude: Rational {
        if let (n, d) = small, n != .min { return Rational(reducedNumerator: abs(n), denominator: d) }
        return Rational(computing: { result in read { __gmpq_abs(result, $0) } })
    }
}

extension Rational: Equatable, Comparable, Hashable {
    public static func == (a: Rational, b: Rational) -> Bool {
        switch (a.representation, b.representation) {
        case (.small(let an, let ad), .small(let bn, let bd)): return an == bn && ad == bd
        case (.large(let x), .large(let y)): return x === y || x.read { px in y.read { py in __gmpq_equal(px, py) } } != 0
        // Lowest terms are unique: a value with a term outside Int's range is never equal to one without.
        default: return false
        }
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        if let ((an, ad), (bn, bd)) = smalls(a, b) {
            // Denominators are positive: compare the cross products, which fit in 128 bits.
            return Int128(an) * Int128(bd) < Int128(bn) * Int128(ad)
        }
        return a.read { pa in b.read { pb in __gmpq_cmp(pa, pb) } } < 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}
