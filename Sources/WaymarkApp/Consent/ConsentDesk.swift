public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// What the staff page "Consent and sharing" shows for one young person.
public struct ConsentOverview: Sendable {
    public let personID: Int64
    public let personName: String
    /// Every provision, withdrawn ones included, newest first.
    public let provisions: [RecordedConsent]
    /// Names of the organisations provisions and overrides name, by id.
    public let organisationNames: [Int64: String]
    /// The schools, colleges and providers in the young person's history, each with what the portal shares with it today.
    public let portal: [PortalShare]
    /// Outgoing flows, for the override form.
    public let flows: [DataFlow]
    public let overrides: [ShareOverride]
    public let mayRecord: Bool
    public let mayOverride: Bool
}

/// What one organisation sees through the portal flow today, class by class.
public struct PortalShare: Sendable {
    public let organisation: StoredOrganisation
    public let decisions: [(SensitivityClass, ShareDecision)]
}

/// Recording and reading a young person's consent provisions from the
/// record (docs/POLICIES.md, "Sharing with consent"). Showing the page is a
/// view of the record and audited; each change writes its own audit event.
public struct ConsentDesk: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func overview(for grant: AccessGrant, person: Int64, at now: Date) async throws -> ConsentOverview {
        let subject = try await permittedSubject(grant, person)
        let queries = ConsentQueries(store: store)
        let provisions = try await queries.provisions(of: person)
        let establishments = try await queries.establishments(of: person)
        let sharing = SharingDesk(store: store)
        var portal: [PortalShare] = []
        let classes = DataFlowDefaults.register.first { $0.key == DataFlowDefaults.Key.schoolPortal }?.carries.sorted() ?? []
        for organisation in establishments {
            let decisions = try await sharing.decide(person: person, flowKey: DataFlowDefaults.Key.schoolPortal, recipient: organisation, classes: classes, at: now)
            portal.append(PortalShare(organisation: organisation, decisions: classes.compactMap { dataClass in decisions[dataClass].map { (dataClass, $0) } }))
        }
        let overrides = try await queries.overrides(of: person, at: now)
        var names = Dictionary(establishments.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let named = provisions.compactMap { if case .organisation(let id) = $0.provision.recipient { id } else { nil } } + overrides.compactMap(\.recipientID)
        for id in Set(named) where names[id] == nil {
            names[id] = try await OrganisationQueries(store: store).organisation(id: id)?.name
        }
        try await ViewAudit.record(store, grant, at: now, entity: "young_person", entityID: person, personID: person, detail: "consent and sharing")
        return ConsentOverview(
            personID: person, personName: subject.name, provisions: provisions, organisationNames: names, portal: portal,
            flows: try await queries.flows().filter { $0.direction == .outbound }, overrides: overrides,
            mayRecord: AccessPolicy.mayChange(grant.user, personAdviserID: subject.adviser?.id), mayOverride: grant.allows(.overrideSharing))
    }

    /// Records a provision given on paper or verbally (self-service choices go through ``OwnRecordDesk``).
    public func record(_ provision: ConsentProvision, for grant: AccessGrant, person: Int64, at now: Date) async throws -> Int64 {
        try await changeable(grant, person)
        if case .selfService = provision.method {
            throw Refusal.invalid("Only the young person records choices on their own page; record how they told you (paper or verbally).")
        }
        if case .organisation(let id) = provision.recipient, try await OrganisationQueries(store: store).organisation(id: id) == nil {
            throw Refusal.invalid("Choose an organisation from the list.")
        }
        return try await store.change(by: grant.actor, at: now) { tx in try await tx.recordConsent(provision, for: person) }
    }

    /// Withdraws a provision at once; the row stays as history.
    public func withdraw(_ provisionID: Int64, for grant: AccessGrant, person: Int64, at now: Date) async throws {
        try await changeable(grant, person)
        guard try await store.change(by: grant.actor, at: now, { tx in try await tx.withdrawConsent(provisionID, of: person) }) else {
            throw Refusal.conflict("That choice has already been withdrawn, or is not on this record.")
        }
    }

    private func changeable(_ grant: AccessGrant, _ person: Int64) async throws {
        let subject = try await permittedSubject(grant, person)
        guard AccessPolicy.mayChange(grant.user, personAdviserID: subject.adviser?.id) else {
            throw Refusal.forbidden(
                grant.role == .personalAdviser
                    ? "This young person is not on your caseload, so you can see their choices but not record them. Ask their adviser or a tracking officer."
                    : "Your role (\(grant.role.displayName)) can see these choices but not record them.")
        }
    }

    private func permittedSubject(_ grant: AccessGrant, _ person: Int64) async throws -> BreakGlassSubject {
        try grant.require(.manageConsent)
        guard let subject = try await BreakGlassQueries(store: store).subject(person, in: grant.scope) else { throw Self.noSuchRecord }
        return subject
    }

    static let noSuchRecord = Refusal.notFound("There is no young person with that id in the records you can see.")
}
