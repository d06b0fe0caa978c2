/// One row of an input file, read but not yet computed: its fields by column name, or why the
/// row could not be read, with the line it starts on.
public struct InputRecord: Sendable {
    /// The 1-based line number where the row starts.
    public let line: Int
    /// The row's fields by name; absent when the row could not be read.
    public let fields: [String: String]
    /// Why the row could not be read (bad quoting, wrong field count, bad encoding …).
    public let error: InputError?

    public init(line: Int, fields: [String: String], error: InputError? = nil) {
        self.line = line
        self.fields = fields
        self.error = error
    }
}

/// A source of input rows, read one at a time so that memory does not grow with the file.
public protocol RecordReader {
    /// The next row, or nil at the end of the input.
    mutating func next() throws(Batch.FileError) -> InputRecord?
    /// Bytes consumed so far, for progress.
    var bytesRead: Int { get }
}
