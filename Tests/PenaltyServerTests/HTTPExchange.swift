#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw HTTP/1.1 exchange over a loopback socket: whatever bytes a test sends, and the
/// response read to the connection's end, chunked bodies and trailers included. No client
/// library, so that tests can send what a library would refuse to (bad framing, slow bodies).
struct HTTPExchange {
    struct Response {
        var status = 0
        /// Informational statuses (100 Continue) sent before the final one.
        var informational: [Int] = []
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        var trailers: [(String, String)] = []
        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        func trailer(_ name: String) -> String? { trailers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Opens a connection to 127.0.0.1:`port`.
    static func connect(_ port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "connect: \(errno)")
        }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }

    static func send(_ descriptor: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let step = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard step > 0 else { throw Failure(description: "send: \(errno)") }
            sent += step
        }
    }

    /// Everything the server sends until it closes the connection.
    static func receiveAll(_ descriptor: Int32) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[..<count]
        }
        return received
    }

    /// Sends `raw` as it is and reads one response.
    static func raw(_ port: Int, _ raw: [UInt8]) throws -> Response {
        let descriptor = try connect(port)
        defer { close(descriptor) }
        try send(descriptor, raw)
        return try parse(receiveAll(descriptor))
    }

    /// A well-formed request with `Connection: close`.
    static func request(
        _ port: Int, _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        return try raw(port, Array((head + "\r\n").utf8) + body)
    }

    static func parse(_ bytes: [UInt8]) throws -> Response {
        var response = Response()
        var index = 0
        func line() -> String? {
            var end = index
            while end + 1 < bytes.count && !(bytes[end] == 13 && bytes[end + 1] == 10) { end += 1 }
            guard end + 1 < bytes.count else { return nil }
            defer { index = end + 2 }
            return String(decoding: bytes[index..<end], as: UTF8.self)
        }
        func fields() -> [(String, String)] {
            var result: [(String, String)] = []
            while let text = line(), !text.isEmpty {
                let parts = text.split(separator: ":", maxSplits: 1)
                result.append((String(parts[0]), parts.count > 1 ? String(parts[1].drop { $0 == " " }) : ""))
            }
            return result
        }
        while true {
            guard let statusLine = line(), statusLine.hasPrefix("HTTP/1.1 "), let status = Int(statusLine.dropFirst(9).prefix(3)) else {
                throw Failure(description: "no status line in \(bytes.count) bytes: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
            }
            response.status = status
            response.headers = fields()
            guard (100..<200).contains(status) else { break }
            response.informational.append(status)
        }
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            while let sizeLine = line(), let size = Int(sizeLine.split(separator: ";")[0], radix: 16) {
                if size == 0 {
                    response.trailers = fields()
                    break
                }
                guard index + size <= bytes.count else { throw Failure(description: "a chunk runs past the response") }
                response.body += bytes[index..<(index + size)]
                index += size + 2
            }
        } else {
            response.body = Array(bytes[index...])
        }
        return response
    }
}
