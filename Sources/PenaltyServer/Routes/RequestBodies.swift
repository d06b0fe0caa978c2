import Foundation
import Hummingbird
import LatePenalty

/// Reading request bodies within their limits and media types.
enum RequestBodies {
    /// The body of a request that must be JSON in UTF-8, at most `limit` bytes: 415 for another
    /// media type, charset or content coding, 413 over the limit, 408 when it arrives too slowly.
    static func json(_ request: Request, settings: ServerSettings, limit: Int) async throws -> [UInt8] {
        let type = mediaType(request)
        guard type == nil || type == "application/json" else {
            throw Problem(.unsupportedMediaType, "Unsupported media type", detail: "send the body as application/json, not \(type!)")
        }
        if let charset = charset(request), charset != "utf-8" && charset != "utf8" {
            throw Problem(.unsupportedMediaType, "Unsupported charset", detail: "JSON is read as utf-8, not '\(charset)'")
        }
        try identityCoding(request)
        return try await collect(request, settings: settings, limit: limit, what: "the JSON body")
    }

    /// Refuses a compressed body (`Content-Encoding` other than identity): it would be read as
    /// text and fail in confusing ways.
    static func identityCoding(_ request: Request) throws {
        if let coding = request.headers[.contentEncoding], coding.lowercased() != "identity" {
            throw Problem(.unsupportedMediaType, "Unsupported content coding", detail: "send the body uncompressed, not as '\(coding)'")
        }
    }

    /// The whole body, at most `limit` bytes (413 past it), arriving fast enough (408).
    static func collect(_ request: Request, settings: ServerSettings, limit: Int, what: String) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        try await forEachChunk(request, settings: settings, limit: limit, what: what) { bytes += $0.readableBytesView }
        return bytes
    }

    /// Passes each chunk of the body to `body` as it arrives: at most `limit` bytes in all (413,
    /// before anything is read when the declared length is over it), arriving fast enough (408).
    static func forEachChunk(
        _ request: Request, settings: ServerSettings, limit: Int, what: String, _ body: (ByteBuffer) throws -> Void
    ) async throws {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw Problem.tooLarge(limit, what: what) }
        var received = 0
        var pace = BodyPace(settings: settings)
        for try await chunk in request.body {
            received += chunk.readableBytes
            guard received <= limit else { throw Problem.tooLarge(limit, what: what) }
            try pace.received(chunk.readableBytes)
            try body(chunk)
        }
    }

    /// The media type of the body, lowercased and without parameters, or nil when none is given.
    static func mediaType(_ request: Request) -> String? {
        guard let value = request.headers[.contentType] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.isEmpty ? nil : type
    }

    /// The `charset` parameter of the body's media type, lowercased, or nil.
    static func charset(_ request: Request) -> String? {
        guard let value = request.headers[.contentType] else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].lowercased() == "charset" { return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased() }
        }
        return nil
    }

    /// A JSON object's members as text (strings, or whole numbers as written; never through a
    /// float), or a 400 naming what is wrong.
    static func object(_ bytes: [UInt8]) throws -> [String: String] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Problem(.badRequest, "Invalid JSON", detail: "the body is not valid UTF-8")
        }
        do {
            let (fields, failure) = try FlatJSONObject.parse(text, keeping: nil)
            if let failure { throw Problem(.badRequest, "Invalid input (入力誤り)", detail: failure.reason, field: failure.field) }
            return fields
        } catch let failure as FlatJSONObject.Failure {
            throw Problem(.badRequest, "Invalid JSON", detail: "the body \(failure.reason)", field: failure.field)
        }
    }

    /// A query parameter as text, or nil.
    static func query(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters[name[...]].map(String.init)
    }

    /// A yes/no query parameter (`true`/`false`, `1`/`0`), or `defaultValue` when absent.
    static func flag(_ request: Request, _ name: String, default defaultValue: Bool) throws -> Bool {
        guard let value = query(request, name) else { return defaultValue }
        switch value.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw Problem(.badRequest, "Invalid parameter", detail: "'\(name)' is true or false, not '\(value)'", field: name)
        }
    }
}

/// How fast a body arrives: once the grace period is over, the average since the request began
/// must reach the settings' minimum rate.
struct BodyPace {
    let start = ContinuousClock.now
    let grace: Duration
    let minimum: Int
    var bytes = 0

    init(settings: ServerSettings) {
        grace = .seconds(settings.bodyGraceSeconds)
        minimum = settings.minBodyBytesPerSecond
    }

    mutating func received(_ count: Int) throws {
        bytes += count
        let elapsed = ContinuousClock.now - start
        guard elapsed > grace else { return }
        let seconds = max(1, elapsed.components.seconds)
        if bytes / Int(seconds) < minimum {
            throw Problem(
                .requestTimeout, "Body too slow",
                detail: "the body arrived at \(bytes / Int(seconds)) bytes a second, under the \(minimum) this server requires; send it again faster")
        }
    }
}
