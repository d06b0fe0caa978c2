extension String {
    /// Calls `body` with the string's UTF-8 bytes. Native and small strings lend theirs without a
    /// copy or a uniqueness check (`withUTF8` is mutating: it would check, and copy a shared
    /// buffer); any other string is made contiguous first.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = self
        return text.withUTF8(body)
    }
}
