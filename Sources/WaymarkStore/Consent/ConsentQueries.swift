public import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Reads consent provisions, the data-flow register and overrides in force.
public struct ConsentQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    /// Every provision of one young person, withdrawn ones included, newest first.
    public func provisions(of personID: Int64) async throws -> [RecordedConsent] {
        try await db.select()
            .columns(ConsentRow.columns.map { SQLColumn($0, table: "c") })
            .column(SQLColumn("display_name", table: "r"), as: "recorder").column(SQLColumn("display_name", table: "w"), as: "withdrawer")
            .from(SQLAlias(SQLIdentifier("consent_provision"), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier("app_user"), as: SQLIdentifier("r")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "r"), .equal, SQLColumn("recorded_by", table: "c"))
            .join(SQLAlias(SQLIdentifier("app_user"), as: SQLIdentifier("w")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "w"), .equal, SQLColumn("withdrawn_by", table: "c"))
            .where(SQLColumn("person_id", table: "c"), .equal, SQLBind(personID))
            .orderBy(SQLColumn("id", table: "c"), SQLDirection.descending)
            .all()
            .map { row in
                RecordedConsent(
                    provision: try ConsentRow.decode(row), recordedBy: try row.decode(column: "recorder", as: String?.self),
                    withdrawnBy: try row.decode(column: "withdrawer", as: String?.self))
            }
    }

    /// The provisions that can still apply (not withdrawn), for deciding a share: one indexed read.
    public func standing(of personID: Int64) async throws -> [ConsentProvision] {
        try await db.select().columns(ConsentRow.columns).from("consent_provision")
            .where("person_id", .equal, SQLBind(personID)).where("withdrawn_at", .is, SQLLiteral.null)
            .all().map(ConsentRow.decode)
    }

    /// The standing provisions of many young people at once (a list page), by person: one read per 500 people.
    public func standing(of people: [Int64]) async throws -> [Int64: [ConsentProvision]] {
        var found: [Int64: [ConsentProvision]] = [:]
        for chunk in people.chunked(into: 500) where !chunk.isEmpty {
            for row in try await db.select().columns(ConsentRow.columns).from("consent_provision")
                .where("person_id", .in, chunk).where("withdrawn_at", .is, SQLLiteral.null).all()
            {
                found[try row.decode(column: "person_id", as: Int64.self), default: []].append(try ConsentRow.decode(row))
            }
        }
        return found
    }

    /// Overrides in force at `now` on many young people at once, by person.
    public func overrides(of people: [Int64], at now: Date) async throws -> [Int64: [ShareOverride]] {
        let stamp = Timestamp.format(now)
        var found: [Int64: [ShareOverride]] = [:]
        for chunk in people.chunked(into: 500) where !chunk.isEmpty {
            for row in try await db.select().columns("id", "person_id", "flow_key", "recipient_organisation_id", "classes", "granted_at", "expires_at")
                .from("share_override").where("person_id", .in, chunk)
                .where("granted_at", .lessThanOrEqual, SQLBind(stamp)).where("expires_at", .greaterThan, SQLBind(stamp)).all()
            {
                found[try row.decode(column: "person_id", as: Int64.self), default: []].append(try Self.override(row))
            }
        }
        return found
    }

    /// The register, outgoing flows first, then by name.
    public func flows() async throws -> [DataFlow] {
        try await db.select().columns(Self.flowColumns).from("data_flow").orderBy("direction", .descending).orderBy("name").all()
            .map(DataFlowRow.decode)
    }

    public func flow(_ key: String) async throws -> DataFlow? {
        try await db.select().columns(Self.flowColumns).from("data_flow").where("flow_key", .equal, SQLBind(key)).first().map(DataFlowRow.decode)
    }

    static let flowColumns = [
        "flow_key", "name", "direction", "counterpart", "purpose", "article6", "article9", "schedule1", "statutory_gateway",
        "agreement_reference", "review_due", "carries", "consent_required",
    ]

    /// Overrides on one young person in force at `now`.
    public func overrides(of personID: Int64, at now: Date) async throws -> [ShareOverride] {
        let stamp = Timestamp.format(now)
        return try await db.select().columns("id", "flow_key", "recipient_organisation_id", "classes", "granted_at", "expires_at").from("share_override")
            .where("person_id", .equal, SQLBind(personID))
            .where("granted_at", .lessThanOrEqual, SQLBind(stamp)).where("expires_at", .greaterThan, SQLBind(stamp))
            .all()
            .map(Self.override)
    }

    static func override(_ row: any SQLRow) throws -> ShareOverride {
        ShareOverride(
            id: try row.decode(column: "id", as: Int64.self), flowKey: try row.decode(column: "flow_key", as: String.self),
            recipientID: try row.decode(column: "recipient_organisation_id", as: Int64?.self),
            classes: try SensitivityClassList.decode(try row.decode(column: "classes", as: String.self), table: "share_override"),
            grantedAt: try BreakGlassQueries.instant(row, "granted_at"), expiresAt: try BreakGlassQueries.instant(row, "expires_at"))
    }

    /// The schools, colleges and providers in a young person's school history,
    /// for choosing the recipient of a provision or an override.
    public func establishments(of personID: Int64) async throws -> [StoredOrganisation] {
        try await db.select().distinct()
            .columns(["id", "kind", "name", "la_code"].map { SQLColumn($0, table: "o") })
            .from(SQLAlias(SQLIdentifier("enrolment"), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier("organisation"), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "e"))
            .where(SQLColumn("person_id", table: "e"), .equal, SQLBind(personID))
            .all().map(OrganisationQueries.decode)
            .sorted { $0.name < $1.name }
    }
}

/// Who has looked at a record: the `view` events about the person, newest first.
public struct RecordVisits: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    public func visits(to personID: Int64, limit: Int) async throws -> [RecordVisit] {
        try await db.select()
            .columns(SQLColumn("occurred_at", table: "e"), SQLColumn("actor", table: "e"), SQLColumn("role", table: "u"))
            .column(SQLColumn("name", table: "o"), as: "organisation")
            .from(SQLAlias(SQLIdentifier("audit_event"), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier("app_user"), as: SQLIdentifier("u")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("actor_user_id", table: "e"))
            .join(SQLAlias(SQLIdentifier("organisation"), as: SQLIdentifier("o")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "u"))
            .where(SQLColumn("person_id", table: "e"), .equal, SQLBind(personID))
            .where(SQLColumn("action", table: "e"), .equal, SQLBind(AuditAction.view.rawValue))
            .orderBy(SQLColumn("id", table: "e"), SQLDirection.descending)
            .limit(limit)
            .all()
            .map { row in
                RecordVisit(
                    at: try BreakGlassQueries.instant(row, "occurred_at"),
                    role: try row.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)),
                    organisation: try row.decode(column: "organisation", as: String?.self), actor: try row.decode(column: "actor", as: String.self))
            }
    }
}
