public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// Opening a young person's record: the one place that checks the scope,
/// reads, withholds what the grant does not show and writes the view audit.
public struct PersonRecordDesk: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry
    let classifier: ParticipationClassifier
    let now: @Sendable () -> Date

    public init(store: Store, registry: LocalAuthorityRegistry, classifier: ParticipationClassifier, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.registry = registry
        self.classifier = classifier
        self.now = now
    }

    /// Opens the record with `parts` of it: the whole for a page, or only
    /// the person, their activities and where they stand for a system's read
    /// (``RecordParts/summary``), with the same scope, withholding and audit.
    public func open(_ id: Int64, for grant: AccessGrant, parts: RecordParts = .whole) async throws -> RecordOpening {
        guard grant.allows(.readRecords) else { throw AccessDenied(permission: .readRecords, role: grant.role) }
        let lookup = CaseloadLookup(store: store)
        guard let placement = try await lookup.placement(of: id, in: grant.scope) else {
            if let kept = try await MergeQueries(store: store).keptPerson(for: id), try await lookup.placement(of: kept, in: grant.scope) != nil {
                return .mergedInto(kept)
            }
            return .notFound
        }
        guard let (whole, storedActivities) = try await PersonBundleReader(store: store, registry: registry)
            .personWithStoredActivities(id, responsibleLA: grant.scope.laCode)
        else {
            return .notFound
        }
        let today = CalendarDate.today(from: now())
        // A summary shows none of the casework the presence query asks after, and a system's
        // client account never breaks the glass (it cannot sign in), so it is not asked.
        let present = parts == .whole ? try await RecordPresenceQuery(store: store).presence(of: id, viewer: grant.user.id) : .nothing
        // Break the glass widens what this grant shows on this one record for a few hours.
        let opened = present.glassBrokenByViewer
            ? try await BreakGlassDesk(store: store).opening(for: grant, person: id, at: now()) : BreakGlassWindow(classes: [], until: nil)
        // A school, college or provider sees the record through the portal flow: what the young person's choices refuse stays here.
        let (visible, refused) = try await SharingDesk(store: store).portalView(of: id, for: grant, visible: grant.visibleClasses.union(opened.classes), at: now())
        let current = ActivityHistory.current(in: whole.activities, on: today)
        let record = try await read(
            whole, activities: storedActivities, placement: placement, present: present, visible: visible, current: current, today: today, grant: grant,
            brokenGlass: opened.classes.isEmpty ? nil : opened, refused: refused, parts: parts)
        try await store.record(
            .view, by: .user(grant.user.id), at: now(), entity: "young_person", entityID: id, personID: id,
            detail: Self.auditDetail(grant: grant, visible: visible, opened: opened.classes, refused: refused))
        return .shown(record)
    }

    private func read(
        _ whole: PersonBundle, activities storedActivities: [StoredActivity], placement: CaseloadPlacement, present: RecordPresence, visible: Set<SensitivityClass>, current: ActivityRecord?, today: CalendarDate,
        grant: AccessGrant, brokenGlass: BreakGlassWindow?, refused: [RefusedShare], parts: RecordParts
    ) async throws -> PersonRecord {
        let id = whole.id
        let casework = CaseworkQueries(store: store)
        let showsNotes = visible.contains(.notes)
        // Arrangements (follow-ups, appointments) and that a contact happened are how a
        // person is reached: those who see contact details or notes see them; what
        // the adviser wrote stays with those who see notes.
        let showsArrangements = showsNotes || visible.contains(.contact)
        // Only what the grant shows is read at all: a withheld class never leaves the store
        // (the activities were read with the person, for the classification, and are not passed on).
        let activities = visible.contains(.educationAndActivity) ? storedActivities : []
        // What the record has none of is not asked for.
        async let contacts = showsArrangements && present.contacts ? casework.contacts(of: id) : []
        async let details = parts == .whole && visible.contains(.contact) ? casework.contactDetails(of: id) : []
        async let followUps = showsArrangements && present.openFollowUps ? casework.openFollowUps(of: id) : []
        async let appointments = showsArrangements && present.appointments ? casework.appointments(of: id) : []
        // Two reads for the assessments and three for the plan, whatever their number (`waymark bench assessments`).
        async let assessments = showsNotes && present.assessments ? AssessmentQueries(store: store).assessments(of: id) : []
        // Those who see notes see a plan, if only an empty one to start.
        let noPlan = showsNotes ? StoredActionPlan(personID: id, schedule: nil, goals: []) : nil
        async let plan = showsNotes && present.plan ? PlanQueries(store: store).plan(of: id) : noPlan
        let contactList = try await contacts.map { showsNotes ? $0 : $0.withoutNotes() }
        let appointmentList = try await appointments
        let staff = Set(contactList.compactMap(\.recordedBy) + appointmentList.map(\.userID) + [placement.adviserID].compactMap { $0 })
        let need = whole.need(on: today)
        var state: ParticipationState?
        if let dateOfBirth = whole.dateOfBirth, let status = whole.cohortStatus.flatMap({ try? CohortStatus.parse($0) }) {
            state = classifier.classify(
                ParticipationFacts(dateOfBirth: dateOfBirth, cohortStatus: status, hasSEND: need?.hasSEND ?? false, currentActivity: current),
                on: today)
        }
        let showsCurrent = visible.contains(.currentActivity) || visible.contains(.educationAndActivity)
        var record = PersonRecord(
            person: RecordRedaction.withholding(whole, showing: visible, current: current), state: showsCurrent ? state : nil,
            currentActivity: showsCurrent ? current : nil, activities: activities, contacts: contactList,
            contactDetails: try await details, followUps: try await followUps, appointments: appointmentList, placement: placement,
            staffNames: parts == .whole ? try await casework.userNames(staff) : [:],
            merges: parts == .whole && grant.allows(.resolveMatches) ? try await MergeQueries(store: store).merges(into: id) : [], visible: visible,
            mayChange: AccessPolicy.mayChange(grant.user, personAdviserID: placement.adviserID), mayAssign: grant.allows(.assignCaseload),
            mayBreakGlass: DisclosurePolicy.mayBreakGlass(grant.role) && visible != Set(SensitivityClass.allCases), brokenGlass: brokenGlass,
            mayReviewAccess: grant.allows(.reviewAccess), consentRefused: refused, mayManageConsent: grant.allows(.manageConsent))
        record.assessments = try await assessments
        record.plan = try await plan
        // The instruments only draw rings: most records have none, and reading and decoding
        // every instrument for each of them cost a record page a quarter of its CPU.
        if !record.assessments.isEmpty {
            for instrument in try await InstrumentCatalogue(store: store).all() { record.instruments[instrument.reference] = instrument }
        }
        return record
    }

    /// What was shown, without personal data: the purpose, the classes withheld and those break-the-glass opened.
    static func auditDetail(grant: AccessGrant, visible: Set<SensitivityClass>, opened: Set<SensitivityClass> = [], refused: [RefusedShare] = []) -> String {
        let withheld = SensitivityClass.allCases.filter { !visible.contains($0) }.map(\.rawValue)
        return "record; purpose=\(grant.purpose.rawValue)" + (withheld.isEmpty ? "" : "; withheld=\(withheld.joined(separator: ","))")
            + (opened.isEmpty ? "" : "; break-glass=\(opened.sorted().map(\.rawValue).joined(separator: ","))")
            + (refused.isEmpty ? "" : "; flow=\(DataFlowDefaults.Key.schoolPortal); refused=\(refused.map(\.dataClass.rawValue).joined(separator: ","))")
    }
}

/// How much of a record to read.
public enum RecordParts: Sendable {
    /// Everything the grant shows: for the record page.
    case whole
    /// The person, their activities and where they stand, without casework,
    /// contact details, staff names or merges: for the API's read of a young person.
    case summary
}

/// A use case refused: the role does not hold the permission.
public struct AccessDenied: Error, Sendable, CustomStringConvertible {
    public let permission: Permission
    public let role: Role

    public var description: String { "Your role (\(role.displayName)) does not allow this. Ask your administrator if you need it." }
}
