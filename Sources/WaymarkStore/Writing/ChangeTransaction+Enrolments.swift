import SQLKit
public import WaymarkCore

extension ChangeTransaction {
    /// Adds a spell to the school history. A spell the history already has
    /// (same organisation, kind and year group, overlapping) is not added
    /// again: a file read again, or one dated before a move the history has
    /// since learnt of, tells nothing new. Joining another school's roll, or
    /// moving up a year group in this one, ends the earlier roll the day
    /// before. Returns the new row's id, or nil when nothing new was learnt.
    @discardableResult
    public func recordEnrolment(_ enrolment: NewEnrolment, for personID: Int64) async throws -> Int64? {
        let violations = enrolment.violations()
        guard violations.isEmpty else { throw ValidationFailure(violations) }
        let history = try await StoredEnrolment.all(of: personID, on: db)
        guard !history.contains(where: {
            $0.organisationID == enrolment.organisationID && $0.kind == enrolment.kind && $0.yearGroup == enrolment.yearGroup && enrolment.overlaps($0)
        }) else { return nil }
        if enrolment.kind == .schoolRoll {
            for row in history where row.kind == .schoolRoll && row.from <= enrolment.from && (row.to.map { $0 >= enrolment.from } ?? true)
                && (row.organisationID != enrolment.organisationID || (row.basis == .roll && row.yearGroup != enrolment.yearGroup))
            {
                try await end(row, lastDay: enrolment.from.adding(days: -1))
            }
        }
        return try await insertEnrolment(enrolment, for: personID)
    }

    /// What a newly recorded activity means for the school history: it ends
    /// every spell an earlier activity began (the current activity is the one
    /// that started last), and an education, training or employment-with-
    /// training activity at a school, college or provider is a spell there,
    /// until its predicted end or the next activity.
    func followActivity(_ activity: ActivityRecord, for personID: Int64, at organisationID: Int64?) async throws {
        let start = activity.startDate
        for row in try await StoredEnrolment.all(of: personID, on: db)
        where row.basis == .activity && row.from <= start && (row.to.map { $0 >= start } ?? true) {
            try await end(row, lastDay: start.adding(days: -1))
        }
        guard let organisationID, EnrolmentKind.enrols(activity.code),
            let kindText = try await db.select().column("kind").from("organisation").where("id", .equal, organisationID)
                .first(decodingColumn: "kind", as: String.self),
            let organisationKind = OrganisationKind(rawValue: kindText), let kind = EnrolmentKind(organisation: organisationKind)
        else { return }
        let next = try await db.select().column(SQLFunction("MIN", args: SQLIdentifier("start_date")), as: "next").from("activity")
            .where("person_id", .equal, personID).where("start_date", .greaterThan, start.iso)
            .first(decodingColumn: "next", as: String?.self).flatMap { $0 }.flatMap { try? CalendarDate(iso: $0) }
        let period = ActivityEnrolment.period(start: start, predictedEnd: activity.predictedEndDate, nextStart: next)
        try await insertEnrolment(
            NewEnrolment(organisationID: organisationID, kind: kind, from: period.from, to: period.to, basis: .activity), for: personID)
    }

    /// The organisation an activity names, when the caller did not say: the
    /// one organisation with its UKPRN, else with its DfE number.
    func organisation(named activity: ActivityRecord) async throws -> Int64? {
        for (column, value) in [("ukprn", activity.ukprn), ("establishment_number", activity.establishmentNumber)] {
            guard let value, !value.isEmpty else { continue }
            let ids = try await db.select().column("id").from("organisation").where(SQLIdentifier(column), .equal, SQLBind(value)).limit(2)
                .all(decodingColumn: "id", as: Int64.self)
            if ids.count == 1 { return ids[0] }
        }
        return nil
    }

    private func insertEnrolment(_ enrolment: NewEnrolment, for personID: Int64) async throws -> Int64 {
        let id = try await insertReturningID(into: "enrolment", Array(zip(EnrolmentColumns.names, EnrolmentColumns.values(enrolment, personID: personID))))
        try await audit(.create, entity: "enrolment", entityID: id, personID: personID,
                        detail: "organisation=\(enrolment.organisationID) kind=\(enrolment.kind.rawValue) basis=\(enrolment.basis.rawValue)")
        return id
    }

    /// Ends a spell on `lastDay`, or on the day it began if that is earlier (a spell is never shorter than a day).
    private func end(_ row: StoredEnrolment, lastDay: CalendarDate) async throws {
        try await db.update("enrolment").set("to_date", to: max(row.from, lastDay).iso).where("id", .equal, row.id).run()
        try await audit(.update, entity: "enrolment", entityID: row.id, personID: row.personID, detail: "ended")
    }
}
