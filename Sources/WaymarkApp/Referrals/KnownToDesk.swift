public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// The known-to register and the lead professional on a young person's
/// record. Who is involved is shown to those who may open the record; an
/// involvement with a service whose very name tells a special category
/// (youth justice, health) shows, to a grant that does not see that class,
/// only that a professional is involved and that contact goes through the
/// local authority ("brokered contact").
public struct KnownToDesk: Sendable {
    let store: Store
    /// The local authority's name, for the brokered-contact line.
    let laName: String

    public init(store: Store, laName: String) {
        self.store = store
        self.laName = laName
    }

    /// The register and the lead professional of `person`, audited as a view.
    public func register(of person: Int64, for grant: AccessGrant, at now: Date) async throws -> KnownToView {
        try grant.require(.readRecords)
        // The LA's register: a school's or college's view of a record does not include who else works with the young person.
        guard case .authority = grant.scope else {
            throw Refusal.forbidden("Who else works with a young person is shown to the local authority's staff only.")
        }
        guard let placement = try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) else { throw ReferralDesk.noSuchRecord }
        let queries = KnownToQueries(store: store)
        let stored = try await queries.involvements(of: person)
        let lead = try await queries.leadProfessional(of: person)
        let lines = stored.map { KnownToLine($0, visible: grant.visibleClasses, laName: laName) }
        try await ViewAudit.record(
            store, grant, at: now, entity: "involvement", personID: person,
            detail: "known-to; shown=\(stored.map { String($0.id) }.joined(separator: ",")); brokered=\(lines.filter(\.brokered).count)")
        var adviser: StoredUser?
        if let id = placement.adviserID { adviser = try await UserQueries(store: store).user(id: id) }
        let name = try await BreakGlassQueries(store: store).subject(person, in: grant.scope)?.name ?? ""
        let mayRecord = grant.allows(.recordInvolvement)
        let services = mayRecord ? try await OrganisationQueries(store: store).all().filter(\.kind.isPartner) : []
        return KnownToView(
            personID: person, personName: name, lines: lines, lead: lead, mayRecord: mayRecord, services: services, adviser: adviser,
            needsAgreedLead: Set(stored.filter(\.isOpen).map(\.organisationID)).count > 1 && lead == nil)
    }

    /// Names the lead professional: the young person's adviser or a worker
    /// of a service involved now. With more than one service involved, the
    /// lead is agreed between them, so the agreement must be said.
    public func setLead(of person: Int64, to userID: Int64?, agreed typed: String?, for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.recordInvolvement)
        guard let placement = try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) else { throw ReferralDesk.noSuchRecord }
        let open = try await KnownToQueries(store: store).involvements(of: person).filter(\.isOpen)
        let eligible = Set(open.compactMap(\.workerUserID) + [placement.adviserID].compactMap { $0 })
        guard let userID, eligible.contains(userID), let user = try await UserQueries(store: store).user(id: userID), !user.disabled else {
            throw Refusal.invalid("lead professional: choose the young person's adviser or a worker of a service involved with them now.")
        }
        let agreed = try ReferralDesk.words(typed, field: "agreement (who agreed it and when)")
        let today = CalendarDate.today(from: now)
        _ = try await store.change(by: grant.actor, at: now) { tx in
            try await tx.setLeadProfessional(personID: person, userID: user.id, organisationID: user.organisationID, from: today, agreed: agreed.text)
        }
    }

    /// Refuses to close a young person's file while any service is still involved.
    static func requireNoOpenInvolvements(_ person: Int64, store: Store) async throws {
        let open = try await KnownToQueries(store: store).openCount(of: person)
        guard open == 0 else {
            throw Refusal.conflict(
                "This young person's file cannot be closed while \(open == 1 ? "a service is" : "\(open) services are") still involved with them. "
                    + "End or hand over the involvements on the known-to register first.")
        }
    }
}

/// One line of the register as a grant may see it.
public struct KnownToLine: Sendable, Equatable {
    public let id: Int64
    /// The service's name, or "A professional is involved" when brokered.
    public let organisation: String
    public let worker: String?
    /// The worker's user, for choosing a lead professional; nil when brokered.
    public let workerID: Int64?
    public let role: String?
    public let from: CalendarDate
    public let to: CalendarDate?
    /// Only that a professional is involved is shown; contact goes through the LA.
    public let brokered: Bool
    /// How to reach them: the service, or the LA for a brokered line.
    public let contactThrough: String
    /// The referral that opened it; such a line ends with its referral.
    public let referralID: Int64?
    /// Open, recorded by hand, and seen in full: it may be ended on the register.
    public var mayEnd: Bool { to == nil && !brokered && referralID == nil }

    init(_ stored: StoredInvolvement, visible: Set<SensitivityClass>, laName: String) {
        let brokered = Self.isBrokered(stored.organisationKind, visible: visible)
        id = stored.id
        self.brokered = brokered
        organisation = brokered ? "A professional is involved" : stored.organisationName
        worker = brokered ? nil : stored.workerName
        workerID = brokered ? nil : stored.workerUserID
        role = brokered ? nil : stored.workerRole
        from = stored.from
        to = stored.to
        contactThrough = brokered ? "Contact them through \(laName)" : stored.organisationName
        referralID = stored.referralID
    }

    /// Whether a grant seeing `visible` is shown only that a professional is involved.
    public static func isBrokered(_ kind: OrganisationKind, visible: Set<SensitivityClass>) -> Bool {
        let tells = classTold(by: kind)
        return !tells.isEmpty && !tells.isSubset(of: visible)
    }

    /// The special category an involvement with this kind of service tells.
    static func classTold(by kind: OrganisationKind) -> Set<SensitivityClass> {
        switch kind {
        case .youthJustice: [.offending]
        case .health: [.sendAndHealth, .mentalHealth]
        default: []
        }
    }
}

/// The register and the lead professional of one young person.
public struct KnownToView: Sendable {
    public let personID: Int64
    public let personName: String
    public let lines: [KnownToLine]
    public let lead: StoredLeadProfessional?
    public let mayRecord: Bool
    /// The partner services an involvement may be recorded with (empty unless `mayRecord`).
    public let services: [StoredOrganisation]
    /// The young person's adviser, who may be named lead professional.
    public let adviser: StoredUser?
    /// More than one service involved now and no lead professional named.
    public let needsAgreedLead: Bool
}
