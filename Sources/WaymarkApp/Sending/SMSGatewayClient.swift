import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
public import WaymarkStore

/// Sends texts through an HTTP gateway: POST JSON {to, body, idempotency_key,
/// callback_url} with a bearer token. 2xx JSON {reference} is sent; 4xx is
/// permanent (408 and 429 excepted); 5xx, time-outs and refused connections
/// are transient. The gateway honours the idempotency key, so a text can be
/// sent again after a crash without reaching the person twice.
public struct SMSGatewayClient: MessageTransport {
    public let configuration: SMSGatewayConfiguration
    public var channel: String { "sms" }
    public var canResendSafely: Bool { true }

    public init(configuration: SMSGatewayConfiguration) {
        self.configuration = configuration
    }

    struct Payload: Encodable {
        let to: String
        let body: String
        let idempotency_key: String
        let callback_url: String?
    }

    struct Answer: Decodable {
        let reference: String?
    }

    public func send(_ message: OutboxMessage, subject: String?, body: String) async throws -> String? {
        var request = URLRequest(url: configuration.url, timeoutInterval: configuration.timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(configuration.token)", forHTTPHeaderField: "Authorization")
        request.httpBody = try JSONEncoder().encode(
            Payload(to: message.recipient, body: body, idempotency_key: message.idempotencyKey, callback_url: configuration.callbackURL?.absoluteString))
        let (data, status) = try await Self.perform(request, timeout: configuration.timeout)
        switch status {
        case 200..<300:
            return (try? JSONDecoder().decode(Answer.self, from: data))?.reference
        case 408, 429:
            throw SendFailure.transient("gateway \(status)")
        case 400..<500:
            throw SendFailure.permanent("gateway \(status)")
        default:
            throw SendFailure.transient("gateway \(status)")
        }
    }

    private static func perform(_ request: URLRequest, timeout: TimeInterval) async throws -> (Data, Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error = error as? URLError, error.code == .timedOut {
                    continuation.resume(throwing: SendFailure.transient("gateway timed out"))
                } else if error != nil {
                    continuation.resume(throwing: SendFailure.transient("gateway unreachable"))
                } else if let response = response as? HTTPURLResponse {
                    continuation.resume(returning: (data ?? Data(), response.statusCode))
                } else {
                    continuation.resume(throwing: SendFailure.transient("gateway gave no HTTP answer"))
                }
            }.resume()
        }
    }
}
