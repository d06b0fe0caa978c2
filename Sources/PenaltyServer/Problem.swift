import Hummingbird
import LatePenalty

/// An error answered as `application/problem+json` (RFC 9457, "Problem Details for HTTP APIs",
/// https://www.rfc-editor.org/rfc/rfc9457): a status, a short title, the detail in the same
/// words as the command line, and the field it is about when there is one.
package struct Problem: Error, Sendable {
    package let status: HTTPResponse.Status
    package let title: String
    package let detail: String
    package let field: String?
    /// Seconds after which the client may try again (503).
    package var retryAfter: Int? = nil

    package init(_ status: HTTPResponse.Status, _ title: String, detail: String, field: String? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
        self.field = field
    }

    /// A row's or a case's input error: 400, naming the field.
    package init(_ error: InputError) {
        self.init(.badRequest, "Invalid input (入力誤り)", detail: error.description, field: error.field)
    }

    /// A body over its limit: 413.
    package static func tooLarge(_ limit: Int, what: String) -> Problem {
        Problem(.contentTooLarge, "Body too large", detail: "\(what) is larger than \(limit) bytes; send less, or split the file")
    }

    /// A response carrying this problem.
    package var response: Response {
        var json = JSONWriter(capacity: 256)
        json.object { json in
            json.key("type")
            json.string("about:blank")
            json.key("title")
            json.string(title)
            json.key("status")
            json.integer(status.code)
            json.key("detail")
            json.string(detail)
            if let field {
                json.key("field")
                json.string(field)
            }
        }
        json.newline()
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }
}
