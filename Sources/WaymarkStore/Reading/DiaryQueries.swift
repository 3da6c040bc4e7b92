import SQLKit
public import WaymarkRecords

/// An adviser's appointments between two instants, earliest first, on the
/// `appointment_user` index (user, start), so a week costs the same in any
/// size of authority.
public struct DiaryQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// Appointments of `userID` starting at or after `from` and before `to` (ISO timestamps, UTC).
    public func appointments(of userID: Int64, from: String, to: String) async throws -> [DiaryAppointment] {
        try await db.select().columns("id", "person_id", "starts_at", "place", "status").from("appointment")
            .where("user_id", .equal, userID)
            .where("starts_at", .greaterThanOrEqual, from)
            .where("starts_at", .lessThan, to)
            .orderBy("starts_at").orderBy("id")
            .all()
            .map { row in
                DiaryAppointment(
                    id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
                    startsAt: try row.decode(column: "starts_at", as: String.self), place: try row.decode(column: "place", as: String?.self),
                    status: try row.decode(column: "status", as: String.self))
            }
    }
}
