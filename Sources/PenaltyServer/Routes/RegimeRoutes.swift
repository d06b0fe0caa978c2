import Hummingbird
import LatePenalty

/// `GET /v1/regimes` and `GET /v1/regimes/{name}`: what `penalty regimes` prints, as JSON.
struct RegimeRoutes {
    let catalog: RegimeCatalog

    /// Every regime: name, title and the fields it reads.
    func list() -> Response {
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.key("regimes")
            json.array { json in
                for name in catalog.names {
                    guard let regime = catalog.regime(named: name) else { continue }
                    RegimeRoutes.summary(regime, into: &json)
                }
            }
        }
        return JSONResponse.ok(json)
    }

    /// One regime. A regime defined by data (rates and rules) is answered with its definition
    /// as regime-file JSON, rate table included, under `definition`.
    func show(_ name: String) throws -> Response {
        guard let regime = catalog.regime(named: name) else {
            throw Problem(.notFound, "Unknown regime", detail: "unknown regime '\(name)'; GET /v1/regimes lists them", field: "name")
        }
        var json = JSONWriter(capacity: 16384)
        json.object { json in
            json.key("regime")
            RegimeRoutes.summary(regime, into: &json)
            if let data = regime as? DataRegime {
                json.key("definition")
                json.raw(Array(data.definitionJSON.utf8))
            }
        }
        return JSONResponse.ok(json)
    }

    static func summary(_ regime: any Regime, into json: inout JSONWriter) {
        json.object { json in
            json.key("name")
            json.string(regime.name)
            json.key("title")
            json.string(regime.title)
            json.key("fields")
            json.array { json in for field in regime.fields { json.string(field) } }
        }
    }
}

/// JSON responses written with ``JSONWriter``.
enum JSONResponse {
    static func ok(_ json: JSONWriter) -> Response {
        var bytes = json.bytes
        bytes.append(UInt8(ascii: "\n"))
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
