import Foundation
import SQLKit
import Testing
@testable import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Recording and ending an involvement by hand on the known-to register:
/// audited, with provenance, refused by role and by the date rules, and a
/// record whose file the service would close is kept open while it lasts.
@Suite struct InvolvementRecordingTests {
    static let now = ReferralFixture.now
    static let today = ReferralFixture.today

    static func desk(_ f: ReferralFixture) -> KnownToDesk { KnownToDesk(store: f.store, laName: "Northmere") }

    static func entry(_ f: ReferralFixture, role: String? = "Youth justice officer", from: CalendarDate? = today.adding(days: -30)) -> InvolvementEntry {
        InvolvementEntry(organisationID: f.youthJustice, workerName: "  Sam Okoro ", role: role, from: from)
    }

    @Test(arguments: TestDatabases.engines)
    func anAdviserRecordsAnInvolvementWithAWorkerOutsideWaymarkAndEndsIt(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let adviser = try f.grant(.personalAdviser)
            // when
            let id = try await Self.desk(f).recordInvolvement(Self.entry(f), of: f.person, for: adviser, at: Self.now)
            // then it is on the register, open, with the worker's name as typed (trimmed)
            var view = try await Self.desk(f).register(of: f.person, for: adviser, at: Self.now)
            #expect(view.lines.map(\.id) == [id])
            let line = try #require(view.lines.first)
            #expect(line.organisation == "Northmere Youth Justice Service" && line.worker == "Sam Okoro" && line.role == "Youth justice officer")
            #expect(line.from == Self.today.adding(days: -30) && line.to == nil && line.mayEnd)
            // with its provenance, and audited
            let row = try #require(try await f.store.sql.select().columns("source", "recorded_by", "worker_user_id").from("involvement").where("id", .equal, id).first())
            #expect(try row.decode(column: "source", as: String.self) == "user" && row.decode(column: "recorded_by", as: Int64?.self) == adviser.user.id)
            #expect(try row.decode(column: "worker_user_id", as: Int64?.self) == nil)
            #expect(try await f.audits(.create, "involvement").compactMap { $0 } == ["organisation=\(f.youthJustice)"])

            // ended on the day it started is allowed (a one-day involvement)
            try await Self.desk(f).endInvolvement(id, of: f.person, on: Self.today.adding(days: -30), for: adviser, at: Self.now)
            view = try await Self.desk(f).register(of: f.person, for: adviser, at: Self.now)
            #expect(view.lines.first?.to == Self.today.adding(days: -30) && view.lines.first?.mayEnd == false)
            #expect(try await f.audits(.update, "involvement").compactMap { $0 } == ["ended=\(Self.today.adding(days: -30).iso)"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func badInputIsRefusedNamingTheFieldAndNothingIsKept(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let adviser = try f.grant(.personalAdviser)
            let desk = Self.desk(f)
            // by role: managers read the register but do not record on it; partner workers do neither
            await #expect(throws: AccessDenied.self) { try await desk.recordInvolvement(Self.entry(f), of: f.person, for: try f.grant(.manager), at: Self.now) }
            await #expect(throws: AccessDenied.self) { try await desk.recordInvolvement(Self.entry(f), of: f.person, for: f.yot, at: Self.now) }
            await #expect(throws: AccessDenied.self) { try await desk.recordInvolvement(Self.entry(f), of: f.person, for: try f.grant(.careersLeader), at: Self.now) }
            // by field
            await #expect(throws: InvolvementProblems(problems: [InvolvementProblem(.role, "Enter the worker's role")])) {
                try await desk.recordInvolvement(Self.entry(f, role: "  "), of: f.person, for: adviser, at: Self.now)
            }
            await #expect(throws: InvolvementProblems(problems: [InvolvementProblem(.from, "Enter the date the involvement started")])) {
                try await desk.recordInvolvement(Self.entry(f, from: nil), of: f.person, for: adviser, at: Self.now)
            }
            await #expect(throws: InvolvementProblems(problems: [InvolvementProblem(.from, "The date the involvement started must be today or in the past")])) {
                try await desk.recordInvolvement(Self.entry(f, from: Self.today.adding(days: 1)), of: f.person, for: adviser, at: Self.now)
            }
            await #expect(throws: InvolvementProblems(problems: [InvolvementProblem(.role, "The worker's role must be 100 characters or fewer")])) {
                try await desk.recordInvolvement(Self.entry(f, role: String(repeating: "x", count: 101)), of: f.person, for: adviser, at: Self.now)
            }
            let school = try #require(try await OrganisationQueries(store: f.store).all().first { $0.kind == .school })
            await #expect(throws: InvolvementProblems(problems: [InvolvementProblem(.organisation, "Choose the service: one of the partner services listed")])) {
                try await desk.recordInvolvement(InvolvementEntry(organisationID: school.id, workerName: nil, role: "Teacher", from: Self.today), of: f.person,
                                                 for: adviser, at: Self.now)
            }
            // a young person outside the grant's scope is not told apart from one that does not exist
            await #expect(throws: Refusal.self) { try await desk.recordInvolvement(Self.entry(f), of: f.base.otherLA, for: adviser, at: Self.now) }
            // every problem at once, in the form's order
            await #expect(throws: InvolvementProblems(problems: [
                InvolvementProblem(.organisation, "Choose the service: one of the partner services listed"),
                InvolvementProblem(.worker, "The worker's name must be 100 characters or fewer"),
                InvolvementProblem(.role, "Enter the worker's role"), InvolvementProblem(.from, "Enter the date the involvement started"),
            ])) {
                try await desk.recordInvolvement(InvolvementEntry(organisationID: nil, workerName: String(repeating: "y", count: 101), role: nil, from: nil),
                                                 of: f.person, for: adviser, at: Self.now)
            }
            #expect(try await f.count("involvement", where: "person_id", is: f.person) == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func endingIsRefusedBeforeTheStartTwiceForAReferralsInvolvementAndWhenBrokered(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let adviser = try f.grant(.personalAdviser)
            let desk = Self.desk(f)
            let id = try await desk.recordInvolvement(Self.entry(f), of: f.person, for: adviser, at: Self.now)
            // before it started: the rule is named, with the start date
            let start = Self.today.adding(days: -30)
            await #expect(throws: InvolvementProblem(.to, "The date the involvement ended must be the same as or after the date it started (\(KnownToDesk.spoken(start)))")) {
                try await desk.endInvolvement(id, of: f.person, on: start.adding(days: -1), for: adviser, at: Self.now)
            }
            await #expect(throws: InvolvementProblem(.to, "The date the involvement ended must be today or in the past")) {
                try await desk.endInvolvement(id, of: f.person, on: Self.today.adding(days: 1), for: adviser, at: Self.now)
            }
            await #expect(throws: InvolvementProblem(.to, "Enter the date the involvement ended")) {
                try await desk.endInvolvement(id, of: f.person, on: nil, for: adviser, at: Self.now)
            }
            await #expect(throws: InvolvementProblem(.involvement, "Choose the involvement to end: one of those listed")) {
                try await desk.endInvolvement(id + 100, of: f.person, on: Self.today, for: adviser, at: Self.now)
            }
            // a tracking officer does not see offending: a youth justice involvement is brokered, and not theirs to end
            await #expect(throws: Refusal.self) { try await desk.endInvolvement(id, of: f.person, on: Self.today, for: try f.grant(.trackingOfficer), at: Self.now) }
            await #expect(throws: AccessDenied.self) { try await desk.endInvolvement(id, of: f.person, on: Self.today, for: try f.grant(.manager), at: Self.now) }
            #expect(try await f.count("involvement", where: "id", is: id) == 1)
            #expect(try await desk.register(of: f.person, for: adviser, at: Self.now).lines.first?.to == nil, "nothing was ended by a refusal")

            // ended once; ending twice is a conflict
            try await desk.endInvolvement(id, of: f.person, on: Self.today, for: adviser, at: Self.now)
            await #expect(throws: Refusal.conflict("This involvement has already ended (on \(KnownToDesk.spoken(Self.today))).")) {
                try await desk.endInvolvement(id, of: f.person, on: Self.today, for: adviser, at: Self.now)
            }
            #expect(try await f.audits(.update, "involvement").count == 1)

            // one a referral opened ends with the referral, not here
            let referral = try await KnownToDeskTests.involved(f)
            let opened = try #require(try await desk.register(of: f.person, for: adviser, at: Self.now).lines.first { $0.referralID == referral })
            #expect(!opened.mayEnd)
            await #expect(throws: Refusal.self) { try await desk.endInvolvement(opened.id, of: f.person, on: Self.today, for: adviser, at: Self.now) }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFileIsNotTakenOffTheCaseloadWhileAnInvolvementRecordedByHandIsOpen(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let adviser = try f.grant(.personalAdviser)
            let id = try await Self.desk(f).recordInvolvement(Self.entry(f), of: f.person, for: adviser, at: Self.now)
            let casework = CaseworkDesk(store: f.store, registry: DemoAuthority.registry)
            let record = try await casework.forChange(f.person, need: .assign, for: try f.grant(.dataManager))
            await #expect(throws: Refusal.self) { try await casework.assign(adviser: nil, tier: nil, need: nil, on: record, at: Self.now) }
            #expect(try await CaseloadLookup(store: f.store).placement(of: f.person, in: adviser.scope)?.adviserID == adviser.user.id, "still on the caseload")
            try await Self.desk(f).endInvolvement(id, of: f.person, on: Self.today, for: adviser, at: Self.now)
            try await casework.assign(adviser: nil, tier: nil, need: nil, on: record, at: Self.now)
            #expect(try await CaseloadLookup(store: f.store).placement(of: f.person, in: adviser.scope)?.adviserID == nil)
        }
    }
}

/// A merge hides the merged record: its involvements follow the young person
/// to the kept one (and back on undo), so no service's work disappears with it.
@Suite struct InvolvementMergeTests {
    @Test(arguments: TestDatabases.engines)
    func involvementsFollowAMergeAndKeepTheKeptFileOpen(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let officer = try f.grant(.trackingOfficer)
            let desk = InvolvementRecordingTests.desk(f)
            // given a duplicate record (no adviser) with a housing worker recorded on it
            _ = try await desk.recordInvolvement(
                InvolvementEntry(organisationID: f.health, workerName: "Ruth Mensah", role: "School nurse", from: ReferralFixture.today),
                of: f.base.noAdviser, for: try f.grant(.personalAdviser), at: ReferralFixture.now)
            let queries = KnownToQueries(store: f.store)
            #expect(try await queries.openCount(of: f.base.noAdviser) == 1)
            #expect(try await queries.openCount(of: f.person) == 0)
            // when it is merged into the record on the caseload
            let merge = try await f.store.change(by: .user(officer.user.id), at: ReferralFixture.now) { tx in
                try await tx.mergePeople(kept: f.person, merged: f.base.noAdviser)
            }
            // then the involvement is the kept record's, and that file cannot be closed
            #expect(try await queries.openCount(of: f.person) == 1)
            #expect(try await queries.openCount(of: f.base.noAdviser) == 0)
            let casework = CaseworkDesk(store: f.store, registry: DemoAuthority.registry)
            let record = try await casework.forChange(f.person, need: .assign, for: try f.grant(.dataManager))
            await #expect(throws: Refusal.self) { try await casework.assign(adviser: nil, tier: nil, need: nil, on: record, at: ReferralFixture.now) }
            // and undoing the merge takes it back
            _ = try await f.store.change(by: .user(officer.user.id), at: ReferralFixture.now) { tx in try await tx.undoMerge(merge, by: officer.user.id) }
            #expect(try await queries.openCount(of: f.person) == 0)
            #expect(try await queries.openCount(of: f.base.noAdviser) == 1)
        }
    }
}
