import Foundation
import Hummingbird
import LatePenalty
import NIOCore

/// Reading request bodies within their limits and media types.
enum RequestBodies {
    /// The body of a request that must be JSON, at most `limit` bytes: 415 for another media
    /// type, 413 over the limit.
    static func json(_ request: Request, limit: Int) async throws -> [UInt8] {
        let type = mediaType(request)
        guard type == nil || type == "application/json" else {
            throw Problem(.unsupportedMediaType, "Unsupported media type", detail: "send the case as application/json, not \(type!)")
        }
        return try await collect(request, limit: limit, what: "the JSON body")
    }

    /// The whole body, at most `limit` bytes (413 past it).
    static func collect(_ request: Request, limit: Int, what: String) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw Problem.tooLarge(limit, what: what) }
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw Problem.tooLarge(limit, what: what)
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
