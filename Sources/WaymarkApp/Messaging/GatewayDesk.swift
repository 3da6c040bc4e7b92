public import Foundation
import WaymarkStore

/// What the SMS gateway reports back: delivery of a text, and replies.
/// The gateway is not a user: it proves itself with a bearer token at the
/// edge and can only record against messages Waymark sent.
public struct GatewayDesk: Sendable {
    let store: Store

    init(store: Store) {
        self.store = store
    }

    /// The message the reference names, now marked delivered or not; nil when no message has it.
    public func deliveryReport(reference: String, delivered: Bool, detail: String?, at now: Date) async throws -> Int64? {
        try await Outbox(store: store).recordDeliveryReport(providerReference: reference, delivered: delivered, detail: detail, now: now)
    }

    /// The person most recently texted on that number, with the reply recorded as an inbound contact; nil when nobody was.
    public func inboundReply(from phone: String, text: String, reference: String?, at now: Date) async throws -> Int64? {
        try await Outbox(store: store).recordInboundReply(from: phone, text: text, providerReference: reference, now: now)
    }
}
