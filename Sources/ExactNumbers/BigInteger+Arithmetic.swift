import CGMP

extension BigInteger {
    /// Builds a value from one GMP operation on two operands.
    @inline(__always)
    static func combine(
        _ a: BigInteger, _ b: BigInteger,
        _ operation: (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) -> Void
    ) -> BigInteger {
        BigInteger(computing: { result in a.read { pa in b.read { pb in operation(result, pa, pb) } } })
    }

    /// Both operands, when both are held inline.
    @inline(__always)
    static func smalls(_ a: BigInteger, _ b: BigInteger) -> (Int, Int)? {
        guard case .small(let x) = a.representation, case .small(let y) = b.representation else { return nil }
        return (x, y)
    }

    // Inline operands are computed with the processor's overflow flag; only a result outside
    // Int's range goes through GMP.
    public static func + (a: BigInteger, b: BigInteger) -> BigInteger {
        if let (x, y) = smalls(a, b), case (let sum, false) = x.addingReportingOverflow(y) { return BigInteger(small: sum) }
        return combine(a, b) { __gmpz_add($0, $1, $2) }
    }

    public static func - (a: BigInteger, b: BigInteger) -> BigInteger {
        if let (x, y) = smalls(a, b), case (let difference, false) = x.subtractingReportingOverflow(y) {
            return BigInteger(small: difference)
        }
        return combine(a, b) { __gmpz_sub($0, $1, $2) }
    }

    public static func * (a: BigInteger, b: BigInteger) -> BigInteger {
        if let (x, y) = smalls(a, b), case (let product, false) = x.multipliedReportingOverflow(by: y) {
            return BigInteger(small: product)
        }
        return combine(a, b) { __gmpz_mul($0, $1, $2) }
    }

    public static prefix func - (a: BigInteger) -> BigInteger {
        if let x = a.small, x != .min { return BigInteger(small: -x) }
        return BigInteger(computing: { result in a.read { __gmpz_neg(result, $0) } })
    }

    public static func += (a: inout BigInteger, b: BigInteger) { a = a + b }
    public static func -= (a: inout BigInteger, b: BigInteger) { a = a - b }
    public static func *= (a: inout BigInteger, b: BigInteger) { a = a * b }
}

extension BigInteger: Equatable, Comparable {
    public static func == (a: BigInteger, b: BigInteger) -> Bool {
        switch (a.representation, b.representation) {
        case (.small(let x), .small(let y)): return x == y
        case (.large(let x), .large(let y)): return x === y || x.read { px in y.read { py in __gmpz_cmp(px, py) } } == 0
        // A value held in GMP storage is outside Int's range: never equal to an inline one.
        default: return false
        }
    }

    public static func < (a: BigInteger, b: BigInteger) -> Bool {
        switch (a.representation, b.representation) {
        case (.small(let x), .small(let y)): return x < y
        // A value held in GMP storage lies beyond every Int, on the side of its sign.
        case (.small, .large): return b.signum > 0
        case (.large, .small): return a.signum < 0
        case (.large(let x), .large(let y)): return x.read { px in y.read { py in __gmpz_cmp(px, py) } } < 0
        }
    }
}

extension BigInteger: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch representation {
        case .small(let value):
            hasher.combine(value)
        case .large(let storage):
            storage.read { pointer in
                let size = Int(pointer.pointee._mp_size)
                hasher.combine(size)
                if let limbs = pointer.pointee._mp_d {
                    for index in 0..<abs(size) { hasher.combine(limbs[index]) }
                }
            }
        }
    }
}

extension BigInteger {
    /// 10 raised to `exponent`.
    public static func powerOfTen(_ exponent: Int) -> BigInteger {
        precondition(exponent >= 0)
        if exponent <= 18 {
            var power = 1
            for _ in 0..<exponent { power *= 10 }
            return BigInteger(small: power)
        }
        return BigInteger(computing: { __gmpz_ui_pow_ui($0, 10, UInt(exponent)) })
    }
}

extension BigInteger {
    /// The product with a machine integer, without making a `BigInteger` of it first.
    public static func * (a: BigInteger, b: Int) -> BigInteger {
        if let x = a.small, case (let product, false) = x.multipliedReportingOverflow(by: b) { return BigInteger(small: product) }
        return BigInteger(computing: { result in a.read { __gmpz_mul_si(result, $0, b) } })
    }
}
