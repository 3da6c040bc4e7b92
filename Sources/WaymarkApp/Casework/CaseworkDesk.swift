public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// Doing the work on a young person's record: every change starts with
/// ``forChange(_:need:for:)``, is one transaction and writes its own audit
/// events; every form page that shows the person records the view.
public struct CaseworkDesk: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry

    init(store: Store, registry: LocalAuthorityRegistry) {
        self.store = store
        self.registry = registry
    }

    static let notFound = Refusal.notFound("There is no young person with that id in the records you can see.")

    /// Signed in with a role that reads records, the record in scope (else the
    /// same 404 as an unknown id) and the user allowed to change it (else why not).
    public func forChange(_ personID: Int64, need: ChangeNeed = .change, for grant: AccessGrant) async throws -> RecordForChange {
        try grant.require(.readRecords)
        guard let placement = try await CaseloadLookup(store: store).placement(of: personID, in: grant.scope) else { throw Self.notFound }
        switch need {
        case .change:
            guard AccessPolicy.mayChange(grant.user, personAdviserID: placement.adviserID) else {
                throw Refusal.forbidden(
                    grant.role == .personalAdviser
                        ? "This young person is not on your caseload, so you can read their record but not change it. Ask their adviser or a tracking officer."
                        : "Your role (\(grant.role.displayName)) can read this record but not change it.")
            }
        case .assign:
            guard grant.allows(.assignCaseload) else {
                throw Refusal.forbidden("Only managers and data managers assign advisers, tiers and levels of need.")
            }
        }
        return RecordForChange(grant: grant, placement: placement)
    }

    /// The person as a change form shows them, withheld classes removed; the view is audited with the form's name.
    public func person(_ record: RecordForChange, form: String, at now: Date) async throws -> PersonBundle {
        let whole = try await bundle(record)
        try await ViewAudit.record(store, record.grant, at: now, entity: "young_person", entityID: record.personID, personID: record.personID,
                                   detail: "change form; form=\(form)")
        return RecordRedaction.withholding(whole, showing: record.visible, current: ActivityHistory.current(in: whole.activities, on: .today(from: now)))
    }

    /// What the entry rules need to check a new activity (date of birth, gender, SEND, characteristics).
    public func ruleContext(_ record: RecordForChange, on date: CalendarDate) async throws -> PersonContext? {
        try await bundle(record).ruleContext(on: date)
    }

    // MARK: Contacts and activities

    /// The contact, its follow-up and its appointment are saved together or not at all.
    public func recordContact(
        _ contact: NewContact, followUp: NewFollowUp?, appointment: NewAppointment?, on record: RecordForChange, at now: Date
    ) async throws {
        let personID = record.personID
        try await store.change(by: record.grant.actor, at: now) { tx in
            try await tx.recordContact(contact, for: personID)
            if let followUp { try await tx.addFollowUp(followUp, for: personID) }
            if let appointment { try await tx.bookAppointment(appointment, for: personID) }
        }
    }

    public func recordActivity(_ activity: ActivityRecord, on record: RecordForChange, at now: Date) async throws {
        let personID = record.personID
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.recordActivity(activity, for: personID) }
    }

    // MARK: Follow-ups and appointments

    static let noSuchItem = Refusal.notFound("That follow-up or appointment is not on this young person's record.")

    public func addFollowUp(_ followUp: NewFollowUp, on record: RecordForChange, at now: Date) async throws {
        let personID = record.personID
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.addFollowUp(followUp, for: personID) }
    }

    public func completeFollowUp(_ id: Int64, on record: RecordForChange, at now: Date) async throws {
        let personID = record.personID
        do {
            try await store.change(by: record.grant.actor, at: now) { tx in try await tx.completeFollowUp(id: id, for: personID) }
        } catch StoreError.notFound { throw Self.noSuchItem }
    }

    @discardableResult
    public func bookAppointment(_ appointment: NewAppointment, on record: RecordForChange, at now: Date) async throws -> Int64 {
        let personID = record.personID
        return try await store.change(by: record.grant.actor, at: now) { tx in try await tx.bookAppointment(appointment, for: personID) }
    }

    /// Attendance is a fact about the past: a booking still to come can only be cancelled.
    public func setAttendance(_ status: NewAppointment.Status, ofAppointment id: Int64, on record: RecordForChange, at now: Date) async throws {
        guard status != .booked else {
            throw Refusal.invalid("Choose whether the young person attended or missed the appointment, or cancel it (the field 'status').")
        }
        guard let appointment = try await CaseworkQueries(store: store).appointments(of: record.personID, limit: 1_000).first(where: { $0.id == id })
        else { throw Self.noSuchItem }
        if status != .cancelled, let startsAt = Timestamp.parse(appointment.startsAt), startsAt > now {
            throw Refusal.invalid("This appointment has not happened yet, so it cannot be marked \(status.rawValue). You can cancel it.")
        }
        let personID = record.personID
        do {
            try await store.change(by: record.grant.actor, at: now) { tx in try await tx.setAppointmentStatus(id: id, for: personID, to: status) }
        } catch StoreError.notFound { throw Self.noSuchItem }
    }

    // MARK: Details: addresses, phones and e-mails, characteristics, preferences

    /// The details page, audited with what it showed and what it withheld.
    public func details(_ record: RecordForChange, at now: Date) async throws -> RecordDetails {
        let today = CalendarDate.today(from: now)
        let whole = try await bundle(record)
        let visible = record.visible
        let queries = CaseworkQueries(store: store)
        async let details = visible.contains(.contact) ? queries.contactDetails(of: record.personID) : []
        async let characteristics = queries.characteristics(of: record.personID)
        async let preferences = PreferenceQueries(store: store).preferences(of: record.personID, on: today)
        async let history = corrections(of: record.personID, visible: visible)
        let shown = RecordDetails(
            person: RecordRedaction.withholding(whole, showing: visible, current: ActivityHistory.current(in: whole.activities, on: today)),
            contactDetails: try await details,
            characteristics: try await characteristics.filter { visible.contains($0.record.code.sensitivityClass) },
            preferences: try await preferences, corrections: try await history.corrections, correctedBy: try await history.names)
        let withheld = SensitivityClass.allCases.filter { !visible.contains($0) }.map(\.rawValue)
        try await ViewAudit.record(
            store, record.grant, at: now, entity: "young_person", entityID: record.personID, personID: record.personID,
            detail: "details; shown=addresses,contact-details,characteristics,preferences,corrections"
                + (withheld.isEmpty ? "" : "; withheld=\(withheld.joined(separator: ","))"))
        return shown
    }

    public func addAddress(_ address: AddressRecord, on record: RecordForChange, at now: Date) async throws {
        try requireVisible(.contact, record)
        let personID = record.personID
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.addAddress(address, for: personID) }
    }

    public func addContactDetail(_ detail: ContactDetailRecord, on record: RecordForChange, at now: Date) async throws {
        try requireVisible(.contact, record)
        let personID = record.personID
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.addContactDetail(detail, for: personID) }
    }

    /// Recording a kind of fact one may not read would let the role learn it by its absence from the list.
    public func addCharacteristic(_ characteristic: CharacteristicRecord, on record: RecordForChange, at now: Date) async throws {
        try requireVisible(characteristic.code.sensitivityClass, record)
        let personID = record.personID
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.addCharacteristic(characteristic, for: personID) }
    }

    /// Ends an open characteristic today (or on its start, if that is later).
    public func endCharacteristic(_ id: Int64, on record: RecordForChange, at now: Date) async throws {
        let today = CalendarDate.today(from: now)
        let current = try await CaseworkQueries(store: store).characteristics(of: record.personID)
            .filter { record.visible.contains($0.record.code.sensitivityClass) }
        guard let found = current.first(where: { $0.id == id }), found.record.endDate == nil else {
            throw Refusal.notFound("That characteristic is not open on this young person's record.")
        }
        let personID = record.personID
        let end = max(today, found.record.startDate)
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.endCharacteristic(id: id, for: personID, on: end) }
    }

    /// Saves only what changed: a row per channel whose choice changed, and the flag raised or lowered.
    public func setPreferences(optedOut: Set<ContactChannel>, doNotContact: Bool, on record: RecordForChange, at now: Date) async throws {
        let day = CalendarDate.today(from: now)
        let personID = record.personID
        let current = try await PreferenceQueries(store: store).preferences(of: personID, on: day)
        try await store.change(by: record.grant.actor, at: now) { tx in
            for channel in ContactChannel.allCases where optedOut.contains(channel) != current.optedOut.contains(channel) {
                try await tx.setOptOut(optedOut.contains(channel), channel: channel, for: personID, from: day)
            }
            if doNotContact, !current.doNotContact { try await tx.raiseFlag(.doNotContact, for: personID, from: day) }
            if !doNotContact, current.doNotContact { try await tx.lowerFlag(.doNotContact, for: personID, on: day) }
        }
    }

    // MARK: Caseload: adviser, tier and level of need

    /// The organisation's personal advisers who can still sign in, for pickers.
    public func advisers(for grant: AccessGrant) async throws -> [StoredUser] {
        try await UserQueries(store: store).advisers(organisationID: grant.user.organisationID)
    }

    /// One transaction: the assignment if it changed, and the level of need if it changed (SEND kept as it was).
    public func assign(adviser adviserID: Int64?, tier: CaseloadTier?, need: LevelOfNeed?, on record: RecordForChange, at now: Date) async throws {
        guard record.grant.allows(.assignCaseload) else { throw AccessDenied(permission: .assignCaseload, role: record.grant.role) }
        if let adviserID, try await !advisers(for: record.grant).contains(where: { $0.id == adviserID }) {
            throw Refusal.invalid("adviser: choose one of your organisation's personal advisers.")
        }
        let today = CalendarDate.today(from: now)
        let current = try await bundle(record).need(on: today)
        let (personID, placement) = (record.personID, record.placement)
        // Taking someone off the caseload closes their file with the service: not while other services are still working with them.
        if adviserID == nil, placement.adviserID != nil { try await KnownToDesk.requireNoOpenInvolvements(personID, store: store) }
        try await store.change(by: record.grant.actor, at: now) { tx in
            if adviserID != placement.adviserID || tier?.rawValue != placement.tier {
                try await tx.assignCaseload(of: personID, adviserID: adviserID, tier: adviserID == nil ? nil : tier, since: today)
            }
            if let need, need != current?.levelOfNeed {
                try await tx.recordNeed(
                    NeedAssessment(levelOfNeed: need, hasSEND: current?.hasSEND ?? false, hasSENSupport: current?.hasSENSupport ?? false, validFrom: today),
                    for: personID)
            }
        }
    }

    private func requireVisible(_ sensitivity: SensitivityClass, _ record: RecordForChange) throws {
        guard record.visible.contains(sensitivity) else {
            throw Refusal.forbidden("\(sensitivity.label) is restricted for your role, so you cannot record it. Ask the young person's adviser.")
        }
    }

    private func bundle(_ record: RecordForChange) async throws -> PersonBundle {
        guard let person = try await PersonBundleReader(store: store, registry: registry).person(record.personID, responsibleLA: record.grant.scope.laCode)
        else { throw Self.notFound }
        return person
    }
}
