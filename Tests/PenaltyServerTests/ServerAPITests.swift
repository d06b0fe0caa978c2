import Foundation
import LatePenalty
import PenaltyServer
import Testing

/// The real server on a loopback port, every endpoint and every error class. One test at a time:
/// each starts its own server, and on two cores servers started at once starve one another.
@Suite("penalty-server API", .serialized)
struct ServerAPITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func healthAndSecurityHeaders() async throws {
        try await withServer { port in
            let response = try await http(port, "GET", "/healthz")
            #expect(response.status == 200)
            #expect(response.text == "{\"status\":\"ok\"}\n")
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            #expect(response.header("X-Frame-Options") == "DENY")
            let policy = try #require(response.header("Content-Security-Policy"))
            #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
        }
    }

    @Test func computeAnswersWhatTheLibraryComputes() async throws {
        // 第6条第3項: ¥1,000,000, due 2025-04-01, completed 2025-05-01.
        let fields = ["regime": "contract-late-completion", "amount": "1000000", "due": "2025-04-01", "paid": "2025-05-01"]
        let expected = try RegimeCatalog.bundled.compute(fields)
        try await withServer { port in
            let (headers, body) = json(#"{"regime":"contract-late-completion","amount":1000000,"due":"R7.4.1","paid":"2025-05-01"}"#)
            let response = try await http(port, "POST", "/v1/compute", headers: headers, body: body)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.text.contains(#""status":"ok","amount":"\#(expected.amount.value)","counted_days":30"#))
            #expect(response.text.contains(#""explanation":{"rule":{"clause":"第6条第3項""#))
            let short = try await http(port, "POST", "/v1/compute?explain=false", headers: headers, body: body)
            #expect(short.status == 200 && !short.text.contains("explanation"))
        }
    }

    @Test func computeQuotesForADayAsked() async throws {
        try await withServer { port in
            let (headers, body) = json(#"{"regime":"local-tax-arrears","amount":"500000","due":"2025-04-30","as_of":"2025-08-29"}"#)
            let response = try await http(port, "POST", "/v1/compute", headers: headers, body: body)
            #expect(response.status == 200)
            #expect(response.text.contains(#""status":"quote""#) && response.text.contains("quote_holds_through"))
        }
    }

    @Test func computeRefusesBadInputNamingTheField() async throws {
        try await withServer { port in
            let cases: [(String, Int, String?)] = [
                (#"{"regime":"contract-late-completion","amount":"1,0a","due":"2025-04-01","paid":"2025-05-01"}"#, 400, "amount"),
                (#"{"regime":"contract-late-completion","amount":"1000","due":"2025-02-30","paid":"2025-05-01"}"#, 400, "due"),
                (
                    #"{"regime":"contract-late-completion","amount":"1000","due":"2025-04-01","paid":"2025-05-01","exluded":"2025-04-03..2025-04-05"}"#, 400,
                    "exluded"
                ),
                (#"{"regime":"no-such-regime","amount":"1000"}"#, 400, "regime"),
                (#"{"regime":"contract-late-completion","amount":"1000","due":"2025-04-01","due":"2025-04-02"}"#, 400, "due"),
                (#"{"regime":"contract-late-completion","amount":1.5}"#, 400, "amount"),
                (#"{"regime":{"nested":true}}"#, 400, "regime"),
                (#"{"regime":"#, 400, nil),
                (
                    #"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"#,
                    400, nil
                ),
                ("", 400, nil),
            ]
            for (text, status, field) in cases {
                let (headers, body) = json(text)
                let response = try await http(port, "POST", "/v1/compute", headers: headers, body: body)
                #expect(response.status == status, "\(text)")
                #expect(response.header("Content-Type") == "application/problem+json", "\(text)")
                let problem = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
                #expect(problem?["status"] as? Int == status)
                #expect(problem?["field"] as? String == field, "\(text): \(response.text)")
            }
            let invalidUTF8 = try await http(port, "POST", "/v1/compute", headers: [("Content-Type", "application/json")], body: [0x7B, 0xFF, 0xFE, 0x7D])
            #expect(invalidUTF8.status == 400)
            let wrongType = try await http(port, "POST", "/v1/compute", headers: [("Content-Type", "text/plain")], body: Array("{}".utf8))
            #expect(wrongType.status == 415 && wrongType.header("Content-Type") == "application/problem+json")
            let wrongCharset = try await http(
                port, "POST", "/v1/compute", headers: [("Content-Type", "application/json; charset=shift_jis")], body: Array("{}".utf8))
            #expect(wrongCharset.status == 415)
            let compressed = try await http(
                port, "POST", "/v1/compute", headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body: Array("{}".utf8))
            #expect(compressed.status == 415)
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        var settings = ServerSettings()
        settings.maxCaseBytes = 1024
        settings.maxBatchBytes = 4096
        try await withServer(settings) { port in
            let big = json("{\"id\":\"" + String(repeating: "x", count: 2000) + "\"}")
            let compute = try await http(port, "POST", "/v1/compute", headers: big.headers, body: big.body)
            #expect(compute.status == 413 && compute.header("Content-Type") == "application/problem+json")
            let rows = "id,regime,amount,due,paid\n" + String(repeating: "a,contract-late-completion,1000000,2025-04-01,2025-05-01\n", count: 100)
            let batch = try await http(port, "POST", "/v1/batch", headers: [("Content-Type", "text/csv")], body: Array(rows.utf8))
            #expect(batch.status == 413)
            // Chunked, with no length given in advance: the limit holds as the body arrives.
            var chunked = Array("POST /v1/batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
            for _ in 0..<10 { chunked += Array("3e8\r\n".utf8) + [UInt8](repeating: 0x41, count: 1000) + Array("\r\n".utf8) }
            chunked += Array("0\r\n\r\n".utf8)
            let request = chunked
            let streamed = try await offThread { try HTTPExchange.raw(port, request) }
            #expect(streamed.status == 413)
            #expect(try await http(port, "GET", "/healthz").status == 200)
        }
    }

    @Test func batchStreamsWhatTheCommandLineWrites() async throws {
        var rows = "id,regime,amount,due,paid,excluded\n"
        for index in 0..<1000 {
            let regime = ["contract-late-completion", "local-tax-arrears", "national-tax-arrears", "civil-statutory"][index % 4]
            rows += "R\(index),\(regime),\(1000 + index * 7919),2024-0\(1 + index % 9)-1\(index % 10),2025-0\(1 + index % 9)-2\(index % 9),\n"
        }
        rows += "bad,contract-late-completion,12x,2025-04-01,2025-05-01,\nR1,contract-late-completion,1000000,2025-04-01,2025-05-01,\n"
        let bytes = Array(rows.utf8)
        let (expected, summary) = try await offThread {
            var text = ""
            let summary = try Batch.runCSV(bytes: bytes, output: { text += $0 }, diagnostics: { _ in })
            return (text, summary)
        }
        try await withServer { port in
            let response = try await http(port, "POST", "/v1/batch", headers: [("Content-Type", "text/csv; charset=utf-8")], body: bytes)
            #expect(response.status == 200)
            #expect(response.header("Transfer-Encoding") == "chunked")
            #expect(response.text == expected)
            #expect(response.trailer("Penalty-Rows-Read") == String(summary.read))
            #expect(response.trailer("Penalty-Rows-Rejected") == String(summary.rejected))
            #expect(summary.rejected == 2)  // the bad amount and the repeated id R1
            let jsonl = try await http(port, "POST", "/v1/batch?format=jsonl&explain=true", headers: [("Content-Type", "text/csv")], body: bytes)
            #expect(jsonl.status == 200 && jsonl.header("Content-Type") == "application/jsonl")
            #expect(jsonl.text.split(separator: "\n").count == summary.read)
        }
    }

    @Test func expectContinueIsAnswered() async throws {
        var settings = ServerSettings()
        settings.maxBatchBytes = 1 << 20
        try await withServer(settings) { port in
            let body = "id,regime,amount,due,paid\nA,contract-late-completion,1000000,2025-04-01,2025-05-01\n"
            let head = "POST /v1/batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/csv\r\nExpect: 100-continue\r\n"
            let asked = try await offThread { try HTTPExchange.raw(port, Array((head + "Content-Length: \(body.utf8.count)\r\n\r\n" + body).utf8)) }
            #expect(asked.informational == [100] && asked.status == 200 && asked.text.hasPrefix("id,regime,line"))
            // Over the limit by its declared length: no 100, straight to 413.
            let over = try await offThread { try HTTPExchange.raw(port, Array((head + "Content-Length: \(2 << 20)\r\n\r\n").utf8)) }
            #expect(over.informational.isEmpty && over.status == 413)
        }
    }

    @Test func batchReadsJSONLinesAndShiftJIS() async throws {
        let jsonLines = #"{"id":"j1","regime":"contract-late-completion","amount":"1000000","due":"2025-04-01","paid":"2025-05-01"}"# + "\n"
        // 延滞 in Shift_JIS as the id of a CSV row.
        let shiftJIS: [UInt8] =
            Array("id,regime,amount,due,paid\n".utf8) + [0x89, 0x84, 0x91, 0xD8] + Array(",contract-late-completion,1000000,2025-04-01,2025-05-01\n".utf8)
        try await withServer { port in
            let lines = try await http(port, "POST", "/v1/batch", headers: [("Content-Type", "application/x-ndjson")], body: Array(jsonLines.utf8))
            #expect(lines.status == 200 && lines.text.contains(#""id":"j1","regime":"contract-late-completion","line":1,"status":"ok","amount":"2054""#))
            let sjis = try await http(port, "POST", "/v1/batch", headers: [("Content-Type", "text/csv; charset=Shift_JIS")], body: shiftJIS)
            #expect(sjis.status == 200 && sjis.text.contains("延滞,contract-late-completion,2,ok,2054"))
        }
    }

    @Test func batchRefusesWhatItCannotRead() async throws {
        try await withServer { port in
            let noType = try await http(port, "POST", "/v1/batch", body: Array("id,regime,amount\n".utf8))
            #expect(noType.status == 415)
            let badCharset = try await http(port, "POST", "/v1/batch", headers: [("Content-Type", "text/csv; charset=latin-1")], body: Array("id\n".utf8))
            #expect(badCharset.status == 415)
            let noColumn = try await http(port, "POST", "/v1/batch", headers: [("Content-Type", "text/csv")], body: Array("id,amount\nA,100\n".utf8))
            #expect(noColumn.status == 400 && noColumn.text.contains("'regime'"))
            let badFormat = try await http(port, "POST", "/v1/batch?format=xml", headers: [("Content-Type", "text/csv")], body: Array("id\n".utf8))
            #expect(badFormat.status == 400)
            let utf8AsSJIS = try await http(
                port, "POST", "/v1/batch", headers: [("Content-Type", "text/csv; charset=shift_jis")],
                body: Array("id,regime,amount\n延滞,custom,1\n".utf8))
            #expect(utf8AsSJIS.status == 400 && utf8AsSJIS.text.contains("文字化け"))
        }
    }

    @Test func aMisspeltColumnIsRefusedNotIgnored() async throws {
        let rows = "id,regime,amount,due,paid,exluded,memo\nX1,contract-late-completion,10000000,2022-03-25,2022-04-30,2022-04-10..2022-04-12,a\n"
        try await withServer { port in
            let refused = try await http(port, "POST", "/v1/batch", headers: [("Content-Type", "text/csv")], body: Array(rows.utf8))
            #expect(refused.status == 400 && refused.text.contains("'exluded'") && refused.text.contains(#""field":"exluded""#))
            let passed = try await http(port, "POST", "/v1/batch?ignore=exluded,memo", headers: [("Content-Type", "text/csv")], body: Array(rows.utf8))
            #expect(passed.status == 200 && passed.text.contains("X1,contract-late-completion,2,ok,24657"))
            // JSON Lines fields vary by line: the notes come in a trailer.
            let line = #"{"id":"J1","regime":"contract-late-completion","amout":"5","amount":"1000000","due":"2025-04-01","paid":"2025-05-01"}"# + "\n"
            let lines = try await http(port, "POST", "/v1/batch", headers: [("Content-Type", "application/jsonl")], body: Array(line.utf8))
            #expect(lines.status == 200 && (lines.trailer("Penalty-Unused-Fields") ?? "").contains("amout"))
        }
    }

    @Test func aBodyTrickledInIsCut() async throws {
        var settings = ServerSettings()
        settings.bodyGraceSeconds = 1
        settings.minBodyBytesPerSecond = 1 << 20
        try await withServer(settings) { port in
            let response = try await offThread { () -> HTTPExchange.Response in
                let descriptor = try HTTPExchange.connect(port)
                defer { close(descriptor) }
                try HTTPExchange.send(
                    descriptor,
                    Array("POST /v1/batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/csv\r\nContent-Length: 1000\r\n\r\nid,".utf8))
                for _ in 0..<3 {
                    usleep(700_000)
                    try? HTTPExchange.send(descriptor, Array("a".utf8))
                }
                return try HTTPExchange.parse(HTTPExchange.receiveAll(descriptor))
            }
            #expect(response.status == 408 && response.header("Content-Type") == "application/problem+json")
            #expect(try await http(port, "GET", "/healthz").status == 200)
        }
    }

    @Test func aBatchPastTheLimitIsBusyNotQueued() async throws {
        var settings = ServerSettings()
        settings.maxConcurrentBatches = 1
        try await withServer(settings) { port in
            // A first batch whose body never ends holds the only turn. Requests on two
            // connections may reach the server in either order: a holder that came second (and
            // was itself told 503) is sent again.
            let head = Array("POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\nid,regime,amount\n".utf8)
            var holder = try HTTPExchange.connect(port)
            try HTTPExchange.send(holder, head)
            defer { close(holder) }
            var busy = HTTPExchange.Response()
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                var byte: UInt8 = 0
                if recv(holder, &byte, 1, Int32(MSG_DONTWAIT | MSG_PEEK)) > 0 {
                    close(holder)
                    holder = try HTTPExchange.connect(port)
                    try HTTPExchange.send(holder, head)
                    continue
                }
                busy = try await http(port, "POST", "/v1/batch", headers: [("Content-Type", "text/csv")], body: Array("id,regime,amount\n".utf8))
                if busy.status == 503 { break }
            }
            #expect(busy.status == 503 && busy.header("Retry-After") == "5", "\(busy.status) \(busy.text)")
            #expect(busy.header("Content-Type") == "application/problem+json")
            #expect(try await http(port, "GET", "/healthz").status == 200)
        }
    }

    @Test func regimes() async throws {
        try await withServer { port in
            let list = try await http(port, "GET", "/v1/regimes")
            #expect(list.status == 200)
            let names = (try JSONSerialization.jsonObject(with: Data(list.body)) as? [String: [[String: Any]]])?["regimes"]?.compactMap {
                $0["name"] as? String
            }
            #expect(names == RegimeCatalog.bundled.names)
            let one = try await http(port, "GET", "/v1/regimes/local-tax-arrears")
            #expect(one.status == 200 && one.text.contains(#""definition":"#) && one.text.contains("2026-01-01"))
            let clause = try await http(port, "GET", "/v1/regimes/contract-late-completion")
            #expect(clause.status == 200 && !clause.text.contains("definition"))
            for target in ["/v1/regimes/nope", "/v1/regimes/..%2F..%2Fetc%2Fpasswd", "/page/..%2F..%2FPackage.swift", "/page/../../etc/passwd", "/v2/compute"] {
                let response = try await http(port, "GET", target)
                #expect(response.status == 404, "\(target)")
                #expect(response.header("Content-Type") == "application/problem+json", "\(target)")
            }
        }
    }

    @Test func calendar() async throws {
        try await withServer { port in
            let holidays = try await http(port, "GET", "/v1/calendar/holidays?from=2026-05-01&to=2026-05-31")
            #expect(holidays.status == 200)
            #expect(holidays.text.contains(#"{"date":"2026-05-03","name":"憲法記念日","provisional":false}"#))
            let open = try await http(port, "GET", "/v1/calendar/next-open?date=2026-05-02&calendar=government")
            #expect(open.status == 200 && open.text.hasPrefix(#"{"date":"2026-05-07","calendar":"government""#))
            for target in [
                "/v1/calendar/holidays?from=2026-05-01", "/v1/calendar/holidays?from=2026-05-31&to=2026-05-01",
                "/v1/calendar/holidays?from=1000-01-01&to=2026-01-01", "/v1/calendar/holidays?from=2026-01-01&to=9999-12-31",
                "/v1/calendar/next-open?date=2026-13-01", "/v1/calendar/next-open?date=2026-05-02&calendar=%2Fetc%2Fpasswd",
                "/v1/calendar/next-open?date=2150-12-31&calendar=bank",
            ] {
                let response = try await http(port, "GET", target)
                #expect(response.status == 400, "\(target): \(response.text)")
            }
        }
    }

    @Test func verify() async throws {
        let vectors = try Data(contentsOf: ServerAPITests.repository.appendingPathComponent("vectors/seed-contract-002.json"))
        try await withServer { port in
            let response = try await http(port, "POST", "/v1/verify", headers: [("Content-Type", "application/json")], body: Array(vectors))
            #expect(response.status == 200)
            let report = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            #expect((report?["passed"] as? Int ?? 0) > 0 && report?["failed"] as? Int == 0)
            let garbage = try await http(port, "POST", "/v1/verify", headers: [("Content-Type", "application/json")], body: Array("[1,2".utf8))
            #expect(garbage.status == 400)
        }
    }

    @Test func openAPIAndPage() async throws {
        try await withServer { port in
            let document = try await http(port, "GET", "/openapi.json")
            #expect(document.status == 200)
            let object = try JSONSerialization.jsonObject(with: Data(document.body)) as? [String: Any]
            #expect(object?["openapi"] as? String == "3.1.0")
            let paths = (object?["paths"] as? [String: Any]).map { Set($0.keys) } ?? []
            for path in [
                "/v1/compute", "/v1/batch", "/v1/regimes", "/v1/regimes/{name}", "/v1/calendar/holidays", "/v1/calendar/next-open", "/v1/verify", "/healthz",
            ] {
                #expect(paths.contains(path), "\(path)")
            }
            let page = try await http(port, "GET", "/")
            #expect(page.status == 200 && page.header("Content-Type") == "text/html; charset=utf-8")
        }
    }

    @Test func brokenRequestsLeaveTheServerServing() async throws {
        try await withServer { port in
            for raw in [
                "GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                "POST /v1/compute HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            ] {
                let received = try await offThread { () -> [UInt8] in
                    let descriptor = try HTTPExchange.connect(port)
                    defer { close(descriptor) }
                    try? HTTPExchange.send(descriptor, Array(raw.utf8))
                    return HTTPExchange.receiveAll(descriptor)
                }
                if let response = try? HTTPExchange.parse(received) { #expect((400..<500).contains(response.status), "\(raw.prefix(40))") }
            }
            let delete = try await http(port, "DELETE", "/v1/compute")
            #expect(delete.status == 405 && delete.header("Allow") == "POST" && delete.header("Content-Type") == "application/problem+json")
            let getBatch = try await http(port, "GET", "/v1/batch")
            #expect(getBatch.status == 405 && getBatch.header("Allow") == "POST")
            let putRegime = try await http(port, "PUT", "/v1/regimes/civil-statutory")
            #expect(putRegime.status == 405 && putRegime.header("Allow") == "GET, HEAD")
            // A broken chunk size is the client's fault: 400, never 500.
            for size in ["zz", "-1", "ffffffffffffffffffff"] {
                let raw =
                    "POST /v1/compute HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n\(size)\r\n{}\r\n0\r\n\r\n"
                let received = try await offThread { () -> [UInt8] in
                    let descriptor = try HTTPExchange.connect(port)
                    defer { close(descriptor) }
                    try? HTTPExchange.send(descriptor, Array(raw.utf8))
                    return HTTPExchange.receiveAll(descriptor)
                }
                if let response = try? HTTPExchange.parse(received) { #expect(response.status == 400, "chunk size \(size)") }
            }
            #expect(try await http(port, "GET", "/healthz").status == 200)
        }
    }
}
