import Foundation
import SQLKit
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// What the fault tests set up and look at: a campaign whose messages wait in
/// the outbox, and what the database says about them afterwards.
enum FaultFixtures {
    static let now = ReturnFixtures.now
    static let scope = RecordScope.authority(laCode: DemoAuthority.code)

    struct SentCampaign: Sendable {
        let id: Int64
        let people: [Int64]
        let messages: [Int64]
        let recipients: [String]
    }

    /// A campaign sent to `count` young people on `channel`, written as
    /// `CampaignSender` writes one: marked sent, each person a member, each
    /// message queued, in one transaction.
    static func sentCampaign(_ store: Store, channel: ContactChannel, count: Int) async throws -> SentCampaign {
        var added: [Int64] = []
        for index in 0..<count { added.append(try await ReturnFixtures.addStudent(store, given: "Amara" + letters(index))) }
        let people = added
        let recipients = (0..<count).map { recipient(channel, $0) }
        let subject: String? = channel == .email ? "Your plans" : nil
        return try await store.change(by: .system("test"), at: now) { tx in
            let id = try await tx.createCampaign(NewCampaign(name: "Autumn", channel: channel, audience: "queue=not-known", subject: subject,
                                                             body: "Hello, tell us what you are doing"))
            _ = try await tx.markCampaignSent(id)
            var messages: [Int64] = []
            for (person, to) in zip(people, recipients) {
                let message = try await tx.enqueue(
                    NewOutboxMessage(campaignID: id, channel: channel.rawValue, recipient: to, subject: subject, body: "Hello, tell us what you are doing",
                                     notBefore: now),
                    for: person)
                try await tx.addCampaignMember(campaignID: id, personID: person, skipReason: nil, outboxMessageID: message)
                messages.append(message)
            }
            return SentCampaign(id: id, people: people, messages: messages, recipients: recipients)
        }
    }

    static func recipient(_ channel: ContactChannel, _ index: Int) -> String {
        channel == .sms ? "077009" + String(format: "%05d", 100 + index) : "young.person\(index)@example.com"
    }

    /// A distinct name of letters only for each number (names may not hold digits).
    static func letters(_ number: Int) -> String {
        var text = "", rest = number
        repeat {
            text.append(Character(UnicodeScalar(UInt8(97 + rest % 26))))
            rest /= 26
        } while rest > 0
        return text
    }

    /// How many of the campaign's messages are in each status.
    static func statuses(_ store: Store, _ campaign: SentCampaign) async throws -> [OutboxStatus: Int] {
        var counts: [OutboxStatus: Int] = [:]
        for message in try await Outbox(store: store).campaignMessages(campaign.id) { counts[message.status, default: 0] += 1 }
        return counts
    }

    /// "Sent" contacts on each member's record, in member order: what the record says was sent.
    static func sentContacts(_ store: Store, _ campaign: SentCampaign) async throws -> [Int] {
        var counts: [Int] = []
        for person in campaign.people {
            counts.append(try await store.sql.raw("""
                SELECT COUNT(*) AS n FROM contact WHERE person_id = \(bind: person) AND direction = 'outbound' AND outcome = 'sent'
                """).first()?.decode(column: "n", as: Int.self) ?? -1)
        }
        return counts
    }

    /// How many the campaign's report counts as reached (sent or delivered).
    static func reportedAttempted(_ store: Store, _ campaign: SentCampaign) async throws -> Int {
        let stored = try await CampaignQueries(store: store).campaign(campaign.id)
        guard let stored else { return -1 }
        return try await CampaignReportBuilder(store: store, classifier: ParticipationClassifier()).report(for: stored, scope: scope, now: now)
            .overall.attempted
    }
}

/// Holds whoever passes until released, without holding a thread: on Linux
/// Swift's tasks and Dispatch's global queues share one small pool of threads,
/// and a gate that blocked threads (``BlockingGate``) could stop everything
/// else on a two-core machine.
actor AsyncGate {
    private var released = false
    private var held = 0
    private var holding: [CheckedContinuation<Void, Never>] = []
    private var watching: [CheckedContinuation<Void, Never>] = []

    func pass() async {
        guard !released else { return }
        held += 1
        watching.forEach { $0.resume() }
        watching = []
        await withCheckedContinuation { holding.append($0) }
    }

    func waitUntilHeld() async {
        guard held == 0 else { return }
        await withCheckedContinuation { watching.append($0) }
    }

    func release() {
        released = true
        holding.forEach { $0.resume() }
        holding = []
    }
}

/// Hands messages to the real server and, once `passing` have gone through,
/// holds the next one on a gate after the server took it: the worker is stuck
/// exactly where a kill hurts most, between handing a message over and
/// recording that it did. Releasing the gate lets it carry on, as a worker
/// presumed dead that wakes up.
final class HaltingTransport: MessageTransport, @unchecked Sendable {
    let inner: any MessageTransport
    let passing: Int
    let gate = AsyncGate()
    private let lock = NSLock()
    private var handedOver = 0

    init(_ inner: any MessageTransport, passing: Int) {
        self.inner = inner
        self.passing = passing
    }

    var channel: String { inner.channel }
    var canResendSafely: Bool { inner.canResendSafely }

    func send(_ message: OutboxMessage, subject: String?, body: String) async throws -> String? {
        let reference = try await inner.send(message, subject: subject, body: body)
        let number = lock.withLock {
            handedOver += 1
            return handedOver
        }
        if number == passing + 1 { await gate.pass() }
        return reference
    }
}
