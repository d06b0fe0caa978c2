import Hummingbird
import LatePenalty

/// A request body copied to a ``SpoolFile`` as it arrives, so that a batch of any size is held
/// on disk, not in memory, and then read twice like a file.
enum BodySpool {
    static func receive(_ request: Request, settings: ServerSettings, limit: Int) async throws -> SpoolFile {
        let spool: SpoolFile
        do { spool = try SpoolFile() } catch { throw BodySpool.problem(error) }
        try await RequestBodies.forEachChunk(request, settings: settings, limit: limit, what: "the batch") { chunk in
            var failure: SpoolFile.Failure? = nil
            chunk.withUnsafeReadableBytes { bytes in
                do throws(SpoolFile.Failure) { try spool.append(bytes) } catch { failure = error }
            }
            if let failure { throw BodySpool.problem(failure) }
        }
        do { try spool.rewind() } catch { throw BodySpool.problem(error) }
        return spool
    }

    /// The server's own failure to hold a body (its disk, its temporary folder): 507 or 500,
    /// never blamed on the client.
    static func problem(_ failure: SpoolFile.Failure) -> Problem {
        switch failure {
        case .cannotCreate(let folder, let reason):
            Problem(.internalServerError, "Cannot hold the batch", detail: "the server cannot make a temporary file in \(folder): \(reason)")
        case .cannotWrite(_, let bytes, let reason):
            Problem(
                .init(code: 507, reasonPhrase: "Insufficient Storage"), "Cannot hold the batch",
                detail: "the server ran out of room after \(bytes) bytes of the batch: \(reason)")
        case .cannotRewind(let reason):
            Problem(.internalServerError, "Cannot hold the batch", detail: "the server cannot read the batch again: \(reason)")
        }
    }
}
