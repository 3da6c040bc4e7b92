import Foundation
import WaymarkCore
import WaymarkRecords

/// What a sent campaign has really done so far, counted from its members'
/// messages and outcomes: queued is not sent, and sent is not answered.
struct CampaignProgress {
    let channel: ContactChannel
    let members: [CampaignMemberRow]

    var sentence: String {
        let answered = members.filter { $0.respondedAt != nil }.count
        let answeredPart = answered > 0 ? "; \(Self.people(answered)) answered" : ""
        switch channel {
        case .sms, .email:
            let noun = channel == .sms ? "text" : "e-mail"
            var byStatus: [String: Int] = [:]
            for member in members { byStatus[member.messageStatus ?? "none", default: 0] += 1 }
            let sent = byStatus["sent", default: 0] + byStatus["delivered", default: 0]
            let waiting = byStatus["queued", default: 0] + byStatus["sending", default: 0]
            var parts = ["\(Self.count(sent, noun)) sent", "\(waiting) waiting to send"]
            if let failed = byStatus["failed"], failed > 0 { parts.append("\(failed) could not be sent") }
            if let uncertain = byStatus["uncertain"], uncertain > 0 { parts.append("\(uncertain) may not have been sent (check)") }
            return "\(Self.people(members.count)) in this campaign: " + parts.joined(separator: ", ") + answeredPart + "."
        case .letter:
            return "\(Self.count(members.count, "letter")) to print and post\(answeredPart)."
        case .phone, .visit:
            let done = members.filter { $0.outcome != nil }.count
            let verb = channel == .phone ? "called" : "visited"
            return "\(Self.people(members.count)) to \(channel == .phone ? "call" : "visit"): \(done) \(verb) so far\(answeredPart)."
        }
    }

    /// The notice after "Send": what was started, not what was achieved.
    static func started(count: Int, channel: ContactChannel) -> String {
        switch channel {
        case .sms: "Campaign started: \(Self.count(count, "text")) queued to send."
        case .email: "Campaign started: \(Self.count(count, "e-mail")) queued to send."
        case .letter: "Campaign started: \(Self.count(count, "letter")) ready to print."
        case .phone: "Campaign started: \(Self.people(count)) to call."
        case .visit: "Campaign started: \(Self.people(count)) to visit."
        }
    }

    static func people(_ n: Int) -> String { n == 1 ? "1 young person" : "\(n.formatted()) young people" }
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n.formatted()) \(noun)s" }
}
