import Foundation
import WaymarkCore
public import WaymarkFormats
import WaymarkRecords
import WaymarkStore

/// Writes one row's outcome inside its chunk's transaction: the change, the
/// new person or the exception, and the row's import marker.
struct ImportRowWriter {
    let tx: ChangeTransaction
    let batchID: Int64
    let laCode: LocalAuthorityCode
    let today: CalendarDate
    /// Organisations by DfE number, for the school a row names.
    let schools: [String: StoredOrganisation]

    func write(_ row: ImportRow, kind: ImportKind, decision: MatchDecision, current: ActivityRecord?, latestDestination: Int?,
               toleranceDays: Int) async throws -> ImportOutcome {
        switch decision {
        case .confident(let personID, let probability):
            let change = ImportChange.decide(row.event, current: current, latestDestination: latestDestination, today: today, toleranceDays: toleranceDays)
            if case .conflict(let reason) = change {
                return try await except(row, kind: kind, personID: personID, probability: probability, explanation: "", reason: reason)
            }
            let changed = try await apply(change, to: personID)
            let enrolled = try await recordRoll(row.event, for: personID)
            let reported = try await recordSchoolFacts(row.event, for: personID)
            let outcome: ImportOutcome = changed || enrolled || reported ? .updated : .unchanged
            try await tx.recordImportRow(batchID: batchID, row: row.row, outcome: outcome, personID: personID, exceptionID: nil)
            return outcome
        case .uncertain(let personID, let probability, let explanation):
            return try await except(row, kind: kind, personID: personID, probability: probability, explanation: explanation,
                                    reason: "not sure this is the same young person")
        case .none:
            guard let person = newPerson(row) else {
                return try await except(row, kind: kind, personID: nil, probability: 0, explanation: "",
                                        reason: ImportRowWriter.leaves(row.event) ? "a leaver nobody on record matches" : "nobody on record matches and the row has no gender to create them with")
            }
            // The national rules on names and identifiers decide whether a record can be made; if not, a person looks.
            let violations = person.violations()
            guard violations.isEmpty else {
                return try await except(row, kind: kind, personID: nil, probability: 0, explanation: "",
                                        reason: "nobody on record matches, and a record cannot be made: " + violations.map(\.description).joined(separator: "; "))
            }
            let personID = try await create(person, from: row, toleranceDays: toleranceDays)
            try await tx.recordImportRow(batchID: batchID, row: row.row, outcome: .created, personID: personID, exceptionID: nil)
            return .created
        }
    }

    /// A new young person from a row, with its address and what the row reports.
    func create(_ person: NewYoungPerson, from row: ImportRow, toleranceDays: Int) async throws -> Int64 {
        let personID = try await tx.createPerson(person)
        if let postcode = row.identity.postcode, !row.identity.addressLines.isEmpty {
            try await tx.addAddress(AddressRecord(lines: row.identity.addressLines, town: nil, county: nil, postcode: postcode, ward: nil, validFrom: today),
                                    for: personID)
        }
        let change = ImportChange.decide(row.event, current: nil, latestDestination: nil, today: today, toleranceDays: toleranceDays)
        if case .conflict = change {} else { _ = try await apply(change, to: personID) }
        _ = try await recordRoll(row.event, for: personID)
        _ = try await recordSchoolFacts(row.event, for: personID)
        return personID
    }

    /// What a CTF says for the risk-of-NEET model (attendance, exclusions,
    /// meals, SEN provision, first language), each fact recorded once: a
    /// file sent again adds nothing. False when nothing was new.
    func recordSchoolFacts(_ event: ImportEvent, for personID: Int64) async throws -> Bool {
        let place: ImportEstablishment
        var facts: [SchoolFact]
        var recorded = false
        switch event {
        case .pupil(let details):
            place = details.school
            facts = details.schoolFacts
            if let language = details.firstLanguage { facts.append(SchoolFact(kind: .firstLanguage, date: today, code: language)) }
            if details.inCare, try await !tx.holdsCurrentCharacteristic(.lookedAfter, for: personID) {
                try await tx.addCharacteristic(CharacteristicRecord(code: .lookedAfter, startDate: today), for: personID)
                recorded = true
            }
        case .census(let census):
            place = census.school
            facts = census.facts
            if census.youngCarer, try await !tx.holdsCurrentCharacteristic(.carerNotOwnChild, for: personID) {
                try await tx.addCharacteristic(CharacteristicRecord(code: .carerNotOwnChild, startDate: census.censusDate), for: personID)
                recorded = true
            }
        default:
            return false
        }
        let school = place.number.flatMap { schools[$0]?.id }
        // The same fact twice in a row (two suspensions on one census day) is two facts; a file sent again adds none.
        var seen: [SchoolFact: Int] = [:]
        for fact in facts {
            seen[fact, default: 0] += 1
            guard try await tx.countSchoolFacts(fact, for: personID) < seen[fact, default: 0] else { continue }
            try await tx.recordSchoolFact(fact, for: personID, organisationID: school)
            recorded = true
        }
        return recorded
    }

    /// A school's Year 11 list or CTF says the pupil is on its roll this
    /// academic year, in Year 11 or the year the CTF gives: the school history
    /// that decides who the school can see. False when the history knew it already.
    func recordRoll(_ event: ImportEvent, for personID: Int64) async throws -> Bool {
        let place: ImportEstablishment
        let yearGroup: Int?
        switch event {
        case .intendedDestination(_, let school): (place, yearGroup) = (school, 11)
        case .pupil(let details): (place, yearGroup) = (details.school, details.nationalCurriculumYear)
        case .census(let census): (place, yearGroup) = (census.school, nil)
        default: return false
        }
        guard let school = place.number.flatMap({ schools[$0] }), let kind = EnrolmentKind(organisation: school.kind) else { return false }
        return try await tx.recordEnrolment(.onRoll(of: school.id, kind: kind, yearGroup: yearGroup, reportedOn: today), for: personID) != nil
    }

    /// Records the change; false when there was nothing to record.
    func apply(_ change: ImportChange, to personID: Int64) async throws -> Bool {
        switch change {
        case .activity(let activity):
            try await tx.recordActivity(activity, for: personID)
            return true
        case .destination(let destination):
            try await tx.recordIntendedDestination(destination, for: personID)
            return true
        case .unchanged, .conflict:
            return false
        }
    }

    private func except(_ row: ImportRow, kind: ImportKind, personID: Int64?, probability: Double, explanation: String, reason: String) async throws -> ImportOutcome {
        let incoming = IncomingRow(batch: batchID, row: row.row, kind: kind.rawValue, reason: reason,
                                   cells: row.raw.map { IncomingRow.Cell(header: $0.header, value: $0.value) })
        let exceptionID = try await tx.queueException(NewMatchException(
            kind: .importRow, personID: personID, otherPersonID: nil, incoming: try incoming.json(), probability: probability, explanation: explanation))
        try await tx.recordImportRow(batchID: batchID, row: row.row, outcome: .excepted, personID: personID, exceptionID: exceptionID)
        return .excepted
    }

    /// A person to create for a row nobody on record matches; nil for leavers (leaving what, if we never had them?) and rows without a gender.
    func newPerson(_ row: ImportRow) -> NewYoungPerson? {
        guard !Self.leaves(row.event), let gender = row.identity.gender else { return nil }
        let identity = row.identity
        var school: Int64?
        if case .intendedDestination(_, let place) = row.event { school = place.number.flatMap { schools[$0]?.id } }
        if case .pupil(let details) = row.event { school = details.school.number.flatMap { schools[$0]?.id } }
        if case .census(let census) = row.event { school = census.school.number.flatMap { schools[$0]?.id } }
        return NewYoungPerson(
            identity: YoungPersonIdentity(
                givenName: identity.givenName, middleNames: identity.middleNames, familyName: identity.familyName, dateOfBirth: identity.dateOfBirth,
                gender: gender, ethnicity: .notObtained, upn: identity.upn, uln: identity.uln),
            cohortStatus: .primary, responsibleLA: laCode, educatedLA: laCode, schoolID: school)
    }

    static func leaves(_ event: ImportEvent) -> Bool {
        switch event {
        case .leaving, .trainingEnd: true
        default: false
        }
    }
}

/// An exception's incoming row as stored: enough to show it beside the candidate and to apply it once a person decides.
public struct IncomingRow: Codable, Sendable, Equatable {
    public struct Cell: Codable, Sendable, Equatable {
        public let header: String
        public let value: String
    }

    public let batch: Int64
    public let row: Int
    public let kind: String
    public let reason: String
    public let cells: [Cell]

    func json() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }

    public static func decode(_ text: String) -> IncomingRow? {
        try? JSONDecoder().decode(IncomingRow.self, from: Data(text.utf8))
    }

    /// The row read again through its template, as one line of CSV under its own headers; nil for a CTF pupil.
    public func reread() -> ImportRow? {
        guard let kind = ImportKind(rawValue: kind), kind != .ctf else { return nil }
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let csv = cells.map { quoted($0.header) }.joined(separator: ",") + "\n" + cells.map { quoted($0.value) }.joined(separator: ",") + "\n"
        return (try? ImportReader.csv(Array(csv.utf8), kind: kind))?.rows.first
    }
}
