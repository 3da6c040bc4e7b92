public import Foundation
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// What the subject access page shows before the pack is made: whose record
/// and how much of each kind it holds.
public struct SubjectAccessPreview: Sendable {
    public struct Count: Sendable {
        public let title: String
        public let count: Int
    }

    public let personID: Int64
    public let name: String
    public let record: [Count]
    public let views: Int
    public let events: Int
}

/// Subject access for data managers (UK GDPR Article 15): the whole record
/// of one young person, every class included whatever the role normally
/// sees, because it goes to the person it is about. Looking at the page is a
/// view of the record; producing the pack is an export; both are audited.
public struct SubjectAccessDesk: Sendable {
    let store: Store
    let writer: SubjectAccessPackWriter

    init(store: Store, laCode: LocalAuthorityCode, laName: String) {
        self.store = store
        writer = SubjectAccessPackWriter(store: store, laCode: laCode, laName: laName)
    }

    public func preview(for grant: AccessGrant, person: Int64, at now: Date) async throws -> SubjectAccessPreview {
        try await permitted(grant, person)
        guard let pack = try await writer.pack(person: person, producedBy: grant.user.displayName, at: now) else { throw BreakGlassDesk.noSuchRecord }
        try await ViewAudit.record(store, grant, at: now, entity: "young_person", entityID: person, personID: person, detail: "subject access page")
        return SubjectAccessPreview(
            personID: person, name: pack.name, record: pack.sections.map { .init(title: $0.title, count: $0.rows.count) },
            views: pack.views.count, events: pack.history.count)
    }

    /// The ZIP, audited as an export of the record before it is handed over.
    public func produce(for grant: AccessGrant, person: Int64, at now: Date) async throws -> SubjectAccessFile {
        try await permitted(grant, person)
        let name = "\(grant.user.displayName) (\(grant.role.displayName))"
        guard let file = try await writer.produce(person: person, producedBy: name, actor: grant.actor, purpose: "subject-access", at: now) else {
            throw BreakGlassDesk.noSuchRecord
        }
        return file
    }

    private func permitted(_ grant: AccessGrant, _ person: Int64) async throws {
        try grant.require(.subjectAccess)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil else { throw BreakGlassDesk.noSuchRecord }
    }
}
