import CGMP

/// Owns one initialised, canonical GMP rational (`mpq_t`) in its tail storage: a value with a
/// term outside `Int`'s range.
///
/// Like ``IntegerStorage``, it is filled once by ``make(_:)`` and never mutated afterwards,
/// so ``Rational`` values share it freely and `mpq_clear` runs exactly once.
@usableFromInline
final class RationalStorage: ManagedBuffer<Void, __mpq_struct> {
    /// A fresh rational, initialised to 0/1 and then filled by `fill`.
    ///
    /// `fill` must leave the value canonical (GMP's arithmetic does; a value assembled from a
    /// numerator and a denominator must call `mpq_canonicalize`).
    @inline(__always)
    static func make(_ fill: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> RationalStorage {
        let storage = unsafeDowncast(RationalStorage.create(minimumCapacity: 1) { _ in }, to: RationalStorage.self)
        storage.withUnsafeMutablePointerToElements { pointer in
            __gmpq_init(pointer)
            fill(pointer)
        }
        return storage
    }

    /// Read access for GMP calls that take an `mpq_srcptr`.
    @inline(__always)
    func read<Result>(_ body: (UnsafePointer<__mpq_struct>) throws -> Result) rethrows -> Result {
        try withUnsafeMutablePointerToElements { try body(UnsafePointer($0)) }
    }

    deinit {
        withUnsafeMutablePointerToElements { __gmpq_clear($0) }
    }
}
