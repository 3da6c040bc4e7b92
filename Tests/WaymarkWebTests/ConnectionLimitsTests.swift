import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WaymarkApp
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

#if canImport(Glibc)
import Glibc
import Logging
#endif

/// The server's own limits on a real socket: a client that drips a request
/// byte by byte is cut off at the deadline, and oversized headers are refused.
@Suite struct ConnectionLimitsTests {
    /// A raw TCP connection to the live test server, so a test can send what no HTTP client would.
    final class RawConnection {
        let descriptor: Int32

        init(port: Int) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        /// False once the server has closed the connection.
        func send(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
        }

        /// What the server sent before closing (or before the receive timeout).
        func readAll() -> String {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                received.append(contentsOf: buffer[0..<count])
            }
            return String(decoding: received, as: UTF8.self)
        }

        /// One read: what the server has sent so far (at least one byte, unless it closed).
        func readSome() -> String {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        }

        /// True when the server has closed its side (a read returns end of file).
        func isClosedByServer() -> Bool {
            var byte: UInt8 = 0
            return recv(descriptor, &byte, 1, 0) == 0
        }

        deinit { close(descriptor) }
    }

    static func withLiveServer(
        deadline: TimeAmount, _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4)
            var configuration = WebConfiguration(host: "127.0.0.1", port: 0)
            configuration.requestDeadline = deadline
            let app = try await buildApplication(services: services, configuration: configuration, logger: .init(label: "test"))
            try await app.test(.live) { client in try await body(try #require(client.port)) }
        }
    }

    @Test func aClientDrippingItsRequestIsCutOffAtTheDeadline() async throws {
        try await Self.withLiveServer(deadline: .milliseconds(600)) { port in
            let connection = try RawConnection(port: port)
            #expect(connection.send("GET /health HTTP/1.1\r\nHost: waymark\r\n"))
            var stillOpen = true
            // Drip a header byte every 100 ms for up to 5 s: the idle timeout never fires, the deadline must.
            for _ in 0..<50 where stillOpen {
                try await Task.sleep(for: .milliseconds(100))
                stillOpen = connection.send("X")
            }
            #expect(!stillOpen || connection.isClosedByServer(), "the server closed the slow connection")
        }
    }

    @Test func aPromptRequestIsAnsweredAndTheDeadlineRestartsForTheNext() async throws {
        // Generous margins: on a busy machine a sleep can overshoot by a second.
        try await Self.withLiveServer(deadline: .seconds(4)) { port in
            let connection = try RawConnection(port: port)
            try await Task.sleep(for: .milliseconds(2_400))
            #expect(connection.send("GET /health HTTP/1.1\r\nHost: waymark\r\n\r\n"))
            #expect(connection.readSome().contains("HTTP/1.1 200"), "the first request is answered")
            try await Task.sleep(for: .milliseconds(2_400))
            // Over 4 s after connecting, but well within 4 s of the first answer: a second request is still welcome.
            #expect(connection.send("GET /health HTTP/1.1\r\nHost: waymark\r\nConnection: close\r\n\r\n"))
            #expect(connection.readAll().contains("HTTP/1.1 200"), "the second request is answered")
        }
    }

    @Test func oversizedHeadersAreRefused() async throws {
        try await Self.withLiveServer(deadline: .seconds(10)) { port in
            let connection = try RawConnection(port: port)
            _ = connection.send("GET /health HTTP/1.1\r\nHost: waymark\r\nX-Big: \(String(repeating: "a", count: 40_000))\r\n\r\n")
            let answer = connection.readAll()
            #expect(!answer.contains("HTTP/1.1 200"), "a 40 KB header field is not served")
        }
        try await Self.withLiveServer(deadline: .seconds(10)) { port in
            let connection = try RawConnection(port: port)
            #expect(connection.send("GET /health HTTP/1.1\r\nHost: waymark\r\nConnection: close\r\n\r\n"))
            #expect(connection.readAll().contains("HTTP/1.1 200"), "the same server answers an ordinary request")
        }
    }
}
