public import Foundation
public import WaymarkCore
import WaymarkFormats
import WaymarkRecords
import WaymarkStore

/// What schools and colleges tell the LA through the portal. Each post is a
/// fact on the young person's record whose source names the organisation
/// (``Actor/portal(user:organisation:)``), written with its audit event in
/// one transaction, for someone in the poster's reach only.
extension PortalDesk {
    /// Records a Year 11 pupil's intended destination, as the school says it.
    public func postIntendedDestination(_ code: IntendedDestination, for grant: AccessGrant, person: Int64, at now: Date) async throws {
        let organisation = try await poster(grant, person)
        let today = CalendarDate.today(from: now)
        guard try await PortalQueries(store: store).pupil(person, in: grant.scope)?.academicAge == 15 else {
            throw Refusal.conflict("An intended destination is the plan of a pupil in Year 11; this young person is not in Year 11.")
        }
        try await store.change(by: .portal(user: grant.user.id, organisation: organisation.id), at: now) { tx in
            try await tx.recordIntendedDestination(IntendedDestinationRecord(code: code, recordedOn: today), for: person)
        }
    }

    /// Records a September Guarantee status (an offer made, or why not) for
    /// this academic year, in the year group the young person's age puts them in.
    public func postOffer(_ status: GuaranteeStatus, for grant: AccessGrant, person: Int64, at now: Date) async throws {
        let organisation = try await poster(grant, person)
        guard let pupil = try await PortalQueries(store: store).pupil(person, in: grant.scope),
            let year = Self.guaranteeYear(academicAge: pupil.academicAge)
        else {
            throw Refusal.conflict("The September Guarantee covers Year 11 and Year 12; this young person is at neither age, so no offer can be recorded.")
        }
        let guarantee = GuaranteeRecord(year: year, academicYear: AcademicYear(containing: CalendarDate.today(from: now)), status: status, laCode: laCode)
        guard guarantee.violations().isEmpty else {
            throw Refusal.invalid("\(status.meaning) is for Year 12 only; this young person is in Year \(year.rawValue).")
        }
        try await store.change(by: .portal(user: grant.user.id, organisation: organisation.id), at: now) { tx in
            try await tx.recordGuarantee(guarantee, for: person)
        }
    }

    /// A concern that a pupil is at risk of becoming NEET: a follow-up for
    /// their adviser (or, with none, for the tracking team), due within a
    /// week, saying who raised it and why.
    public func raiseConcern(_ concern: PortalConcern, for grant: AccessGrant, person: Int64, at now: Date) async throws {
        let organisation = try await poster(grant, person)
        guard let placement = try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) else { throw Self.noSuchPupil }
        let due = CalendarDate.today(from: now).adding(days: Self.concernDays)
        let followUp = NewFollowUp(
            dueOn: due, description: "At risk of NEET, raised by \(organisation.name) through the portal: \(concern.label)",
            assignedUserID: placement.adviserID)
        try await store.change(by: .portal(user: grant.user.id, organisation: organisation.id), at: now) { tx in
            try await tx.addFollowUp(followUp, for: person)
        }
    }

    /// Days an adviser has to act on a concern a school raised.
    static let concernDays = 5

    /// A college or provider says a student has left: their stay ends today
    /// and their activity becomes "not known" (810) from today, so the
    /// tracking queue has them the same day (the participation position is
    /// recomputed in the same transaction). Only for someone on its books now.
    public func markLeftEarly(for grant: AccessGrant, person: Int64, at now: Date) async throws {
        let organisation = try await poster(grant, person)
        guard EnrolmentKind(organisation: organisation.kind) != .schoolRoll else {
            throw Refusal.forbidden("Marking an early leaver is for colleges and training providers; a school's leavers come from its roll.")
        }
        let today = CalendarDate.today(from: now)
        guard try await onBooks(person, at: organisation, today: today) else {
            throw Refusal.conflict("\(organisation.name) does not have this young person on its books today, so they cannot be marked as having left it.")
        }
        try await store.change(by: .portal(user: grant.user.id, organisation: organisation.id), at: now) { tx in
            try await tx.recordActivity(ActivityRecord(code: .notKnown, startDate: today, dateAscertained: today), for: person)
            try await tx.endStays(of: person, at: organisation.id, lastDay: today)
        }
    }

    /// A school's Year 11 list with intended destinations, as CSV or .xlsx,
    /// through the same reading, matching and writing as every import; each
    /// row is taken as this school's, whatever school it names.
    public func uploadIntendedDestinations(data: Data, fileName: String, for grant: AccessGrant, at now: Date) async throws -> PortalUploadOutcome {
        try grant.require(.postPupilInformation)
        let organisation = try await establishment(of: grant)
        guard EnrolmentKind(organisation: organisation.kind) == .schoolRoll else {
            throw Refusal.forbidden("The Year 11 list is for schools.")
        }
        guard let format = ImportFormat(fileName: fileName), format != .ctf else {
            throw Refusal.invalid("\(fileName): choose a .csv or .xlsx file.")
        }
        let reading: ImportReading
        do {
            reading = try ImportReader.read(data, format: format, kind: .year11List)
        } catch {
            return PortalUploadOutcome(problems: ["\(fileName): \(error). Nothing was recorded."], summary: nil)
        }
        guard reading.isClean else { return PortalUploadOutcome(problems: reading.problems.prefix(200).map(\.description), summary: nil) }
        let number = try await OrganisationQueries(store: store).establishmentNumber(of: organisation.id)
        let ownSchool = ImportEstablishment(number: number, name: organisation.name)
        let rows = reading.rows.map { row in
            guard case .intendedDestination(let destination, _) = row.event else { return row }
            return ImportRow(
                row: row.row, identity: row.identity, event: .intendedDestination(destination, school: ownSchool), raw: Self.owned(row.raw, by: ownSchool))
        }
        let owned = ImportReading(kind: reading.kind, rows: rows, problems: [], rowsRead: reading.rowsRead)
        let summary = try await ImportRunner(store: store, laCode: laCode).run(
            owned, fileName: fileName, data: data, actor: .portal(user: grant.user.id, organisation: organisation.id), now: now)
        return PortalUploadOutcome(problems: [], summary: summary)
    }

    /// A row's cells with the school columns saying the uploader's school,
    /// so a row queued for review is re-read (``ImportExceptionDesk``) as theirs too.
    static func owned(_ raw: [ImportRawCell], by school: ImportEstablishment) -> [ImportRawCell] {
        let replaced: [(ImportField, String?)] = [(.establishmentNumber, school.number), (.establishmentName, school.name)]
        var cells = raw.filter { cell in !replaced.contains { $0.0 == cell.field } }
        for (field, value) in replaced {
            if let value { cells.append(ImportRawCell(header: field.rawValue, field: field, value: value)) }
        }
        return cells
    }

    /// The poster's organisation, once they may post and the young person is in their reach.
    func poster(_ grant: AccessGrant, _ person: Int64) async throws -> StoredOrganisation {
        try grant.require(.postPupilInformation)
        let organisation = try await establishment(of: grant)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil else { throw Self.noSuchPupil }
        return organisation
    }
}
