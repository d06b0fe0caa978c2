import CGMP

/// Owns one initialised GMP integer (`mpz_t`) in its tail storage: one allocation per value
/// outside `Int`'s range, and `mpz_clear` exactly once, when the last reference goes away.
///
/// The storage is filled once, by ``make(_:)``, and never mutated afterwards. ``BigInteger``
/// values therefore share storage freely: copying a value copies a reference, never the
/// C struct (copying an `mpz_t` struct would alias its limb pointer and free it twice).
@usableFromInline
final class IntegerStorage: ManagedBuffer<Void, __mpz_struct> {
    /// A fresh integer, initialised to 0 and then filled by `fill`.
    @inline(__always)
    static func make(_ fill: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> IntegerStorage {
        let storage = unsafeDowncast(IntegerStorage.create(minimumCapacity: 1) { _ in }, to: IntegerStorage.self)
        storage.withUnsafeMutablePointerToElements { pointer in
            __gmpz_init(pointer)
            fill(pointer)
        }
        return storage
    }

    /// Read access for GMP calls that take an `mpz_srcptr`.
    @inline(__always)
    func read<Result>(_ body: (UnsafePointer<__mpz_struct>) throws -> Result) rethrows -> Result {
        try withUnsafeMutablePointerToElements { try body(UnsafePointer($0)) }
    }

    deinit {
        withUnsafeMutablePointerToElements { __gmpz_clear($0) }
    }
}
