import Hummingbird
import LatePenalty

/// `POST /v1/compute`: one case, given as a JSON object with the fields of a `penalty compute`
/// row (strings, or whole numbers as written), answered with the JSON Lines output row of that
/// case: status, amount as a decimal string, counted and excluded days, and the explanation
/// unless `?explain=false`. `as_of` asks for a quote when the case gives no `paid` day.
///
/// A field no regime reads is refused rather than ignored: a misspelt `exluded` would otherwise
/// give a charge without the exclusion, a wrong yen with no error.
struct ComputeRoute {
    let settings: ServerSettings
    /// Every field some regime reads, worked out once: the catalog builds the set each time.
    let known: Set<String>

    init(settings: ServerSettings) {
        self.settings = settings
        known = settings.catalog.knownFields
    }

    func respond(_ request: Request) async throws -> Response {
        let explain = try RequestBodies.flag(request, "explain", default: true)
        var fields = try RequestBodies.object(try await RequestBodies.json(request, settings: settings, limit: settings.maxCaseBytes))
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) && $0 != "as_of" }) {
            throw Problem(
                .badRequest, "Invalid input (入力誤り)",
                detail: "no regime reads a field '\(unknown)'; the fields are \(known.sorted().joined(separator: ", ")) and as_of", field: unknown)
        }
        var asOf: CivilDate? = nil
        if let text = fields.removeValue(forKey: "as_of") {
            do { asOf = try CivilDate.parse(text, field: "as_of") } catch { throw Problem(error) }
        }
        let result: ChargeResult
        do { result = try settings.catalog.compute(fields, asOf: asOf) } catch { throw Problem(error) }
        let bytes = OutputFormat.jsonl.line(
            id: fields["id"] ?? "", regime: fields["regime"] ?? "", line: 1, result: result, error: nil, explain: explain)
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
