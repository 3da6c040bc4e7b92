import Crypto
import Foundation
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The fault drill: the real `waymark` executable serving an SQLite file,
/// killed with SIGKILL at a point the drill chooses, then started again on
/// the same file. Each drill prints what it found. They start servers and
/// load a few thousand people, so they run only when `WAYMARK_FAULT_DRILL=1`:
/// `scripts/fault-drill` sets it, and CI runs that after the suite.
///
/// The kill points are made, not guessed: the local SMS gateway and SMTP
/// server take the fourth message and never answer, so the server is stuck
/// between handing it over and recording that it did; the return is killed
/// once its unfinished file holds data, after the process is frozen (SIGSTOP)
/// so what it had done can be looked at first. Leases and heartbeats run on
/// the clock, so instead of waiting five minutes for a lease the drill ages
/// the dead worker's claim in the database before the restart.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["WAYMARK_FAULT_DRILL"] == "1"))
struct FaultDrillTests {
    static let now = FaultFixtures.now

    static func say(_ line: String) {
        print("fault drill: " + line)
    }

    /// Moves the dead worker's lease into the past: what five minutes would do.
    static func ageOutboxClaims(_ directory: DrillDirectory) async throws {
        try await directory.withStore { store in
            try await store.sql.raw("""
                UPDATE outbox_message SET claim_expires_at = \(bind: Timestamp.format(Date().addingTimeInterval(-1)))
                WHERE status = 'sending'
                """).run()
        }
    }

    @Test func killedMidTextCampaignTheRestartSendsTheRestAndNoTextTwice() async throws {
        let directory = try DrillDirectory.make()
        defer { directory.remove() }
        let campaign = try await directory.withStore { try await FaultFixtures.sentCampaign($0, channel: .sms, count: 8) }
        try await LocalServers.withSMSGateway(token: "gw-token", hangAfter: 3) { gateway in
            let environment = ["WAYMARK_SMS_GATEWAY_URL": gateway.url.absoluteString, "WAYMARK_SMS_GATEWAY_TOKEN": "gw-token"]
            let first = try WaymarkProcess.serve(dataDirectory: directory.data, arguments: ["--no-jobs"], environment: environment, log: directory.log)
            defer { first.stop() }
            try await until("the gateway to take a fourth text", server: first) { try await gateway.messages().count == 4 }
            first.kill()

            let (statuses, contacts, attempted) = try await directory.withStore { store in
                (try await FaultFixtures.statuses(store, campaign), try await FaultFixtures.sentContacts(store, campaign),
                 try await FaultFixtures.reportedAttempted(store, campaign))
            }
            Self.say("texts: killed (SIGKILL) after the gateway took text 4 and before it was recorded; found \(Self.describe(statuses)), "
                     + "\(contacts.reduce(0, +)) 'sent' contacts, campaign report counts \(attempted) as sent")
            #expect(statuses == [.sent: 3, .sending: 1, .queued: 4])
            #expect(contacts == [1, 1, 1, 0, 0, 0, 0, 0])
            #expect(attempted == 3, "nothing waiting in the queue is reported as sent")

            try await Self.ageOutboxClaims(directory)
            let second = try WaymarkProcess.serve(dataDirectory: directory.data, arguments: ["--no-jobs"], environment: environment, log: directory.log)
            defer { second.stop() }
            try await until("the restarted server to send the rest", server: second) { try await gateway.messages().count == 8 }
            try await directory.withStore { store in
                try await until("every text to be recorded sent", server: second) {
                    try await FaultFixtures.statuses(store, campaign) == [.sent: 8]
                }
            }
            second.stop()

            let received = try await gateway.messages()
            let (contactsAfter, attemptedAfter) = try await directory.withStore { store in
                (try await FaultFixtures.sentContacts(store, campaign), try await FaultFixtures.reportedAttempted(store, campaign))
            }
            Self.say("texts: restarted; the gateway holds \(received.count) texts, delivered \(received.map(\.deliveries).reduce(0, +)) times "
                     + "from \(received.map(\.requests).reduce(0, +)) posts; \(contactsAfter.reduce(0, +)) 'sent' contacts; report counts \(attemptedAfter)")
            #expect(received.count == 8 && received.allSatisfy { $0.deliveries == 1 }, "every text reached its phone once")
            #expect(received.map(\.requests).sorted() == [1, 1, 1, 1, 1, 1, 1, 2], "the text in doubt went again with its key")
            #expect(Set(received.map(\.to)) == Set(campaign.recipients))
            #expect(contactsAfter == Array(repeating: 1, count: 8))
            #expect(attemptedAfter == 8)
        }
    }

    @Test func killedMidEmailCampaignTheRestartSendsTheRestAndHoldsTheOneInDoubt() async throws {
        let directory = try DrillDirectory.make()
        defer { directory.remove() }
        let campaign = try await directory.withStore { try await FaultFixtures.sentCampaign($0, channel: .email, count: 8) }
        try await LocalServers.withSMTPServer(hangAfter: 3) { server in
            let environment = ["WAYMARK_SMTP_HOST": "127.0.0.1", "WAYMARK_SMTP_PORT": String(server.port), "WAYMARK_SMTP_FROM": "waymark@northmere.example"]
            let first = try WaymarkProcess.serve(dataDirectory: directory.data, arguments: ["--no-jobs"], environment: environment, log: directory.log)
            defer { first.stop() }
            try await until("the SMTP server to take a fourth e-mail", server: first) { try server.received().count == 4 }
            first.kill()

            let statuses = try await directory.withStore { try await FaultFixtures.statuses($0, campaign) }
            Self.say("e-mails: killed (SIGKILL) after the SMTP server took e-mail 4 and before it was recorded; found \(Self.describe(statuses))")
            #expect(statuses == [.sent: 3, .sending: 1, .queued: 4])

            try await Self.ageOutboxClaims(directory)
            let second = try WaymarkProcess.serve(dataDirectory: directory.data, arguments: ["--no-jobs"], environment: environment, log: directory.log)
            defer { second.stop() }
            try await directory.withStore { store in
                try await until("the restarted server to send the rest and hold the fourth", server: second) {
                    try await FaultFixtures.statuses(store, campaign) == [.sent: 7, .uncertain: 1]
                }
            }
            second.stop()

            let addresses = try server.received().flatMap(\.rcpt_to)
            let (contacts, attempted, held) = try await directory.withStore { store in
                (try await FaultFixtures.sentContacts(store, campaign), try await FaultFixtures.reportedAttempted(store, campaign),
                 try await Outbox(store: store).message(campaign.messages[3])?.status)
            }
            Self.say("e-mails: restarted; the SMTP server received \(addresses.count) e-mails for \(Set(addresses).count) addresses; "
                     + "e-mail 4 is \(held?.rawValue ?? "missing") for a person to decide; report counts \(attempted) as sent")
            #expect(addresses.count == 8 && Set(addresses).count == 8, "no one got an e-mail twice")
            #expect(held == .uncertain)
            #expect(contacts == [1, 1, 1, 0, 1, 1, 1, 1])
            #expect(attempted == 7)
        }
    }

    @Test func killedMidReturnTheRestartedRunnerWritesOneWholeFileAndOneHistoryEntry() async throws {
        let directory = try DrillDirectory.make()
        defer { directory.remove() }
        let people = 3_000
        let job = try await directory.withStore { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "drill"), passwordCost: 4).run(people: people, seed: 12, now: Self.now)
            return try await JobDesk(store: store).request(.nccisReturn(periodEnd: ReturnFixtures.periodEnd, force: true), by: nil, at: Self.now)
        }
        let name = "nccis-990-\(ReturnFixtures.periodEnd.iso)-job\(job.id).xml"
        func unfinished() -> [(name: String, size: Int)] {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.returns)) ?? []).filter { $0.hasPrefix(name + ".partial") }.map { file in
                let attributes = try? FileManager.default.attributesOfItem(atPath: directory.returns + "/" + file)
                return (file, (attributes?[.size] as? Int) ?? 0)
            }
        }

        let first = try WaymarkProcess.serve(dataDirectory: directory.data, arguments: ["--no-sending"], log: directory.log)
        defer { first.stop() }
        try await until("the return's unfinished file to hold data", server: first, poll: .milliseconds(2)) {
            unfinished().contains { $0.size > 0 }
        }
        first.freeze()
        let left = unfinished()
        let finishedEarly = FileManager.default.fileExists(atPath: directory.returns + "/" + name)
        first.kill()

        let (dead, historyAtKill) = try await directory.withStore { store in
            (try await JobQueue(store: store).job(job.id), try await ReturnHistoryQuery(store: store).returns(laCode: "990"))
        }
        Self.say("return: killed (SIGKILL) while writing the file for \(people) people; found \(left.map { "\($0.name) (\($0.size) bytes)" }), "
                 + "\(finishedEarly ? "a" : "no") file under the return's name, \(historyAtKill.count) history entries, "
                 + "the job \(dead?.status.rawValue ?? "missing") by \(dead?.claimedBy ?? "nobody")")
        #expect(!left.isEmpty && !finishedEarly, "stopped mid-file, with only an unfinished file")
        #expect(historyAtKill.isEmpty, "nothing offered for download")
        #expect(dead?.status == .running && dead?.claimedBy?.contains("-\(first.pid)-") == true)

        // What a minute without heartbeats would do.
        try await directory.withStore { store in
            try await store.sql.raw("UPDATE job SET heartbeat_at = \(bind: Timestamp.format(Date().addingTimeInterval(-120))) WHERE id = \(bind: job.id)")
                .run()
        }
        let second = try WaymarkProcess.serve(dataDirectory: directory.data, arguments: ["--no-sending"], log: directory.log)
        defer { second.stop() }
        try await directory.withStore { store in
            try await until("the restarted runner to finish the return", server: second, poll: .milliseconds(200)) {
                try await JobQueue(store: store).job(job.id)?.status == .done
            }
        }
        second.stop()

        let (finished, history) = try await directory.withStore { store in
            (try await JobQueue(store: store).job(job.id), try await ReturnHistoryQuery(store: store).returns(laCode: "990"))
        }
        let path = directory.returns + "/" + name
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.returns)) ?? []).sorted()
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? 0) & 0o777
        let hash = SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
        Self.say("return: restarted; the job is \(finished?.status.rawValue ?? "missing") after \(finished?.claims ?? 0) claims; "
                 + "\(history.count) history entry; files \(files); mode \(String(mode, radix: 8)); "
                 + "the file's SHA-256 \(hash == history.first?.generated.sha256 ? "matches" : "differs from") the history")
        #expect(finished?.status == .done && finished?.claims == 2)
        #expect(history.map(\.generated.fileName) == [name], "one history entry")
        #expect(files == [name], "no unfinished file left beside it")
        #expect(mode == 0o600)
        #expect(hash == history.first?.generated.sha256, "the file is whole: the one recorded")
    }

    static func describe(_ statuses: [OutboxStatus: Int]) -> String {
        statuses.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
    }
}
