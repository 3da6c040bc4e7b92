import Foundation
import SQLKit
import WaymarkCore
import WaymarkRecords

/// Fills the school history (M018) from what records already held, a batch
/// of people at a time:
///
/// - the school a record was made with (`young_person.school_id`), which
///   was the Year 11 school (see ``rolls(_:_:)``);
/// - every activity at a school, college or provider (its organisation, or
///   the one its UKPRN or DfE number names), with the same periods as new
///   activities get (``ActivityEnrolment``).
struct EnrolmentBackfill {
    let db: any SQLDatabase
    static let source = "migration:018"
    static let peoplePerBatch = 2_000

    func run() async throws {
        let places = try await Places.load(db)
        let provenance: [(any Encodable & Sendable)?] = [Self.source, nil as Int64?, Timestamp.format(Date())]
        var after: Int64 = 0
        while true {
            let people = try await db.raw("""
                SELECT id, date_of_birth, school_id, recorded_at FROM young_person
                WHERE id > \(bind: after) ORDER BY id LIMIT \(literal: Self.peoplePerBatch)
                """).all()
            guard let lastRow = people.last else { return }
            let last = try lastRow.decode(column: "id", as: Int64.self)
            var rows: [(personID: Int64, enrolment: NewEnrolment)] = []
            for person in people { rows += try Self.rolls(person, places) }
            rows += try await activitySpells(from: after + 1, through: last, places)
            try await EnrolmentColumns.insert(rows, provenance: provenance, on: db)
            after = last
        }
    }

    /// The school a record was made with was its Year 11 school: a Year 11
    /// roll when the record was made in Year 11 or later; made before, the
    /// roll of that academic year in the year group the date of birth gives,
    /// as an import that day would have written (the next file says more).
    static func rolls(_ person: any SQLRow, _ places: Places) throws -> [(personID: Int64, enrolment: NewEnrolment)] {
        let id = try person.decode(column: "id", as: Int64.self)
        guard let school = try person.decode(column: "school_id", as: Int64?.self), let kind = places.kinds[school], kind == .schoolRoll,
            let born = try? CalendarDate(iso: try person.decode(column: "date_of_birth", as: String.self)),
            let made = try? CalendarDate(iso: String(try person.decode(column: "recorded_at", as: String.self).prefix(10)))
        else { return [] }
        let year11 = AcademicAge.academicYear(ofYearGroup: 11, dateOfBirth: born)
        if made >= year11.firstDay {
            return [(id, NewEnrolment(organisationID: school, kind: kind, yearGroup: 11, from: year11.firstDay, to: year11.lastDay))]
        }
        return [(id, .onRoll(of: school, kind: kind, yearGroup: AcademicAge.yearGroup(dateOfBirth: born, on: made), reportedOn: made))]
    }

    private func activitySpells(from first: Int64, through last: Int64, _ places: Places) async throws -> [(personID: Int64, enrolment: NewEnrolment)] {
        let rows = try await db.raw("""
            SELECT person_id, code, start_date, predicted_end_date, organisation_id, ukprn, establishment_number FROM activity
            WHERE person_id BETWEEN \(bind: first) AND \(bind: last) ORDER BY person_id, start_date, id
            """).all()
        var spells: [(personID: Int64, enrolment: NewEnrolment)] = []
        var person: Int64?
        var activities: [(code: ActivityCode?, organisation: Int64?, start: CalendarDate, predictedEnd: CalendarDate?)] = []
        func flush() {
            guard let person else { return }
            let periods = ActivityEnrolment.periods(activities.map { ($0.start, $0.predictedEnd) })
            for (activity, period) in zip(activities, periods) {
                guard let code = activity.code, EnrolmentKind.enrols(code), let organisation = activity.organisation,
                    let kind = places.kinds[organisation]
                else { continue }
                spells.append((person, NewEnrolment(organisationID: organisation, kind: kind, from: period.from, to: period.to, basis: .activity)))
            }
            activities = []
        }
        for row in rows {
            let id = try row.decode(column: "person_id", as: Int64.self)
            if id != person {
                flush()
                person = id
            }
            // A start that cannot be read cannot order the history; the return's checks report it.
            guard let start = try? CalendarDate(iso: try row.decode(column: "start_date", as: String.self)) else { continue }
            let organisation = try row.decode(column: "organisation_id", as: Int64?.self)
                ?? places.named(ukprn: try row.decode(column: "ukprn", as: String?.self),
                                number: try row.decode(column: "establishment_number", as: String?.self))
            activities.append((
                ActivityCode(rawValue: try row.decode(column: "code", as: Int.self)), organisation, start,
                try row.decode(column: "predicted_end_date", as: String?.self).flatMap { try? CalendarDate(iso: $0) }))
        }
        flush()
        return spells
    }

    /// The organisations that enrol, by id, and ids by UKPRN and DfE number where only one organisation has it.
    struct Places {
        var kinds: [Int64: EnrolmentKind] = [:]
        var byUKPRN: [String: Int64?] = [:]
        var byNumber: [String: Int64?] = [:]

        static func load(_ db: any SQLDatabase) async throws -> Places {
            var places = Places()
            for row in try await db.select().columns("id", "kind", "ukprn", "establishment_number").from("organisation").all() {
                let id = try row.decode(column: "id", as: Int64.self)
                if let kind = OrganisationKind(rawValue: try row.decode(column: "kind", as: String.self)).flatMap(EnrolmentKind.init(organisation:)) {
                    places.kinds[id] = kind
                }
                if let ukprn = try row.decode(column: "ukprn", as: String?.self) { Self.add(id, as: ukprn, to: &places.byUKPRN) }
                if let number = try row.decode(column: "establishment_number", as: String?.self) { Self.add(id, as: number, to: &places.byNumber) }
            }
            return places
        }

        /// A reference two organisations share names neither.
        private static func add(_ id: Int64, as reference: String, to table: inout [String: Int64?]) {
            table[reference] = table.keys.contains(reference) ? Int64?.none : Int64?.some(id)
        }

        func named(ukprn: String?, number: String?) -> Int64? {
            if let ukprn, let id = byUKPRN[ukprn] ?? nil { return id }
            if let number, let id = byNumber[number] ?? nil { return id }
            return nil
        }
    }
}
