public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// Gathers what happened to everyone a campaign considered and hands it to
/// ``CampaignReport``. "Resolved" means the activity is now known and was
/// confirmed on or after the day the campaign went out, whoever confirmed it.
public struct CampaignReportBuilder: Sendable {
    let store: Store
    let classifier: ParticipationClassifier

    public init(store: Store, classifier: ParticipationClassifier) {
        self.store = store
        self.classifier = classifier
    }

    public func report(for campaign: StoredCampaign, scope: RecordScope, now: Date) async throws -> CampaignReport {
        let members = try await CampaignQueries(store: store).members(of: campaign.id)
        let ids = Set(members.map(\.personID))
        let today = CalendarDate.today(from: now)
        // Only the campaign's members, from their stored positions: no LA-wide read.
        let rows = Dictionary(
            try await QueueQuery(store: store).rows(of: ids.sorted(), in: scope, on: today).map { ($0.member.id, $0) }, uniquingKeysWith: { first, _ in first })
        let characteristics = try await CampaignQueries(store: store).characteristics(of: Array(ids), on: today)
        let sentOn = campaign.sentAt.flatMap(Timestamp.parse).map(CalendarDate.today(from:)) ?? today
        let wasNotKnown = (try? CampaignAudience(queryString: campaign.audience))?.queue == .notKnown
        let outcomes = members.map { member -> CampaignOutcome in
            let row = rows[member.personID]
            var resolvedOn: CalendarDate?
            if let state = row?.state, let confirmed = row?.confirmedOn.flatMap({ try? CalendarDate(iso: $0) }), confirmed >= sentOn {
                switch state {
                case .eet, .neet, .other: resolvedOn = confirmed
                case .notKnown, .notInCohort: resolvedOn = nil
                }
            }
            let attempted = member.included && (member.outboxMessageID == nil
                ? (campaign.channel == .letter || member.outcome != nil)
                : ["sent", "delivered"].contains(member.messageStatus ?? ""))
            return CampaignOutcome(
                channel: campaign.channel, skipReason: member.included ? nil : (member.reason ?? "not contacted"), attempted: attempted,
                responded: member.respondedAt != nil, resolved: resolvedOn != nil,
                daysToResolution: resolvedOn.map { sentOn.days(until: $0) }, wasNotKnown: wasNotKnown,
                groups: [
                    "Age": [Self.ageGroup(member.dateOfBirth, on: today)],
                    "Ward": [row?.ward ?? "No ward recorded"],
                    "Characteristic": (characteristics[member.personID] ?? []).sorted().map { code in
                        CharacteristicCode(rawValue: code).map { "\($0.rawValue) – \($0.meaning)" } ?? "\(code)"
                    }.nilIfEmpty ?? ["None recorded"],
                ])
        }
        return CampaignReport(outcomes)
    }

    static func ageGroup(_ dateOfBirth: String, on today: CalendarDate) -> String {
        guard let born = try? CalendarDate(iso: dateOfBirth) else { return "Unknown" }
        let age = today.year - born.year - ((today.month, today.day) < (born.month, born.day) ? 1 : 0)
        return age >= 19 ? "19 and over" : "\(age)"
    }
}

extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
