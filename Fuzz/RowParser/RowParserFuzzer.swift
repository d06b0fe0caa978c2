// A libFuzzer target for the readers of input: any bytes, read as CSV and as JSON Lines in both
// encodings and computed through the batch, as a rate file (then every regime computed once),
// or as a vector file (then verified), must produce rows or errors, never a crash, a trap or a
// hang. FUZZ_TARGET chooses: csv, jsonl, rates, vectors, or all (the default). See
// docs/fuzzing.md.
//
// Normal builds make a replay tool (`fuzz-row-parser FILE...` runs each file through the same
// entry point); built with `-sanitize=fuzzer -parse-as-library -DFUZZING`, libFuzzer drives it.
import Foundation
import LatePenalty

/// Which reader the run fuzzes, from FUZZ_TARGET.
let fuzzTarget = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "all"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRowParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if fuzzTarget == "rates" || fuzzTarget == "all" { fuzzRateFile(bytes) }
    if fuzzTarget == "vectors" || fuzzTarget == "all" { fuzzVectorFile(bytes) }
    if fuzzTarget == "rates" || fuzzTarget == "vectors" { return 0 }
    let csv = fuzzTarget != "jsonl", jsonl = fuzzTarget != "csv"
    var options = Batch.Options()
    options.explain = true
    for encoding in TextEncoding.allCases {
        if csv, var reader = try? CSVRecordReader(bytes: bytes, encoding: encoding, maxRecordBytes: 1 << 16) {
            _ = try? Batch.run(&reader, options: options, output: { _ in }, diagnostics: { _ in })
        }
        // The byte-level engine (fast path on: CSV, no explanation) must equal the record batch.
        var plain = options
        plain.explain = false
        plain.blockSize = 1 + size % 64
        if csv, var reader = try? CSVRecordReader(bytes: bytes, encoding: encoding, maxRecordBytes: 1 << 16),
            var bytewise = try? CSVRecordReader(bytes: bytes, encoding: encoding, maxRecordBytes: 1 << 16)
        {
            var expected = "", expectedNotes: [String] = [], actual: [UInt8] = [], actualNotes: [String] = []
            let summary = try? Batch.run(&reader, options: plain, output: { expected += $0 }, diagnostics: { expectedNotes.append($0) })
            let other = try? Batch.runCSV(&bytewise, options: plain, output: { actual.append(contentsOf: $0) }, diagnostics: { actualNotes.append($0) })
            if String(decoding: actual, as: UTF8.self) != expected || actualNotes != expectedNotes || summary != other {
                fatalError("the byte-level batch differs from the record batch")
            }
        }
        // JSON Lines through both batches too, explained (the byte-level batch's full results)
        // or not (its fast path), as the size picks.
        if jsonl {
            var lines = JSONLinesReader(bytes: bytes, encoding: encoding, maxRecordBytes: 1 << 16)
            var bytewise = JSONLinesReader(bytes: bytes, encoding: encoding, maxRecordBytes: 1 << 16)
            var jsonOptions = plain
            jsonOptions.explain = size % 2 == 0
            jsonOptions.format = size % 3 == 0 ? .jsonl : .csv
            var expected = "", expectedNotes: [String] = [], actual: [UInt8] = [], actualNotes: [String] = []
            let summary = try? Batch.run(&lines, options: jsonOptions, output: { expected += $0 }, diagnostics: { expectedNotes.append($0) })
            let other = try? Batch.runJSONLines(
                &bytewise, options: jsonOptions, output: { actual.append(contentsOf: $0) }, diagnostics: { actualNotes.append($0) })
            if String(decoding: actual, as: UTF8.self) != expected || actualNotes != expectedNotes || summary != other {
                fatalError("the byte-level batch differs from the record batch on JSON Lines")
            }
        }
    }
    return 0
}

/// A rate file laid over the bundled regimes; every regime it leaves is then computed once.
func fuzzRateFile(_ bytes: [UInt8]) {
    guard let catalog = try? RegimeCatalog.bundled.overlaying(regimeFile: Data(bytes)) else { return }
    for name in catalog.names {
        _ = try? catalog.compute(["regime": name, "amount": "1234567", "due": "2024-01-31", "paid": "2026-03-02", "rate": ""])
        _ = try? catalog.compute(["regime": name, "amount": "1234567", "due": "9998-06-30", "paid": "9998-12-31"])
    }
}

/// A vector file, verified against the bundled regimes.
func fuzzVectorFile(_ bytes: [UInt8]) {
    var report = VectorVerifier.Report()
    VectorVerifier.verify(Data(bytes), named: "fuzz", into: &report)
}

#if FUZZING
// SwiftPM links an executable target's entry point under the name `<target>_main`; in a fuzzing
// build that entry point hands control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runLibFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("fuzz_row_parser_main")
func fuzzingEntryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runLibFuzzerDriver(&count, &arguments, { fuzzRowParser($0, $1) })
}
#else
/// The replay tool of normal builds: runs each file given through the fuzzing entry point.
@main
struct ReplayRowParserInputs {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                continue
            }
            _ = data.withUnsafeBytes { fuzzRowParser($0.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, data.count) }
            print("ok \(path)")
        }
    }
}
#endif
