import Foundation

/// What the SMS gateway posts, decoded and checked apart from HTTP (Foundation
/// only), so that every rule a body must meet sits in one place that the
/// fuzzer can drive without a server.

/// `{reference, status: delivered|failed|undelivered, detail?}`.
struct SMSDeliveryReport: Equatable {
    let reference: String
    let delivered: Bool
    /// At most 200 characters; a longer detail is cut, not refused.
    let detail: String?

    private struct Body: Decodable {
        let reference: String
        let status: String
        let detail: String?
    }

    static func decode(_ data: Data) throws(SMSWebhookBodyError) -> SMSDeliveryReport {
        guard let body = try? JSONDecoder().decode(Body.self, from: data) else {
            throw SMSWebhookBodyError("The body must be a JSON object with the fields reference and status.")
        }
        let delivered: Bool
        switch body.status {
        case "delivered": delivered = true
        case "failed", "undelivered": delivered = false
        default: throw SMSWebhookBodyError("status must be \"delivered\" or \"failed\".")
        }
        guard !body.reference.isEmpty, body.reference.count <= 200 else {
            throw SMSWebhookBodyError("reference must be 1 to 200 characters.")
        }
        return SMSDeliveryReport(reference: body.reference, delivered: delivered, detail: body.detail.map { String($0.prefix(200)) })
    }
}

/// `{from, text, reference?}`: a text someone sent back.
struct SMSInboundReply: Equatable {
    let from: String
    let text: String
    let reference: String?

    private struct Body: Decodable {
        let from: String
        let text: String
        let reference: String?
    }

    static func decode(_ data: Data) throws(SMSWebhookBodyError) -> SMSInboundReply {
        guard let body = try? JSONDecoder().decode(Body.self, from: data) else {
            throw SMSWebhookBodyError("The body must be a JSON object with the fields from and text.")
        }
        guard !body.from.trimmingCharacters(in: .whitespaces).isEmpty, body.from.count <= 32 else {
            throw SMSWebhookBodyError("from must be a phone number.")
        }
        guard body.reference.map({ !$0.isEmpty && $0.count <= 200 }) ?? true else {
            throw SMSWebhookBodyError("reference must be 1 to 200 characters when given.")
        }
        return SMSInboundReply(from: body.from, text: body.text, reference: body.reference)
    }
}

/// Why a body was refused, in words for the gateway's operator (a 400's text).
struct SMSWebhookBodyError: Error, Equatable {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
