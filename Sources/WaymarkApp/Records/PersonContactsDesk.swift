public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// A young person's parents, carers and professionals as one user may see them.
public struct PersonContactsView: Sendable {
    public let personID: Int64
    public let personName: String
    /// Current first, then ended; only those whose relationship the grant may see.
    public let contacts: [StoredPersonContact]
    /// Contacts not listed because their relationship tells a restricted kind of fact.
    public let withheld: Int
    /// Relationships the user may record.
    public let relationships: [ContactRelationship]
    public let mayChange: Bool
}

/// Parents, carers and other professionals on a young person's record. They
/// are third parties' personal data, so they are held as contact details
/// are: shown only to those who see how people are reached (never to a
/// school or college), and those that tell care status or offending only to
/// whoever sees that too. Every view is audited with the ids shown.
public struct PersonContactsDesk: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    static let restricted = Refusal.forbidden(
        "Parents, carers and professionals are contact details, which are restricted for your role. Ask the young person's adviser.")
    static let noSuchContact = Refusal.notFound("That contact is not current on this young person's record.")

    public func contacts(of personID: Int64, for grant: AccessGrant, at now: Date) async throws -> PersonContactsView {
        try grant.require(.readRecords)
        guard let placement = try await CaseloadLookup(store: store).placement(of: personID, in: grant.scope) else { throw CaseworkDesk.notFound }
        // Breaking the glass on the record opens these too for its few hours; recording stays within the role.
        let opened = try await BreakGlassDesk(store: store).opening(for: grant, person: personID, at: now).classes
        let visible = grant.visibleClasses.union(opened)
        guard visible.contains(.contact) else { throw Self.restricted }
        let all = try await PersonContactQueries(store: store).contacts(of: personID)
        let shown = all.filter { $0.details.relationship.requiredClasses.isSubset(of: visible) }
        let name = try await PersonNamesQuery(store: store).names(of: [personID], in: grant.scope)[personID] ?? "Young person \(personID)"
        try await ViewAudit.record(
            store, grant, at: now, entity: "person_contact", personID: personID,
            detail: "contacts; \(ViewAudit.shown(shown.map(\.id)))" + (shown.count < all.count ? "; withheld=\(all.count - shown.count)" : "")
                + (opened.isEmpty ? "" : "; break-glass=\(opened.sorted().map(\.rawValue).joined(separator: ","))"))
        return PersonContactsView(
            personID: personID, personName: name, contacts: shown, withheld: all.count - shown.count,
            relationships: Self.relationships(grant.visibleClasses), mayChange: AccessPolicy.mayChange(grant.user, personAdviserID: placement.adviserID))
    }

    public func add(_ contact: PersonContactDetails, on record: RecordForChange, at now: Date) async throws -> Int64 {
        try requireVisible(contact.relationship, record)
        let personID = record.personID
        let today = CalendarDate.today(from: now)
        return try await store.change(by: record.grant.actor, at: now) { tx in try await tx.addPersonContact(contact, for: personID, from: today) }
    }

    /// A current contact's details, for its edit form.
    public func contact(_ id: Int64, on record: RecordForChange, at now: Date) async throws -> StoredPersonContact {
        let found = try await current(id, record)
        try await ViewAudit.record(store, record.grant, at: now, entity: "person_contact", entityID: id, personID: record.personID, detail: "contact edit form")
        return found
    }

    public func update(_ id: Int64, to contact: PersonContactDetails, on record: RecordForChange, at now: Date) async throws {
        _ = try await current(id, record)
        try requireVisible(contact.relationship, record)
        let personID = record.personID
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.updatePersonContact(id, of: personID, to: contact) }
    }

    /// Ends a contact today; it stays on the record, marked ended.
    public func end(_ id: Int64, on record: RecordForChange, at now: Date) async throws {
        _ = try await current(id, record)
        let personID = record.personID
        let today = CalendarDate.today(from: now)
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.endPersonContact(id, of: personID, on: today) }
    }

    public static func relationships(_ visible: Set<SensitivityClass>) -> [ContactRelationship] {
        ContactRelationship.allCases.filter { $0.requiredClasses.isSubset(of: visible) }
    }

    /// A current contact the grant may see; anything else is the same "not found".
    private func current(_ id: Int64, _ record: RecordForChange) async throws -> StoredPersonContact {
        guard record.visible.contains(.contact) else { throw Self.restricted }
        guard let found = try await PersonContactQueries(store: store).contacts(of: record.personID).first(where: { $0.id == id }), found.isCurrent,
            found.details.relationship.requiredClasses.isSubset(of: record.visible)
        else { throw Self.noSuchContact }
        return found
    }

    private func requireVisible(_ relationship: ContactRelationship, _ record: RecordForChange) throws {
        guard record.visible.contains(.contact) else { throw Self.restricted }
        guard relationship.requiredClasses.isSubset(of: record.visible) else {
            let label = (relationship.discloses ?? .contact).label
            throw Refusal.forbidden("A \(relationship.label.lowercased()) tells \(label.lowercased()), which is restricted for your role, so you cannot record one.")
        }
    }
}
