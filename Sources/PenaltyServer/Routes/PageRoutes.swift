import Hummingbird

/// The files compiled into the server: the web page and `/openapi.json`. Only these names are
/// served; no path from a request ever reaches the file system.
enum PageRoutes {
    /// (name, media type, bytes) of every embedded file, by the name it is served under.
    static let files: [String: (type: String, bytes: [UInt8])] = {
        var files: [String: (type: String, bytes: [UInt8])] = [:]
        for (name, text) in PageFiles.files { files[name] = (mediaType(name), Array(text.utf8)) }
        return files
    }()

    static func mediaType(_ name: String) -> String {
        switch name.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        default: "text/plain; charset=utf-8"
        }
    }

    /// The embedded file `name`, or 404.
    static func file(_ name: String) throws -> Response {
        guard let file = files[name] else { throw ProblemMiddleware<BasicRequestContext>.problem(for: .notFound, path: name) }
        return Response(
            status: .ok, headers: [.contentType: file.type, .cacheControl: "no-cache"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    static func health() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}\n")))
    }
}
