import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import LatePenalty

/// `POST /v1/batch`: a CSV (`text/csv`) or JSON Lines (`application/jsonl`,
/// `application/x-ndjson`) body, UTF-8 or Shift_JIS by its `charset`, computed by the same
/// engine as `penalty compute`: one output row per input row, in order, streamed back as it is
/// computed. The body is first held in a temporary file (flat memory at any size; the ids that
/// may repeat are found in a first pass, as for a file); the summary comes in trailers.
///
/// Query: `format=csv|jsonl` (default: the input's), `explain=true`, `as_of=DATE`.
struct BatchRoute {
    let settings: ServerSettings
    let gate: AdmissionGate

    /// The trailer fields that carry the summary.
    static let trailerNames = [
        "Penalty-Rows-Read", "Penalty-Rows-Computed", "Penalty-Rows-Waived", "Penalty-Rows-Quoted", "Penalty-Rows-Rejected",
        "Penalty-Totals", "Penalty-Unused-Fields", "Penalty-Error",
    ]

    func respond(_ request: Request) async throws -> Response {
        let (jsonLines, encoding) = try BatchRoute.inputKind(request)
        try RequestBodies.identityCoding(request)
        var options = Batch.Options()
        options.catalog = settings.catalog
        options.jobs = settings.batchJobs
        options.explain = try RequestBodies.flag(request, "explain", default: false)
        if let name = RequestBodies.query(request, "format") {
            guard let format = OutputFormat(rawValue: name) else {
                throw Problem(.badRequest, "Invalid parameter", detail: "'format' is csv or jsonl, not '\(name)'", field: "format")
            }
            options.format = format
        } else {
            options.format = jsonLines ? .jsonl : .csv
        }
        if let text = RequestBodies.query(request, "as_of") {
            do { options.asOf = try CivilDate.parse(text, field: "as_of") } catch { throw Problem(error) }
        }
        let ignored = Set((RequestBodies.query(request, "ignore") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })

        guard await gate.tryEnter() else {
            var problem = Problem(.serviceUnavailable, "Busy", detail: "as many batches are running as the server allows; try again shortly")
            problem.retryAfter = 5
            throw problem
        }
        let spool: SpoolFile
        do {
            spool = try await BodySpool.receive(request, settings: settings, limit: settings.maxBatchBytes)
            let size = spool.size, jobs = options.jobs
            let screen = try await BatchRoute.offload { () throws(Batch.FileError) in
                try Batch.screenFile(descriptor: spool.descriptor, size: size, jsonLines: jsonLines, encoding: encoding, jobs: jobs)
            }
            options.duplicateCandidates = screen.candidates
            try BatchRoute.checkColumns(screen.columns, known: settings.catalog.knownFields, ignoring: ignored)
        } catch let error as Batch.FileError {
            await gate.leave()
            throw Problem(.badRequest, "Unreadable batch", detail: error.description)
        } catch {
            await gate.leave()
            throw error
        }

        let channel = OutputChannel()
        let run = options
        let gate = self.gate
        DispatchQueue.global().async {
            // Rows in error are in the output itself; notes on fields no regime reads are not,
            // so the first few travel in a trailer.
            var notes: [String] = []
            let outcome = Result { () throws(Batch.FileError) in
                try Batch.runFile(
                    descriptor: spool.descriptor, jsonLines: jsonLines, encoding: encoding, options: run,
                    output: channel.send,
                    diagnostics: { message in
                        if notes.count < 5 && message.contains("not used by any regime") { notes.append(message) }
                    })
            }
            withExtendedLifetime(spool) { channel.finish(outcome, unusedFieldNotes: notes) }
            // The turn is held until the computation ends, whether or not anyone still reads
            // it: a batch abandoned by its client still takes a thread until it is done.
            Task { await gate.leave() }
        }
        let contentType = options.format == .csv ? "text/csv; charset=utf-8" : "application/jsonl"
        let headers: HTTPFields = [.contentType: contentType, .trailer: BatchRoute.trailerNames.joined(separator: ", ")]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                var trailers: HTTPFields? = nil
                do {
                    for await item in channel.items {
                        switch item {
                        case .bytes(let buffer):
                            try await writer.write(buffer)
                            channel.written()
                        case .end(let outcome, let notes):
                            trailers = BatchRoute.trailers(outcome, notes: notes)
                        }
                    }
                } catch {
                    channel.abandon()
                    throw error
                }
                guard let trailers else { throw CancellationError() }  // output dropped: cut the response off
                try await writer.finish(trailers)
            })
    }

    /// Refuses a CSV column no regime reads unless the request names it in `ignore`: a
    /// misspelt `exluded` column would otherwise give every row's charge without its exclusion,
    /// and a finance system reads no warning. (The command line warns on stderr and goes on.)
    static func checkColumns(_ columns: [String]?, known: Set<String>, ignoring ignored: Set<String>) throws {
        guard let columns, let unused = columns.first(where: { !known.contains($0) && !ignored.contains($0) }) else { return }
        throw Problem(
            .badRequest, "Invalid input (入力誤り)",
            detail:
                "line 1: column '\(unused)' is not used by any regime; correct its name, or pass it through with ?ignore=\(unused) (columns joined by commas)",
            field: unused)
    }

    /// Whether the body is JSON Lines, and its encoding, from its media type: 415 for any other.
    static func inputKind(_ request: Request) throws -> (jsonLines: Bool, encoding: TextEncoding) {
        let jsonLines: Bool
        switch RequestBodies.mediaType(request) {
        case "text/csv": jsonLines = false
        case "application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/jsonlines": jsonLines = true
        case let other:
            throw Problem(
                .unsupportedMediaType, "Unsupported media type",
                detail: "send the batch as text/csv or application/jsonl (charset utf-8 or shift_jis), not \(other ?? "a body without Content-Type")")
        }
        let charset = RequestBodies.charset(request) ?? "utf-8"
        guard let encoding = TextEncoding(name: charset) else {
            throw Problem(.unsupportedMediaType, "Unsupported charset", detail: "the charset is utf-8 or shift_jis (cp932, sjis), not '\(charset)'")
        }
        return (jsonLines, encoding)
    }

    static func trailers(_ outcome: Result<Batch.Summary, Batch.FileError>, notes: [String]) -> HTTPFields {
        var fields = HTTPFields()
        func set(_ name: String, _ value: String) {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        if !notes.isEmpty { set("Penalty-Unused-Fields", ascii(notes.joined(separator: " | "))) }
        switch outcome {
        case .success(let summary):
            set("Penalty-Rows-Read", String(summary.read))
            set("Penalty-Rows-Computed", String(summary.computed))
            set("Penalty-Rows-Waived", String(summary.waived))
            set("Penalty-Rows-Quoted", String(summary.quoted))
            set("Penalty-Rows-Rejected", String(summary.rejected))
            set("Penalty-Totals", summary.totalByRegime.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.value)" }.joined(separator: ", "))
        case .failure(let error):
            set("Penalty-Error", ascii(error.description))
        }
        return fields
    }

    /// A field value is ASCII: other characters (and `%`) are percent-encoded as UTF-8.
    static func ascii(_ text: String) -> String {
        var value = ""
        for byte in text.utf8 {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") {
                value.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                value += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return value
    }

    /// Runs blocking work (reading a file) on a thread of its own, off the server's tasks.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws(Batch.FileError) -> T) async throws(Batch.FileError) -> T {
        let result: Result<T, Batch.FileError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Result(catching: work)) }
        }
        return try result.get()
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
