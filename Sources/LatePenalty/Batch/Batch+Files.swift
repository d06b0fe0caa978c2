#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's two passes: the screen for ids that may repeat, then the run. `penalty compute` and
/// the server's batch endpoint both read their input this way.
extension Batch {
    /// What the first pass over a file finds: the ids that may repeat, and a CSV file's header.
    package struct FileScreen: Sendable {
        package let candidates: Set<Int>
        /// The column names of a CSV header (nil for JSON Lines).
        package let columns: [String]?
    }

    /// The ids that may repeat in the rest of a seekable file of `size` bytes
    /// (``DuplicateIdScreen``), read from the descriptor's position, to which it is moved back.
    /// A CSV header without the required columns is refused here, before any output. A large file is
    /// screened on up to `jobs` threads.
    package static func screenFile(descriptor: Int32, size: Int, jsonLines: Bool, encoding: TextEncoding, jobs: Int = 1) throws(FileError) -> FileScreen {
        let first = lseek(descriptor, 0, SEEK_CUR)
        let screen: FileScreen
        if jsonLines {
            var reader = JSONLinesReader(descriptor: descriptor, encoding: encoding)
            screen = FileScreen(candidates: try DuplicateIdScreen.screen(&reader, inputBytes: size, jobs: jobs).candidates, columns: nil)
        } else {
            var reader = try CSVRecordReader(descriptor: descriptor, encoding: encoding)
            try reader.checkRequiredColumns()
            let columns = reader.columns
            screen = FileScreen(candidates: try DuplicateIdScreen.screen(&reader, inputBytes: size, jobs: jobs).candidates, columns: columns)
        }
        guard first >= 0, lseek(descriptor, first, SEEK_SET) == first else {
            throw FileError(description: "cannot read the input a second time: \(String(cString: strerror(errno)))")
        }
        return screen
    }

    /// Runs every row of the file from the descriptor's position, as CSV or JSON Lines
    /// (``runCSV(_:options:output:diagnostics:progress:)``, ``runJSONLines(_:options:output:diagnostics:progress:)``).
    package static func runFile(
        descriptor: Int32, jsonLines: Bool, encoding: TextEncoding, options: Options,
        output: (UnsafeRawBufferPointer) -> Void, diagnostics: (String) -> Void, progress: ((Int, Int) -> Void)? = nil
    ) throws(FileError) -> Summary {
        if jsonLines {
            var reader = JSONLinesReader(descriptor: descriptor, encoding: encoding)
            return try runJSONLines(&reader, options: options, output: output, diagnostics: diagnostics, progress: progress)
        }
        var reader = try CSVRecordReader(descriptor: descriptor, encoding: encoding)
        return try runCSV(&reader, options: options, output: output, diagnostics: diagnostics, progress: progress)
    }
}
