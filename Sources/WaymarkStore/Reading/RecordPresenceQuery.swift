import SQLKit

/// Which of a record's optional parts exist, asked in one statement. Most
/// young people have no appointments, open follow-ups, assessments, plan or
/// broken glass, and asking each table in turn was six of a record page's
/// eighteen statements, each a trip through the pool whatever it found.
public struct RecordPresence: Sendable, Equatable {
    public var contacts: Bool
    public var openFollowUps: Bool
    public var appointments: Bool
    public var assessments: Bool
    /// A plan agreed, or goals written before it is.
    public var plan: Bool
    /// The viewer holds a break-the-glass grant on this record, current or not.
    public var glassBrokenByViewer: Bool

    /// A record with no casework, not opened by breaking the glass.
    public static let nothing = RecordPresence(
        contacts: false, openFollowUps: false, appointments: false, assessments: false, plan: false, glassBrokenByViewer: false)

    public init(contacts: Bool, openFollowUps: Bool, appointments: Bool, assessments: Bool, plan: Bool, glassBrokenByViewer: Bool) {
        self.contacts = contacts
        self.openFollowUps = openFollowUps
        self.appointments = appointments
        self.assessments = assessments
        self.plan = plan
        self.glassBrokenByViewer = glassBrokenByViewer
    }
}

public struct RecordPresenceQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func presence(of personID: Int64, viewer userID: Int64) async throws -> RecordPresence {
        let rows = try await db.storedRows("""
            SELECT EXISTS (SELECT 1 FROM contact WHERE person_id = \(bind: personID)) AS contacts,
              EXISTS (SELECT 1 FROM follow_up WHERE person_id = \(bind: personID) AND completed_at IS NULL) AS follow_ups,
              EXISTS (SELECT 1 FROM appointment WHERE person_id = \(bind: personID)) AS appointments,
              EXISTS (SELECT 1 FROM assessment WHERE person_id = \(bind: personID)) AS assessments,
              EXISTS (SELECT 1 FROM action_plan WHERE person_id = \(bind: personID))
                OR EXISTS (SELECT 1 FROM plan_goal WHERE person_id = \(bind: personID)) AS plan,
              EXISTS (SELECT 1 FROM break_glass_access WHERE user_id = \(bind: userID) AND person_id = \(bind: personID)) AS glass
            """)
        guard let row = rows.first else { throw StoreError.invalidStoredValue(table: "record", column: "presence", value: "no row") }
        return RecordPresence(
            contacts: try row.bool("contacts") ?? true, openFollowUps: try row.bool("follow_ups") ?? true,
            appointments: try row.bool("appointments") ?? true, assessments: try row.bool("assessments") ?? true,
            plan: try row.bool("plan") ?? true, glassBrokenByViewer: try row.bool("glass") ?? true)
    }
}
