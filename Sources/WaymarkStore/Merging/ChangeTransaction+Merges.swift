import Foundation
import SQLKit
public import WaymarkRecords

extension ChangeTransaction {
    /// The tables whose rows belong to one young person and follow them into a merge.
    static let personHistoryTables = [
        "address", "contact_detail", "characteristic", "need_assessment", "intended_destination", "september_guarantee", "activity", "contact",
        "note", "follow_up", "appointment", "person_alias", "contact_preference", "person_flag", "outbox_message", "campaign_member",
        "self_service_answer", "enrolment", "consent_provision", "person_contact", "identity_correction",
        "assessment", "assessment_rating", "action_plan", "plan_goal", "plan_step", "school_fact", "risk_list_change",
        // The team around them: without these, a merged record's open involvements would vanish with it, a file closed while services work with them.
        "referral", "referral_step", "referral_share", "involvement", "lead_professional",
    ]
    // risk_score is derived: the merged record leaves every list (scopes leave merged people out) and the kept one is rescored at the next refresh.

    /// Merges `merged` into `kept`: every history row moves to the kept
    /// person and is listed, the merged person's names become an alias (so
    /// search still finds them), and the merged record stays, marked.
    public func mergePeople(kept: Int64, merged: Int64) async throws -> Int64 {
        guard kept != merged else { throw MergeError.samePerson }
        // Both records are locked first, in id order (PostgreSQL; SQLite has one writer): a second merge
        // of either, asked for meanwhile, waits for this one to commit and then finds it done.
        let rows = try await db.select().columns("id", "merged_into").from("young_person")
            .where("id", .in, [kept, merged]).orderBy("id").for(.update)
            .all()
        for id in [kept, merged] {
            guard let row = try rows.first(where: { try $0.decode(column: "id", as: Int64.self) == id }) else { throw MergeError.notFound(id) }
            if try row.decode(column: "merged_into", as: Int64?.self) != nil { throw MergeError.alreadyMerged(id) }
        }
        let mergeID = try await insertReturningID(into: "person_merge", [("kept_person_id", kept), ("merged_person_id", merged)])
        for table in Self.personHistoryTables {
            let ids = try await db.select().column("id").from(table).where("person_id", .equal, merged).all(decodingColumn: "id", as: Int64.self)
            guard !ids.isEmpty else { continue }
            for chunk in ids.chunked(into: 500) {
                var insert = db.insert(into: "person_merge_row").columns("merge_id", "table_name", "row_id")
                for id in chunk { insert = insert.values(SQLBind(mergeID), SQLBind(table), SQLBind(id)) }
                try await insert.run()
            }
            try await db.update(table).set("person_id", to: kept).where("person_id", .equal, merged).run()
        }
        let names = try await db.select().columns("given_name", "family_name").from("young_person").where("id", .equal, merged).first()
        let aliasID = try await addAlias(
            to: kept, givenName: try names?.decode(column: "given_name", as: String?.self),
            familyName: try names?.decode(column: "family_name", as: String?.self), kind: "merged")
        try await db.update("person_merge").set("alias_id", to: aliasID).where("id", .equal, mergeID).run()
        try await db.update("young_person").set("merged_into", to: kept).where("id", .equal, merged).run()
        try await audit(.merge, entity: "young_person", entityID: kept, personID: kept, detail: "merge \(mergeID): kept")
        try await audit(.merge, entity: "young_person", entityID: merged, personID: merged, detail: "merge \(mergeID): merged into \(kept)")
        return mergeID
    }

    /// Undoes a merge exactly: the rows it moved go back to the merged person
    /// (rows recorded on the kept person since stay there), the alias it added
    /// goes, and the merged person is visible again.
    public func undoMerge(_ mergeID: Int64, by userID: Int64?) async throws -> (kept: Int64, merged: Int64) {
        guard let merge = try await db.select().column("*").from("person_merge").where("id", .equal, mergeID).first() else {
            throw MergeError.notMerge(mergeID)
        }
        guard try merge.decode(column: "undone_at", as: String?.self) == nil else { throw MergeError.alreadyUndone(mergeID) }
        let kept = try merge.decode(column: "kept_person_id", as: Int64.self)
        let merged = try merge.decode(column: "merged_person_id", as: Int64.self)
        let moved = try await db.select().columns("table_name", "row_id").from("person_merge_row").where("merge_id", .equal, mergeID).all()
        var byTable: [String: [Int64]] = [:]
        for row in moved { byTable[try row.decode(column: "table_name", as: String.self), default: []].append(try row.decode(column: "row_id", as: Int64.self)) }
        for (table, ids) in byTable where Self.personHistoryTables.contains(table) {
            for chunk in ids.chunked(into: 500) {
                try await db.update(table).set("person_id", to: merged).where("id", .in, chunk).where("person_id", .equal, kept).run()
            }
        }
        if let aliasID = try merge.decode(column: "alias_id", as: Int64?.self) {
            try await db.delete(from: "person_alias").where("id", .equal, aliasID).run()
        }
        try await PersonNameKeys.refresh(personID: kept, on: db)
        try await PersonNameKeys.refresh(personID: merged, on: db)
        try await db.update("young_person").set("merged_into", to: SQLLiteral.null).where("id", .equal, merged).run()
        try await db.update("person_merge").set("undone_at", to: recordedAt).set("undone_by", to: SQLBind(userID)).where("id", .equal, mergeID).run()
        try await audit(.update, entity: "young_person", entityID: kept, personID: kept, detail: "merge \(mergeID) undone")
        try await audit(.update, entity: "young_person", entityID: merged, personID: merged, detail: "merge \(mergeID) undone: restored")
        return (kept, merged)
    }
}

public struct MergeQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func merge(_ id: Int64) async throws -> StoredMerge? {
        guard let row = try await db.raw("""
            SELECT m.id, m.kept_person_id, m.merged_person_id, m.recorded_at, m.undone_at,
              (SELECT COUNT(*) FROM person_merge_row r WHERE r.merge_id = m.id) AS moved
            FROM person_merge m WHERE m.id = \(bind: id)
            """).first()
        else { return nil }
        return StoredMerge(
            id: try row.decode(column: "id", as: Int64.self), keptPersonID: try row.decode(column: "kept_person_id", as: Int64.self),
            mergedPersonID: try row.decode(column: "merged_person_id", as: Int64.self), movedRows: try row.decode(column: "moved", as: Int.self),
            mergedAt: try row.decode(column: "recorded_at", as: String.self), undoneAt: try row.decode(column: "undone_at", as: String?.self))
    }

    /// Where a merged person's record now lives, for redirecting old links.
    public func keptPerson(for mergedID: Int64) async throws -> Int64? {
        try await db.select().column("merged_into").from("young_person").where("id", .equal, mergedID).first()?
            .decode(column: "merged_into", as: Int64?.self)
    }

    /// The latest merge into a person that has not been undone.
    public func merges(into keptID: Int64) async throws -> [Int64] {
        try await db.select().column("id").from("person_merge").where("kept_person_id", .equal, keptID).where("undone_at", .is, SQLLiteral.null)
            .orderBy("id", .descending).all(decodingColumn: "id", as: Int64.self)
    }
}
