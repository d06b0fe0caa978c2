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

    /// The screen of the CSV (or JSON Lines) file at `path` on `jobs` threads, in parts of
    /// `minimumPartBytes` or more, and whether it ran in parts (false: one pass, for a small file
    /// or parts that did not join up).
    package static func screen(
        fileAt path: String, jsonLines: Bool = false, encoding: TextEncoding = .utf8, jobs: Int, minimumPartBytes: Int = 4 << 20
    ) throws -> (screen: DuplicateIdScreen, inParts: Bool) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Batch.FileError(description: "cannot open \(path)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Batch.FileError(description: "cannot stat \(path)") }
        let size = Int(status.st_size)
        if jsonLines {
            var reader = JSONLinesReader(descriptor: descriptor, encoding: encoding)
            return try firstPass(&reader, inputBytes: size, jobs: jobs, minimumPartBytes: minimumPartBytes)
        }
        var reader = try CSVRecordReader(descriptor: descriptor, encoding: encoding)
        return try firstPass(&reader, inputBytes: size, jobs: jobs, minimumPartBytes: minimumPartBytes)
    }
}
