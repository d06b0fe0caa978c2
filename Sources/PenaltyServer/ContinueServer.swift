import HTTPTypes
import Hummingbird
import HummingbirdCore

/// HTTP/1.1 with `Expect: 100-continue` answered. A client sending a large body (curl does for
/// any body over 1 MiB) first asks whether to send it, and waits a second for the answer when
/// none comes: half the time of a million-row batch. A body whose declared length is over its
/// endpoint's limit gets no 100, so the client is told 413 before it sends anything.
enum ContinueServer {
    static func http1(settings: ServerSettings) -> HTTPServerBuilder {
        let configuration = HTTP1Channel.Configuration(idleTimeout: .seconds(settings.idleTimeoutSeconds))
        return HTTPServerBuilder { responder in
            HTTP1Channel(
                responder: { request, writer, channel in
                    if request.headers[.expect]?.lowercased() == "100-continue",
                        request.headers[.contentLength].flatMap(Int.init).map({ $0 <= limit(request.uri.path, settings) }) ?? true
                    {
                        try await writer.writeInformationalHead(HTTPResponse(status: .continue))
                    }
                    try await responder(request, writer, channel)
                }, configuration: configuration)
        }
    }

    /// The largest body the endpoint at `path` takes.
    static func limit(_ path: String, _ settings: ServerSettings) -> Int {
        switch path {
        case "/v1/batch": settings.maxBatchBytes
        case "/v1/verify": settings.maxVectorBytes
        default: settings.maxCaseBytes
        }
    }
}
