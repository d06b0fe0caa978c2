import CGMP

extension BigInteger {
    /// Builds a value from one GMP operation on two operands.
    @inline(__always)
    static func combine(
        _ a: BigInteger, _ b: BigInteger,
        _ operation: (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) -> Void
    ) -> BigInteger {
        BigInteger(
            storage: .make { result in
                a.storage.read { pa in b.storage.read { pb in operation(result, pa, pb) } }
            })
    }

    public static func + (a: BigInteger, b: BigInteger) -> BigInteger { combine(a, b) { __gmpz_add($0, $1, $2) } }
    public static func - (a: BigInteger, b: BigInteger) -> BigInteger { combine(a, b) { __gmpz_sub($0, $1, $2) } }
    public static func * (a: BigInteger, b: BigInteger) -> BigInteger { combine(a, b) { __gmpz_mul($0, $1, $2) } }

    public static prefix func - (a: BigInteger) -> BigInteger {
        BigInteger(storage: .make { result in a.storage.read { __gmpz_neg(result, $0) } })
    }

    public static func += (a: inout BigInteger, b: BigInteger) { a = a + b }
    public static func -= (a: inout BigInteger, b: BigInteger) { a = a - b }
    public static func *= (a: inout BigInteger, b: BigInteger) { a = a * b }
}

extension BigInteger: Equatable, Comparable {
    public static func == (a: BigInteger, b: BigInteger) -> Bool {
        a.storage === b.storage || a.storage.read { pa in b.storage.read { pb in __gmpz_cmp(pa, pb) } } == 0
    }

    public static func < (a: BigInteger, b: BigInteger) -> Bool {
        a.storage.read { pa in b.storage.read { pb in __gmpz_cmp(pa, pb) } } < 0
    }
}

extension BigInteger: Hashable {
    public func hash(into hasher: inout Hasher) {
        storage.read { pointer in
            let size = Int(pointer.pointee._mp_size)
            hasher.combine(size)
            if let limbs = pointer.pointee._mp_d {
                for index in 0..<abs(size) { hasher.combine(limbs[index]) }
            }
        }
    }
}

extension BigInteger {
    /// 10 raised to `exponent`.
    public static func powerOfTen(_ exponent: Int) -> BigInteger {
        precondition(exponent >= 0)
        return BigInteger(storage: .make { __gmpz_ui_pow_ui($0, 10, UInt(exponent)) })
    }
}

extension BigInteger {
    /// The product with a machine integer, without making a `BigInteger` of it first.
    public static func * (a: BigInteger, b: Int) -> BigInteger {
        BigInteger(storage: .make { result in a.storage.read { __gmpz_mul_si(result, $0, b) } })
    }
}
