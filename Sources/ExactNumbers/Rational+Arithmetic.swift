import CGMP

extension Rational {
    @inline(__always)
    static func combine(
        _ a: Rational, _ b: Rational,
        _ operation: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void
    ) -> Rational {
        Rational(
            storage: .make { result in
                a.storage.read { pa in b.storage.read { pb in operation(result, pa, pb) } }
            })
    }

    public static func + (a: Rational, b: Rational) -> Rational { combine(a, b) { __gmpq_add($0, $1, $2) } }
    public static func - (a: Rational, b: Rational) -> Rational { combine(a, b) { __gmpq_sub($0, $1, $2) } }
    public static func * (a: Rational, b: Rational) -> Rational { combine(a, b) { __gmpq_mul($0, $1, $2) } }

    /// The exact quotient.
    ///
    /// - Precondition: `b` is not 0. (GMP would raise SIGFPE and kill the process, losing any
    ///   buffered output; this traps with a message instead.)
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "Rational: division by zero")
        return combine(a, b) { __gmpq_div($0, $1, $2) }
    }

    public static prefix func - (a: Rational) -> Rational {
        Rational(storage: .make { result in a.storage.read { __gmpq_neg(result, $0) } })
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }
    public static func /= (a: inout Rational, b: Rational) { a = a / b }

    /// The absolute value.
    public var magnitude: Rational {
        Rational(storage: .make { result in storage.read { __gmpq_abs(result, $0) } })
    }
}

extension Rational: Equatable, Comparable, Hashable {
    public static func == (a: Rational, b: Rational) -> Bool {
        a.storage === b.storage || a.storage.read { pa in b.storage.read { pb in __gmpq_equal(pa, pb) } } != 0
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        a.storage.read { pa in b.storage.read { pb in __gmpq_cmp(pa, pb) } } < 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}
