public import Foundation
import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// What the referral form offers: whom it is about and the services one may refer to.
public struct ReferralStart: Sendable {
    public let personID: Int64
    public let personName: String
    public let services: [StoredOrganisation]
}

extension ReferralDesk {
    /// The form for referring `person`: refused as ``draft(for:person:to:purpose:summary:at:)``
    /// would be; it names the young person, so it is audited as a view.
    public func start(for grant: AccessGrant, person: Int64, at now: Date) async throws -> ReferralStart {
        try grant.require(.makeReferrals)
        try await requireMayRefer(grant, person)
        guard let bundle = try await PersonBundleReader(store: store, registry: registry).person(person, responsibleLA: grant.scope.laCode) else {
            throw Self.noSuchRecord
        }
        let services = try await OrganisationQueries(store: store).all().filter(\.kind.isPartner)
        try await ViewAudit.record(store, grant, at: now, entity: "young_person", entityID: person, personID: person, detail: "referral form")
        return ReferralStart(
            personID: person, personName: [bundle.givenName, bundle.familyName].compactMap { $0 }.joined(separator: " "), services: services)
    }

    /// A young person's referrals, for the LA's staff who may open their
    /// record (the known-to page); audited with the referral ids shown.
    public func of(person: Int64, for grant: AccessGrant, at now: Date) async throws -> [StoredReferral] {
        try grant.require(.readRecords)
        guard case .authority = grant.scope, try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil else {
            throw Self.noSuchRecord
        }
        let referrals = try await ReferralQueries(store: store).of(person: person)
            .filter { $0.state != .draft || $0.fromUserID == grant.user.id }
        try await ViewAudit.record(
            store, grant, at: now, entity: "referral", personID: person, detail: "person referrals; ids=\(referrals.map { String($0.id) }.joined(separator: ","))")
        return referrals
    }

    /// Referral news for the signed-in user from the last week: which of
    /// their referrals changed and where they stand. Ids and services only.
    public func news(for grant: AccessGrant, at now: Date) async throws -> [StoredReferral] {
        guard grant.allows(.makeReferrals) else { return [] }
        let ids = try await ReferralQueries(store: store).notices(for: grant.user.id, since: now.addingTimeInterval(-7 * 86_400), limit: 20)
        var seen = Set<Int64>()
        var news: [StoredReferral] = []
        for id in ids where seen.insert(id).inserted {
            if let referral = try await ReferralQueries(store: store).referral(id) { news.append(referral) }
            if news.count == 5 { break }
        }
        return news
    }

    /// Referrals the signed-in user was reminded of in the last week
    /// (``ReferralReminders``) that still wait past their timer. Ids and services only.
    public func reminders(for grant: AccessGrant, at now: Date) async throws -> [StoredReferral] {
        guard grant.allows(.makeReferrals) || grant.allows(.workReferrals) else { return [] }
        let queries = ReferralQueries(store: store)
        let ids = try await queries.notices(for: grant.user.id, since: now.addingTimeInterval(-7 * 86_400), kind: .referralReminder, limit: 20)
        let today = CalendarDate.today(from: now)
        var seen = Set<Int64>()
        var waiting: [StoredReferral] = []
        for id in ids where seen.insert(id).inserted {
            guard let referral = try await queries.referral(id), let due = referral.reminderDue, due <= today else { continue }
            waiting.append(referral)
            if waiting.count == 5 { break }
        }
        return waiting
    }
}
