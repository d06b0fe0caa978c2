import Hummingbird
import Logging

/// Turns every error into `application/problem+json`: a ``Problem`` as it is, an HTTP error of
/// the framework (unknown path, wrong method, body too large) by its status, and anything else
/// as a 500 that names no internal detail (and is logged, since it is the server's fault).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response
        } catch let error as CancellationError {
            throw error  // the client went away: nothing to answer, nothing to log
        } catch let error as any HTTPResponseError {
            return ProblemMiddleware.problem(for: error.status, path: request.uri.path).response
        } catch {
            context.logger.error("request failed inside the server", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return Problem(.internalServerError, "Internal error", detail: "the server could not answer this request; it has been logged").response
        }
    }

    static func problem(for status: HTTPResponse.Status, path: String) -> Problem {
        switch status {
        case .notFound:
            return Problem(.notFound, "Not found", detail: "no such resource; the API is under /v1 and described at /openapi.json")
        case .methodNotAllowed:
            return Problem(.methodNotAllowed, "Method not allowed", detail: "this resource does not take that method; see /openapi.json")
        case .contentTooLarge:
            return Problem(.contentTooLarge, "Body too large", detail: "the request body is over this endpoint's limit")
        default:
            return Problem(status, status.reasonPhrase, detail: status.reasonPhrase)
        }
    }
}
