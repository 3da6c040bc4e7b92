import SQLKit
public import WaymarkCore

extension ChangeTransaction {
    /// Ends every stay of `personID` at `organisation` still open on
    /// `lastDay` (a college saying a student left early); returns how many.
    @discardableResult
    public func endStays(of personID: Int64, at organisation: Int64, lastDay: CalendarDate) async throws -> Int {
        let open = try await StoredEnrolment.all(of: personID, on: db).filter {
            $0.organisationID == organisation && $0.from <= lastDay && ($0.to.map { $0 > lastDay } ?? true)
        }
        for stay in open {
            try await db.update("enrolment").set("to_date", to: lastDay.iso).where("id", .equal, stay.id).run()
            try await audit(.update, entity: "enrolment", entityID: stay.id, personID: personID, detail: "ended; left early")
        }
        return open.count
    }
}
