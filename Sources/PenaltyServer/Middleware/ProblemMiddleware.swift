import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Turns every error into `application/problem+json`: a ``Problem`` as it is; a body whose
/// framing is broken (a bad chunk size) as 400; an HTTP error of the framework (unknown path,
/// body too large) by its status, a known path asked with another method as 405 with `Allow`;
/// and anything else as a 500 that names no internal detail (and is logged, since it is the
/// server's fault). A client that went away gets nothing and is logged at debug level only.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The methods each path takes; a path under a prefix ending in `/` takes those of the prefix.
    static var allowed: [String: String] {
        [
            "/": "GET, HEAD", "/healthz": "GET, HEAD", "/openapi.json": "GET, HEAD", "/page/": "GET, HEAD",
            "/v1/compute": "POST", "/v1/batch": "POST", "/v1/verify": "POST",
            "/v1/regimes": "GET, HEAD", "/v1/regimes/": "GET, HEAD",
            "/v1/calendar/holidays": "GET, HEAD", "/v1/calendar/next-open": "GET, HEAD",
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response
        } catch let error as HTTPParserError {
            return Problem(.badRequest, "Malformed request", detail: "the request's framing is broken (\(error)); send a well-formed HTTP/1.1 body").response
        } catch let error as CancellationError {
            throw error  // the client went away: nothing to answer
        } catch let error as ChannelError {
            context.logger.debug("the client went away", metadata: ["error": "\(error)"])
            throw error
        } catch let error as IOError {
            context.logger.debug("the client went away", metadata: ["error": "\(error)"])
            throw error
        } catch let error as any HTTPResponseError {
            if error.status == .notFound, let methods = ProblemMiddleware.methods(for: request.uri.path) {
                var response = Problem(.methodNotAllowed, "Method not allowed", detail: "\(request.uri.path) takes \(methods); see /openapi.json").response
                response.headers[.allow] = methods
                return response
            }
            return ProblemMiddleware.problem(for: error.status, path: request.uri.path).response
        } catch {
            context.logger.error("request failed inside the server", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return Problem(.internalServerError, "Internal error", detail: "the server could not answer this request; it has been logged").response
        }
    }

    /// The methods `path` takes, or nil when no route has it.
    static func methods(for path: String) -> String? {
        if let methods = allowed[path] { return methods }
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        let rest = path[path.index(after: slash)...]
        guard !rest.isEmpty, !rest.contains("/") else { return nil }
        return allowed[String(path[...slash])]
    }

    static func problem(for status: HTTPResponse.Status, path: String) -> Problem {
        switch status {
        case .notFound:
            return Problem(.notFound, "Not found", detail: "no such resource; the API is under /v1 and described at /openapi.json")
        case .contentTooLarge:
            return Problem(.contentTooLarge, "Body too large", detail: "the request body is over this endpoint's limit")
        default:
            return Problem(status, status.reasonPhrase, detail: status.reasonPhrase)
        }
    }
}
