import SQLKit

/// One numbered step of the schema. Steps run in order, once, on both engines.
protocol Migration: Sendable {
    /// Position in ``Migrations/all``; never reused or renumbered.
    var version: Int { get }
    var name: String { get }
    func prepare(on database: any SQLDatabase, engine: DatabaseEngine) async throws
}

/// The schema, in order. Append only: a released step never changes.
enum Migrations {
    static let all: [any Migration] = [
        M001Organisations(),
        M002YoungPeople(),
        M003PersonHistory(),
        M004Activities(),
        M005CaseWork(),
        M006AuditTrail(),
        M007Sessions(),
        M008Returns(),
        M009Workspace(),
        M010SearchKeys(),
        M011Campaigns(),
        M012CampaignMembers(),
        M013Merges(),
        M014Imports(),
        M015SignInThrottle(),
        M016AuditChain(),
        M017Jobs(),
        M018Enrolments(),
        M019BreakGlass(),
        M020ParticipationPositions(),
        M021Consent(),
        M022Anonymised(),
        M023FormSubmissions(),
        M024SearchByNameAndArea(),
        M025PersonContacts(),
        M026IdentityCorrections(),
        M027LetterCodes(),
        M028UserInvitations(),
        M029LiveNamesakes(),
        M030AssessmentInstruments(),
        M031Assessments(),
        M032ActionPlans(),
        M035RiskOfNEET(),
        M036FigureTimelines(),
        M037Comparators(),
        M040Wards(),
        M044APIClients(),
        M050Referrals(),
        M051KnownTo(),
        M052ReferralRemindersAndNamedWorkers(),
        M060Transfers(),
        M061KnownElsewhere(),
        M062TransferAcknowledgements(),
    ]
}

/// Column types used across migrations, so both engines agree.
enum Column {
    /// Calendar dates are ISO `YYYY-MM-DD` text: they sort and compare the same on both engines and carry no time zone.
    static let date = SQLDataType.text
    /// Instants are ISO 8601 UTC text (`2026-11-25T09:30:00Z`), for the same reason.
    static let timestamp = SQLDataType.text
    static let id = SQLDataType.bigint
    /// BOOLEAN on both engines (SQLite stores it as 0/1).
    static let bool = SQLDataType.custom(SQLRaw("BOOLEAN"))
}

extension SQLCreateTableBuilder {
    /// An identity primary key: INTEGER PRIMARY KEY on SQLite, BIGINT IDENTITY on PostgreSQL.
    func idColumn() -> Self {
        column("id", type: Column.id, .primaryKey(autoIncrement: true))
    }

    /// The provenance every fact carries: where it came from, who recorded it, when.
    func provenanceColumns() -> Self {
        column("source", type: .text, .notNull)
            .column("recorded_by", type: Column.id, .references("app_user", "id"))
            .column("recorded_at", type: Column.timestamp, .notNull)
    }

    /// A foreign key to the young person, deleted with them (only erasure deletes people).
    func personColumn() -> Self {
        column("person_id", type: Column.id, .notNull, .references("young_person", "id", onDelete: .cascade))
    }
}
