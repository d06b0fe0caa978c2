import Foundation
import Hummingbird
import LatePenalty

/// `POST /v1/verify`: a vector file (docs/vectors.md) checked against the library, as
/// `penalty verify FILE` checks it: 200 with the vectors passed and every failure, or 400 when
/// the body is not a vector file at all.
struct VerifyRoute {
    let settings: ServerSettings

    func respond(_ request: Request) async throws -> Response {
        let bytes = try await RequestBodies.json(request, settings: settings, limit: settings.maxVectorBytes)
        var report = VectorVerifier.Report()
        VectorVerifier.verify(Data(bytes), named: "request body", catalog: settings.catalog, into: &report)
        if let unreadable = report.failures.first(where: { $0.id == nil }) {
            throw Problem(.badRequest, "Not a vector file", detail: unreadable.message)
        }
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.key("passed")
            json.integer(report.passed)
            json.key("failed")
            json.integer(report.failed)
            json.key("failures")
            json.array { json in
                for failure in report.failures {
                    json.object { json in
                        json.key("id")
                        if let id = failure.id { json.string(id) } else { json.null() }
                        json.key("message")
                        json.string(failure.message)
                    }
                }
            }
        }
        return JSONResponse.ok(json)
    }
}
