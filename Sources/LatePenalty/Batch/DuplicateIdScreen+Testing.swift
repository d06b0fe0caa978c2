// A hook for the tests of the screen run in parts: package access, never public.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DuplicateIdScreen {
    /// The filter's words: the same after any order of noting the same ids.
    package var filterWords: [UInt64] {
        var screen = self
        return screen.withWords { Array($0) }
    }

    /// The screen of the CSV file at `path` on `jobs` threads, in parts of `minimumPartBytes` or
    /// more, and whether it ran in parts (false: one pass, for a small file or parts that did
    /// not join up).
    package static func screen(
        fileAt path: String, encoding: TextEncoding = .utf8, jobs: Int, minimumPartBytes: Int = 4 << 20
    ) throws -> (screen: DuplicateIdScreen, inParts: Bool) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Batch.FileError(description: "cannot open \(path)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Batch.FileError(description: "cannot stat \(path)") }
        let size = Int(status.st_size)
        var reader = try CSVRecordReader(descriptor: descriptor, encoding: encoding)
        var screen = DuplicateIdScreen(log2Bits: log2Bits(forInputBytes: size))
        guard let column = reader.columns.lastIndex(of: "id") else { return (screen, false) }
        if #available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *),
            screenInParts(reader, column: column, inputBytes: size, jobs: jobs, minimumPartBytes: minimumPartBytes, into: &screen)
        {
            return (screen, true)
        }
        _ = try noteIds(&reader, column: column, until: nil) { screen.add(hashes: $0) }
        return (screen, false)
    }
}
