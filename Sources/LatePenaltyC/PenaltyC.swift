// The C interface of LatePenalty (include/penalty.h), exported from liblatepenalty.so.
//
// Every entry point checks its pointers, converts C strings, calls the Swift library, and
// returns strings allocated with malloc (strdup) for the caller to release with penalty_free.
// Contexts are immutable once made, so concurrent calls are safe.
import Foundation
import LatePenalty

#if canImport(Glibc)
import Glibc
#endif

let penaltyOK: Int32 = 0, penaltyInputError: Int32 = 1, penaltyArgumentError: Int32 = 2, penaltyRatesError: Int32 = 3

/// The library version reported by penalty_version(), as a C string that lives as long as the process.
nonisolated(unsafe) let libraryVersionCString: UnsafeMutablePointer<CChar> = strdup(libraryVersion)!

/// What a penalty_context handle points to.
final class PenaltyContext: Sendable {
    let catalog: RegimeCatalog
    init(catalog: RegimeCatalog) { self.catalog = catalog }
}

func catalog(_ context: OpaquePointer?) -> RegimeCatalog {
    guard let context else { return .bundled }
    return Unmanaged<PenaltyContext>.fromOpaque(UnsafeRawPointer(context)).takeUnretainedValue().catalog
}

/// Stores a NUL-terminated copy of `bytes` in `*target`, allocated with malloc.
func give(bytes: [UInt8], to target: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) {
    guard let copy = malloc(bytes.count + 1)?.assumingMemoryBound(to: UInt8.self) else {
        target.pointee = nil
        return
    }
    bytes.withUnsafeBufferPointer { source in
        if let base = source.baseAddress { copy.initialize(from: base, count: source.count) }
    }
    copy[bytes.count] = 0
    target.pointee = UnsafeMutableRawPointer(copy).assumingMemoryBound(to: CChar.self)
}

/// Stores a copy of `text` in `*target` if the caller asked for it.
func give(_ text: String?, to target: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
    guard let target else { return }
    target.pointee = text.flatMap { strdup($0) }
}

/// The C strings of `names` and `values` as a dictionary, or nil with the message naming the
/// NULL pointer set (the caller returns PENALTY_ARGUMENT_ERROR).
func fields(
    _ names: UnsafePointer<UnsafePointer<CChar>?>?, _ values: UnsafePointer<UnsafePointer<CChar>?>?, _ count: Int,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> [String: String]? {
    guard count == 0 || (names != nil && values != nil) else {
        give("names and values must not be NULL when field_count > 0", to: errorMessage)
        return nil
    }
    var result: [String: String] = [:]
    for index in 0..<count {
        guard let name = names![index], let value = values![index] else {
            give("names[\(index)] and values[\(index)] must not be NULL", to: errorMessage)
            return nil
        }
        result[String(cString: name)] = String(cString: value)
    }
    return result
}

@_cdecl("penalty_api_version")
public func penaltyAPIVersion() -> Int32 { 1 }

/// Minor 1 added penalty_agreement, penalty_agreements, penalty_deadline, penalty_tax and
/// penalty_set_off.
@_cdecl("penalty_api_minor_version")
public func penaltyAPIMinorVersion() -> Int32 { 1 }

@_cdecl("penalty_version")
public func penaltyVersion() -> UnsafePointer<CChar> { UnsafePointer(libraryVersionCString) }

@_cdecl("penalty_free")
public func penaltyFree(_ string: UnsafeMutablePointer<CChar>?) { free(string) }

@_cdecl("penalty_context_new")
public func penaltyContextNew(
    _ ratesPath: UnsafePointer<CChar>?, _ context: UnsafeMutablePointer<OpaquePointer?>?,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    give(nil, to: errorMessage)
    guard let context else {
        give("context must not be NULL", to: errorMessage)
        return penaltyArgumentError
    }
    context.pointee = nil
    var chosen = RegimeCatalog.bundled
    if let ratesPath {
        do {
            chosen = try chosen.overlaying(regimeFileAt: String(cString: ratesPath))
        } catch {
            give(error.description, to: errorMessage)
            return penaltyRatesError
        }
    }
    context.pointee = OpaquePointer(Unmanaged.passRetained(PenaltyContext(catalog: chosen)).toOpaque())
    return penaltyOK
}

@_cdecl("penalty_context_free")
public func penaltyContextFree(_ context: OpaquePointer?) {
    guard let context else { return }
    Unmanaged<PenaltyContext>.fromOpaque(UnsafeRawPointer(context)).release()
}

@_cdecl("penalty_compute")
public func penaltyCompute(
    _ context: OpaquePointer?,
    _ names: UnsafePointer<UnsafePointer<CChar>?>?, _ values: UnsafePointer<UnsafePointer<CChar>?>?, _ fieldCount: Int,
    _ status: UnsafeMutablePointer<Int32>?, _ amount: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ countedDays: UnsafeMutablePointer<Int64>?, _ explanationJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    give(nil, to: amount)
    give(nil, to: explanationJSON)
    give(nil, to: errorMessage)
    countedDays?.pointee = 0
    guard let status, let amount else {
        give("status and amount must not be NULL", to: errorMessage)
        return penaltyArgumentError
    }
    guard var fields = fields(names, values, fieldCount, errorMessage) else { return penaltyArgumentError }
    // "as_of" is not a row's field: it asks for a quote when the row gives no "paid" day.
    var asOf: CivilDate? = nil
    if let text = fields.removeValue(forKey: "as_of") {
        do { asOf = try CivilDate.parse(text, field: "as_of") } catch {
            give(error.description, to: errorMessage)
            return penaltyInputError
        }
    }
    do {
        let result = try catalog(context).compute(fields, asOf: asOf)
        status.pointee = result.quote != nil ? 2 : result.status == .waived ? 1 : 0
        give(result.amount.value.description, to: amount)
        countedDays?.pointee = Int64(result.countedDays)
        give(result.explanation.json, to: explanationJSON)
        return penaltyOK
    } catch {
        give(error.description, to: errorMessage)
        return penaltyInputError
    }
}

/// Clears the outputs of a function that runs a file held in memory and checks its arguments;
/// the input's bytes, or nil (with the message set) when an argument is wrong.
func fileInput(
    _ input: UnsafePointer<CChar>?, _ length: Int, _ inputFormat: Int32, _ outputFormat: Int32,
    _ output: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ diagnostics: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ rowsRead: UnsafeMutablePointer<Int64>?, _ rowsRejected: UnsafeMutablePointer<Int64>?,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> [UInt8]? {
    give(nil, to: output)
    give(nil, to: diagnostics)
    give(nil, to: errorMessage)
    rowsRead?.pointee = 0
    rowsRejected?.pointee = 0
    guard output != nil, input != nil || length == 0 else {
        give("output must not be NULL, nor input when length > 0", to: errorMessage)
        return nil
    }
    guard (0...1).contains(inputFormat), (0...1).contains(outputFormat) else {
        give("formats are PENALTY_FORMAT_CSV (0) or PENALTY_FORMAT_JSONL (1)", to: errorMessage)
        return nil
    }
    return input.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
}

@_cdecl("penalty_batch")
public func penaltyBatch(
    _ context: OpaquePointer?, _ input: UnsafePointer<CChar>?, _ length: Int,
    _ inputFormat: Int32, _ outputFormat: Int32, _ explain: Int32,
    _ output: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ diagnostics: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ rowsRead: UnsafeMutablePointer<Int64>?, _ rowsRejected: UnsafeMutablePointer<Int64>?,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guard let output, let bytes = fileInput(input, length, inputFormat, outputFormat, output, diagnostics, rowsRead, rowsRejected, errorMessage)
    else { return penaltyArgumentError }
    var options = Batch.Options()
    options.catalog = catalog(context)
    options.format = outputFormat == 1 ? .jsonl : .csv
    options.explain = explain != 0
    return runFile(
        { output, diagnostics in
            let summary =
                inputFormat == 1
                ? try Batch.runJSONLines(bytes: bytes, options: options, outputBytes: output, diagnostics: diagnostics)
                : try Batch.runCSV(bytes: bytes, options: options, outputBytes: output, diagnostics: diagnostics)
            return (summary.read, summary.rejected)
        }, output: output, diagnostics: diagnostics, rowsRead: rowsRead, rowsRejected: rowsRejected, errorMessage: errorMessage,
        // A results row is about as long as its input row: one allocation in the common case.
        expectedBytes: bytes.count)
}

/// Runs a file held in memory (`run` is given where to send output text and diagnostic lines)
/// and hands the caller its output, diagnostics and row counts, or the reason it could not run.
func runFile(
    _ run: (_ output: (UnsafeRawBufferPointer) -> Void, _ diagnostics: (String) -> Void) throws -> (read: Int, rejected: Int),
    output: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, diagnostics: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    rowsRead: UnsafeMutablePointer<Int64>?, rowsRejected: UnsafeMutablePointer<Int64>?,
    errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, expectedBytes: Int = 0
) -> Int32 {
    // The output is gathered as bytes and copied once into the caller's string: no text is
    // made of a file's worth of rows.
    var bytes: [UInt8] = [], messages = ""
    bytes.reserveCapacity(expectedBytes)
    do {
        let (read, rejected) = try run({ bytes.append(contentsOf: $0) }, { messages += $0 + "\n" })
        rowsRead?.pointee = Int64(read)
        rowsRejected?.pointee = Int64(rejected)
        give(bytes: bytes, to: output)
        give(messages, to: diagnostics)
        return penaltyOK
    } catch {
        give(String(describing: error), to: errorMessage)
        return penaltyInputError
    }
}
