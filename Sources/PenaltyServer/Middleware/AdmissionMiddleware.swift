import Hummingbird

/// At most so many requests at once, then a queue, then 503 with `Retry-After`: a burst slows
/// the server down instead of taking it down. `/healthz` is always answered, so that a load
/// balancer sees a busy server as alive.
struct AdmissionMiddleware<Context: RequestContext>: RouterMiddleware {
    let gate: AdmissionGate

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/healthz" { return try await next(request, context) }
        guard await gate.enter() else {
            var problem = Problem(.serviceUnavailable, "Busy", detail: "the server is answering as many requests as it may; try again shortly")
            problem.retryAfter = 1
            return problem.response
        }
        do {
            let response = try await next(request, context)
            await gate.leave()
            return response
        } catch {
            await gate.leave()
            throw error
        }
    }
}
