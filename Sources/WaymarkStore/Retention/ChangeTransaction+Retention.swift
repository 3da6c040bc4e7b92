import Foundation
import SQLKit
public import WaymarkCore

/// What the audit keeps of a record the retention policy took: ids and
/// classes only, never a name, a date or an address.
public struct RetentionTombstone: Sendable, Equatable {
    /// The birthday the record was due on.
    public let dueAge: Int
    /// Classes deleted outright.
    public let erased: Set<SensitivityClass>
    /// Classes kept without identity (empty: the record was deleted).
    public let anonymised: Set<SensitivityClass>

    public init(dueAge: Int, erased: Set<SensitivityClass>, anonymised: Set<SensitivityClass>) {
        self.dueAge = dueAge
        self.erased = erased
        self.anonymised = anonymised
    }

    var detail: String {
        let list = { (classes: Set<SensitivityClass>) in classes.isEmpty ? "none" : classes.sorted().map(\.rawValue).joined(separator: ",") }
        return "retention; due-age=\(dueAge); erased=\(list(erased)); anonymised=\(list(anonymised))"
    }
}

extension ChangeTransaction {
    /// Deletes a young person's record and everything held about them, and
    /// any record merged into it, leaving the audit's tombstone. The audit
    /// trail itself is not touched: its rows hold ids and codes, not personal data.
    public func erasePerson(_ personID: Int64, tombstone: RetentionTombstone) async throws {
        let people = try await withMergedShells(personID)
        try await removeHandling(of: people)
        for table in PersonTables.all {
            try await db.delete(from: table.name).where("person_id", .in, people).run()
        }
        try await db.delete(from: "person_name_key").where("person_id", .in, people).run()
        try await db.delete(from: "participation_position").where("person_id", .in, people).run()
        let shells = people.filter { $0 != personID }
        if !shells.isEmpty { try await db.delete(from: "young_person").where("id", .in, shells).run() }
        try await db.delete(from: "young_person").where("id", .equal, personID).run()
        try await audit(.erase, entity: "young_person", entityID: personID, personID: personID, detail: tombstone.detail)
    }

    /// Keeps a young person's record for statistics without identity: names,
    /// numbers, adviser and contact details go, the date of birth becomes
    /// `dateOfBirth` (same academic age), and only rows of `keeping` stay.
    public func anonymisePerson(_ personID: Int64, dateOfBirth: CalendarDate, on day: CalendarDate, tombstone: RetentionTombstone) async throws {
        let people = try await withMergedShells(personID)
        let shells = people.filter { $0 != personID }
        try await removeHandling(of: people)
        let kept = PersonTables.kept(by: tombstone.anonymised)
        for table in PersonTables.all {
            if table.name == "characteristic" {
                var delete = db.delete(from: table.name).where("person_id", .in, people)
                let codes = PersonTables.characteristicCodes(in: tombstone.anonymised)
                if !codes.isEmpty { delete = delete.where("code", .notIn, codes) }
                try await delete.run()
            } else if !kept.contains(table.name) {
                try await db.delete(from: table.name).where("person_id", .in, people).run()
            } else if !shells.isEmpty {
                try await db.delete(from: table.name).where("person_id", .in, shells).run()
            }
        }
        try await db.delete(from: "person_name_key").where("person_id", .in, people).run()
        if !shells.isEmpty {
            try await db.delete(from: "participation_position").where("person_id", .in, shells).run()
            try await db.delete(from: "young_person").where("id", .in, shells).run()
        }
        try await db.update("young_person")
            .set("given_name", to: "").set("middle_names", to: SQLLiteral.null).set("family_name", to: "").set("preferred_name", to: SQLLiteral.null)
            .set("date_of_birth", to: dateOfBirth.iso).set("upn", to: SQLLiteral.null).set("uln", to: SQLLiteral.null)
            .set("pa_user_id", to: SQLLiteral.null).set("tier", to: SQLLiteral.null).set("caseload_since", to: SQLLiteral.null)
            .set("last_verified_at", to: SQLLiteral.null).set("anonymised_on", to: day.iso)
            .where("id", .equal, personID)
            .run()
        try await audit(.anonymise, entity: "young_person", entityID: personID, personID: personID, detail: tombstone.detail)
    }

    /// The person and any records merged into them (their histories already
    /// moved to the kept record; the shells go with it).
    private func withMergedShells(_ personID: Int64) async throws -> [Int64] {
        let shells = try await db.select().column("id").from("young_person").where("merged_into", .equal, personID)
            .all(decodingColumn: "id", as: Int64.self)
        return [personID] + shells.sorted()
    }

    /// Rows that refer to the people without belonging to one table of theirs:
    /// merges (an undo needs both records), suspected duplicates and the
    /// import rows that pointed at them (kept, without the person).
    private func removeHandling(of people: [Int64]) async throws {
        let merges = try await db.select().column("id").from("person_merge")
            .where { $0.where("kept_person_id", .in, people).orWhere("merged_person_id", .in, people) }
            .all(decodingColumn: "id", as: Int64.self)
        if !merges.isEmpty {
            try await db.delete(from: "person_merge_row").where("merge_id", .in, merges).run()
            try await db.delete(from: "person_merge").where("id", .in, merges).run()
        }
        let exceptions = try await db.select().column("id").from("match_exception")
            .where { $0.where("person_id", .in, people).orWhere("other_person_id", .in, people) }
            .all(decodingColumn: "id", as: Int64.self)
        try await db.update("import_row").set("person_id", to: SQLLiteral.null).where("person_id", .in, people).run()
        if !exceptions.isEmpty {
            try await db.update("import_row").set("exception_id", to: SQLLiteral.null).where("exception_id", .in, exceptions).run()
            try await db.delete(from: "match_exception").where("id", .in, exceptions).run()
        }
    }
}
