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

/// One record to erase: its id and the tombstone the audit keeps.
public struct RecordToErase: Sendable {
    public let id: Int64
    public let tombstone: RetentionTombstone

    public init(id: Int64, tombstone: RetentionTombstone) {
        self.id = id
        self.tombstone = tombstone
    }
}

/// One record to keep without identity: the date of birth it keeps (same
/// academic age) and the tombstone, whose `anonymised` classes stay.
public struct RecordToAnonymise: Sendable {
    public let id: Int64
    public let dateOfBirth: CalendarDate
    public let tombstone: RetentionTombstone

    public init(id: Int64, dateOfBirth: CalendarDate, tombstone: RetentionTombstone) {
        self.id = id
        self.dateOfBirth = dateOfBirth
        self.tombstone = tombstone
    }
}

extension ChangeTransaction {
    /// Deletes young people's records and everything held about them, and any
    /// record merged into them, each leaving its tombstone in the audit. The
    /// audit trail itself is not touched: its rows hold ids and codes, not
    /// personal data. Statements name every record at once (a retention run
    /// erases hundreds per transaction); each record is wholly erased or, if
    /// the transaction fails, wholly untouched.
    public func erasePeople(_ records: [RecordToErase]) async throws {
        guard !records.isEmpty else { return }
        let ids = records.map(\.id)
        let shells = try await mergedShells(of: ids)
        let everyone = ids + shells
        try await removeHandling(of: everyone)
        for table in PersonTables.all {
            try await deleteRows(from: table.name, of: everyone)
        }
        try await deleteRows(from: "person_name_key", of: everyone)
        try await deleteRows(from: "participation_position", of: everyone)
        try await deletePeople(shells)
        try await deletePeople(ids)
        for record in records {
            try await audit(.erase, entity: "young_person", entityID: record.id, personID: record.id, detail: record.tombstone.detail)
        }
    }

    /// Keeps young people's records for statistics without identity: names,
    /// numbers, adviser and contact details go, the date of birth becomes the
    /// record's `dateOfBirth`, and only rows of its `anonymised` classes stay.
    public func anonymisePeople(_ records: [RecordToAnonymise], on day: CalendarDate) async throws {
        for group in Dictionary(grouping: records, by: \.tombstone.anonymised).values {
            let ids = group.map(\.id)
            let shells = try await mergedShells(of: ids)
            let everyone = ids + shells
            let kept = group[0].tombstone.anonymised
            try await removeHandling(of: everyone)
            let keptTables = PersonTables.kept(by: kept)
            for table in PersonTables.all {
                if table.name == "characteristic" {
                    let codes = PersonTables.characteristicCodes(in: kept)
                    for chunk in everyone.chunked(into: Self.idsPerStatement) {
                        var delete = db.delete(from: table.name).where("person_id", .in, chunk)
                        if !codes.isEmpty { delete = delete.where("code", .notIn, codes) }
                        try await delete.run()
                    }
                } else if !keptTables.contains(table.name) {
                    try await deleteRows(from: table.name, of: everyone)
                } else {
                    try await deleteRows(from: table.name, of: shells)
                }
            }
            try await deleteRows(from: "person_name_key", of: everyone)
            try await deleteRows(from: "participation_position", of: shells)
            try await deletePeople(shells)
            for (dateOfBirth, same) in Dictionary(grouping: group, by: \.dateOfBirth) {
                for chunk in same.map(\.id).chunked(into: Self.idsPerStatement) {
                    try await db.update("young_person")
                        .set("given_name", to: "").set("middle_names", to: SQLLiteral.null).set("family_name", to: "")
                        .set("preferred_name", to: SQLLiteral.null).set("date_of_birth", to: dateOfBirth.iso)
                        .set("upn", to: SQLLiteral.null).set("uln", to: SQLLiteral.null).set("pa_user_id", to: SQLLiteral.null)
                        .set("tier", to: SQLLiteral.null).set("caseload_since", to: SQLLiteral.null).set("last_verified_at", to: SQLLiteral.null)
                        .set("anonymised_on", to: day.iso)
                        .where("id", .in, chunk)
                        .run()
                }
            }
        }
        for record in records.sorted(by: { $0.id < $1.id }) {
            try await audit(.anonymise, entity: "young_person", entityID: record.id, personID: record.id, detail: record.tombstone.detail)
        }
    }

    /// Ids bound in one statement: well inside both engines' limits.
    static let idsPerStatement = 500

    private func deleteRows(from table: String, of people: [Int64]) async throws {
        for chunk in people.chunked(into: Self.idsPerStatement) {
            try await db.delete(from: table).where("person_id", .in, chunk).run()
        }
    }

    private func deletePeople(_ people: [Int64]) async throws {
        for chunk in people.chunked(into: Self.idsPerStatement) {
            try await db.delete(from: "young_person").where("id", .in, chunk).run()
        }
    }

    /// Records merged into these people (their histories already moved to the
    /// kept record; the shells go with it).
    private func mergedShells(of people: [Int64]) async throws -> [Int64] {
        var shells: [Int64] = []
        for chunk in people.chunked(into: Self.idsPerStatement) {
            shells += try await db.select().column("id").from("young_person").where("merged_into", .in, chunk)
                .all(decodingColumn: "id", as: Int64.self)
        }
        return shells.sorted()
    }

    /// Rows that refer to the people without belonging to one table of theirs:
    /// merges (an undo needs both records), suspected duplicates and the
    /// import rows that pointed at them (kept, without the person).
    private func removeHandling(of people: [Int64]) async throws {
        for chunk in people.chunked(into: Self.idsPerStatement) {
            let merges = try await db.select().column("id").from("person_merge")
                .where { $0.where("kept_person_id", .in, chunk).orWhere("merged_person_id", .in, chunk) }
                .all(decodingColumn: "id", as: Int64.self)
            if !merges.isEmpty {
                try await db.delete(from: "person_merge_row").where("merge_id", .in, merges).run()
                try await db.delete(from: "person_merge").where("id", .in, merges).run()
            }
            let exceptions = try await db.select().column("id").from("match_exception")
                .where { $0.where("person_id", .in, chunk).orWhere("other_person_id", .in, chunk) }
                .all(decodingColumn: "id", as: Int64.self)
            try await db.update("import_row").set("person_id", to: SQLLiteral.null).where("person_id", .in, chunk).run()
            if !exceptions.isEmpty {
                try await db.update("import_row").set("exception_id", to: SQLLiteral.null).where("exception_id", .in, exceptions).run()
                try await db.delete(from: "match_exception").where("id", .in, exceptions).run()
            }
        }
    }
}
