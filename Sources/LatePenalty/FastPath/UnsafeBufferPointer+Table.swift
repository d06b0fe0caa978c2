// Values read on every row, copied once into memory that is never written again: reading an
// element of such a table retains nothing, where reading an array held by a class or a global
// may retain and release its storage each time.

extension UnsafeBufferPointer {
    /// A copy of `values` in newly allocated memory, which its owner deallocates (or keeps for
    /// the life of the process).
    static func table(_ values: [Element]) -> UnsafeBufferPointer<Element> {
        let pointer = UnsafeMutableBufferPointer<Element>.allocate(capacity: values.count)
        _ = pointer.initialize(from: values)
        return UnsafeBufferPointer(pointer)
    }
}
