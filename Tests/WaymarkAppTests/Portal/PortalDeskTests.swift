import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The school and college portal on both engines: only the school's own
/// leavers, each with only the classes the sharing rules let go; the
/// destinations report; posts recorded with the school as their source;
/// early leavers in the tracking queue the same day; every view audited.
@Suite struct PortalDeskTests {
    static let now = PortalFixture.now

    @Test(arguments: TestDatabases.engines)
    func theSchoolSeesItsLeaversOfThreeYearsWithWhatTheyDoNowAndNoOneElse(_ engine: DatabaseEngine) async throws {
        try await PortalFixture.run(engine) { fixture in
            let page = try await fixture.portal.leavers(for: fixture.schoolGrant, year: nil, attentionOnly: false, page: 1, at: Self.now)
            #expect(page.years.map(\.year) == [2026, 2025, 2024])
            #expect(page.lines.map(\.name) == ["Kemi Adeyemi", "Zara Lindqvist", "Amara Okafor"], "by family name; Nils has not left, Odile is another school's")
            #expect(page.lines.map(\.category) == [.notKnown, .neet, .education])
            #expect(page.lines.allSatisfy { $0.placement == nil }, "no consent yet: the provider and course stay with the LA")
            #expect(page.counts == [
                LeavingYearCount(year: LeavingYear(2026), leavers: 2, neet: 1, notKnown: 0),
                LeavingYearCount(year: LeavingYear(2025), leavers: 1, neet: 0, notKnown: 1),
                LeavingYearCount(year: LeavingYear(2024), leavers: 0, neet: 0, notKnown: 0),
            ])
            let attention = try await fixture.portal.leavers(for: fixture.schoolGrant, year: 2026, attentionOnly: true, page: 1, at: Self.now)
            #expect(attention.lines.map(\.personID) == [fixture.zara])
            let audit = try await fixture.auditDetails("portal_leavers")
            #expect(audit.first?.contains("organisation=\(fixture.school); flow=school-portal; year=all; page=1; shown=\(fixture.kemi),\(fixture.zara),\(fixture.amara)") == true, "\(audit)")
            #expect(audit.last?.contains("year=2026; filter=neet-or-not-known") == true)
            await #expect(throws: Refusal.self) {
                try await fixture.portal.leavers(for: fixture.schoolGrant, year: 2019, attentionOnly: false, page: 1, at: Self.now)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aPermitShowsTheProviderADenyHidesTheActivityAndAWithdrawalTakesEffectAtOnce(_ engine: DatabaseEngine) async throws {
        try await PortalFixture.run(engine) { fixture in
            let (permit, deny) = try await fixture.store.change(by: .user(fixture.adviser.id), at: Self.now) { tx in
                (try await tx.recordConsent(fixture.provision(.permit, .educationAndActivity, to: fixture.school), for: fixture.amara),
                 try await tx.recordConsent(fixture.provision(.deny, .currentActivity, to: fixture.school), for: fixture.zara))
            }
            let shown = try await fixture.portal.leavers(for: fixture.schoolGrant, year: 2026, attentionOnly: false, page: 1, at: Self.now + 1)
            let amara = try #require(shown.lines.first { $0.personID == fixture.amara })
            #expect(amara.placement == PortalPlacement(code: .furtherEducation, provider: "Northmere College", startDate: PortalFixture.date("2026-09-01")))
            let zara = try #require(shown.lines.first { $0.personID == fixture.zara })
            #expect(zara.category == nil && zara.placement == nil, "her no stops even the category")
            #expect(shown.counts.first == LeavingYearCount(year: LeavingYear(2026), leavers: 2, neet: 0, notKnown: 0, notShared: 1),
                    "counted as a leaver and as not shared, never as NEET: the school could subtract the NEET it can see to find her")
            let report = try await fixture.portal.destinations(for: fixture.schoolGrant, year: 2026, format: "csv", at: Self.now + 1)
            #expect(report.count(.neet) == 0 && report.notShared == 1 && report.total == 2)
            #expect(report.csv.contains("\(DestinationReport.notSharedLabel),1,50.0\r\n") && !report.csv.contains("NEET,1"))
            let attention = try await fixture.portal.leavers(for: fixture.schoolGrant, year: 2026, attentionOnly: true, page: 1, at: Self.now + 1)
            #expect(attention.lines.isEmpty, "listing her as NEET would tell the school what she asked it not to know")
            let college = try await fixture.portal.leavers(for: fixture.collegeGrant, year: nil, attentionOnly: false, page: 1, at: Self.now + 1)
            #expect(college.lines.isEmpty, "the permit names the school, and Amara has not left the college")

            try await fixture.store.change(by: .user(fixture.adviser.id), at: Self.now + 2) { tx in
                _ = try await tx.withdrawConsent(permit, of: fixture.amara)
                _ = try await tx.withdrawConsent(deny, of: fixture.zara)
            }
            let after = try await fixture.portal.leavers(for: fixture.schoolGrant, year: 2026, attentionOnly: false, page: 1, at: Self.now + 2)
            #expect(after.counts.first?.neet == 1 && after.counts.first?.notShared == 0, "her withdrawal counts her again at once")
            #expect(after.lines.first { $0.personID == fixture.amara }?.placement == nil, "withdrawn from the same instant")
            #expect(after.lines.first { $0.personID == fixture.zara }?.category == .neet)
            let pupil = try await fixture.portal.pupil(for: fixture.schoolGrant, person: fixture.amara, at: Self.now + 2)
            #expect(pupil.line.placement == nil && pupil.line.category == .education)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theDestinationsReportCountsEveryLeaverOfTheYearByCategory(_ engine: DatabaseEngine) async throws {
        try await PortalFixture.run(engine) { fixture in
            let report = try await fixture.portal.destinations(for: fixture.schoolGrant, year: 2026, format: "csv", at: Self.now)
            #expect(report.total == 2 && report.count(.education) == 1 && report.count(.neet) == 1)
            #expect(report.share(.neet).percentageText == "50.0")
            #expect(report.csv.contains("NEET,1,50.0\r\n") && report.csv.contains("All leavers,2,100.0\r\n"))
            #expect(try await fixture.auditDetails("portal_destinations") == ["organisation=\(fixture.school); flow=school-portal; year=2026; format=csv; leavers=2; purpose=schoolSupport"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anOfferAndAnIntendedDestinationAreRecordedWithTheSchoolAsSource(_ engine: DatabaseEngine) async throws {
        try await PortalFixture.run(engine) { fixture in
            try await fixture.portal.postOffer(.offerMade, for: fixture.schoolGrant, person: fixture.zara, at: Self.now)
            let offer = try #require(try await fixture.store.sql.select().columns("year_group", "academic_year", "status", "source", "recorded_by")
                .from("september_guarantee").where("person_id", .equal, fixture.zara).first())
            #expect(try offer.decode(column: "year_group", as: Int.self) == 12, "a 2026 leaver is in Year 12 this year")
            #expect(try offer.decode(column: "academic_year", as: Int.self) == 2026)
            #expect(try offer.decode(column: "status", as: Int.self) == GuaranteeStatus.offerMade.rawValue)
            #expect(try offer.decode(column: "source", as: String.self) == "portal:organisation=\(fixture.school)")
            #expect(try offer.decode(column: "recorded_by", as: Int64?.self) == fixture.schoolLeader.id)

            try await fixture.portal.postIntendedDestination(.apprenticeshipOrTraineeship, for: fixture.schoolGrant, person: fixture.nils, at: Self.now)
            let plan = try #require(try await fixture.store.sql.select().columns("code", "source").from("intended_destination")
                .where("person_id", .equal, fixture.nils).first())
            #expect(try plan.decode(column: "code", as: Int.self) == 211)
            #expect(try plan.decode(column: "source", as: String.self) == "portal:organisation=\(fixture.school)")

            await #expect(throws: Refusal.self, "another school's pupil is not found") {
                try await fixture.portal.postOffer(.offerMade, for: fixture.schoolGrant, person: fixture.elsewhere, at: Self.now)
            }
            await #expect(throws: Refusal.self, "the guarantee covers Years 11 and 12 only") {
                try await fixture.portal.postOffer(.offerMade, for: fixture.schoolGrant, person: fixture.kemi, at: Self.now)
            }
            await #expect(throws: AccessDenied.self) {
                try await fixture.portal.postOffer(.offerMade, for: fixture.adviserGrant, person: fixture.zara, at: Self.now)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aConcernBecomesAFollowUpForTheAdviser(_ engine: DatabaseEngine) async throws {
        try await PortalFixture.run(engine) { fixture in
            try await fixture.portal.raiseConcern(.attendance, for: fixture.schoolGrant, person: fixture.zara, at: Self.now)
            let row = try #require(try await fixture.store.sql.select().columns("assigned_user_id", "due_on", "description", "source")
                .from("follow_up").where("person_id", .equal, fixture.zara).first())
            #expect(try row.decode(column: "assigned_user_id", as: Int64?.self) == fixture.adviser.id)
            #expect(try row.decode(column: "due_on", as: String.self) == "2026-11-23")
            #expect(try row.decode(column: "description", as: String.self).contains("Millbrook Park School through the portal: Poor or falling attendance"))
            #expect(try row.decode(column: "source", as: String.self) == "portal:organisation=\(fixture.school)")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCollegeMarksAnEarlyLeaverAndTrackingStartsTheSameDay(_ engine: DatabaseEngine) async throws {
        try await PortalFixture.run(engine) { fixture in
            let students = try await fixture.portal.students(for: fixture.collegeGrant, page: 1, at: Self.now)
            #expect(students.lines.map(\.personID) == [fixture.amara])
            try await fixture.portal.markLeftEarly(for: fixture.collegeGrant, person: fixture.amara, at: Self.now)

            let activity = try #require(try await fixture.store.sql.select().columns("code", "start_date", "source").from("activity")
                .where("person_id", .equal, fixture.amara).orderBy("id", .descending).first())
            #expect(try activity.decode(column: "code", as: Int.self) == 810)
            #expect(try activity.decode(column: "start_date", as: String.self) == PortalFixture.today.iso)
            #expect(try activity.decode(column: "source", as: String.self) == "portal:organisation=\(fixture.college)")
            let queue = try await QueueQuery(store: fixture.store).rows(
                .state("not-known"), in: .authority(laCode: DemoAuthority.code), filter: QueueFilter(), on: PortalFixture.today, limit: nil)
            #expect(queue.map(\.member.id).contains(fixture.amara), "in the not-known queue the same day")
            let open = try await EnrolmentQueries(store: fixture.store).history(of: fixture.amara)
                .filter { $0.organisationID == fixture.college && ($0.to.map { $0 > PortalFixture.today } ?? true) }
            #expect(open.isEmpty, "her stay at the college has ended")
            #expect(try await fixture.portal.students(for: fixture.collegeGrant, page: 1, at: Self.now + 1).lines.isEmpty)
            let school = try await fixture.portal.leavers(for: fixture.schoolGrant, year: 2026, attentionOnly: true, page: 1, at: Self.now + 1)
            #expect(school.lines.contains { $0.personID == fixture.amara && $0.category == .notKnown }, "her school sees her as not known now")

            await #expect(throws: Refusal.self, "no longer on the college's books") {
                try await fixture.portal.markLeftEarly(for: fixture.collegeGrant, person: fixture.amara, at: Self.now + 2)
            }
            await #expect(throws: Refusal.self, "schools' leavers come from the roll") {
                try await fixture.portal.markLeftEarly(for: fixture.schoolGrant, person: fixture.nils, at: Self.now + 2)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSchoolsYear11ListGoesThroughTheImportAsItsOwn(_ engine: DatabaseEngine) async throws {
        try await PortalFixture.run(engine) { fixture in
            let broken = try await fixture.portal.uploadIntendedDestinations(
                data: Data("given_name,family_name,dob,intended_destination\r\nNils,Berg,2011-01-01,999\r\n".utf8), fileName: "year11.csv",
                for: fixture.schoolGrant, at: Self.now)
            #expect(broken.summary == nil && broken.problems.count == 1 && broken.problems[0].hasPrefix("row 2, intended_destination"), "\(broken.problems)")
            // The file names another school; the row is taken as the uploader's.
            let csv = "given_name,family_name,dob,gender,upn,intended_destination,establishment_number\r\nNils,Berg,2011-01-01,F,D990400126001,121,9904002\r\n"
            let outcome = try await fixture.portal.uploadIntendedDestinations(
                data: Data(csv.utf8), fileName: "year11.csv", for: fixture.schoolGrant, at: Self.now)
            #expect(outcome.problems.isEmpty)
            // A six-person LA gives the matcher too little to estimate from, so the row may wait for the LA's review
            // rather than be recorded: either way it went through the one import, as this school's.
            let summary = try #require(outcome.summary)
            #expect(summary.rowsRead == 1 && summary.updated + summary.excepted == 1, "\(summary)")
            let batch = try await fixture.store.sql.select().column("source").from("import_batch").first(decodingColumn: "source", as: String.self)
            #expect(batch == "portal:organisation=\(fixture.school)")
            if summary.updated == 1 {
                let source = try await fixture.store.sql.select().column("source").from("intended_destination").where("person_id", .equal, fixture.nils)
                    .first(decodingColumn: "source", as: String.self)
                #expect(source == "portal:organisation=\(fixture.school)")
            } else {
                let incoming = try await fixture.store.sql.select().column("incoming").from("match_exception").first(decodingColumn: "incoming", as: String?.self)
                #expect(incoming??.contains("9904001") == true, "queued as this school's row, not the school the file named: \(String(describing: incoming))")
            }
            await #expect(throws: Refusal.self, "a college has no Year 11 list") {
                try await fixture.portal.uploadIntendedDestinations(data: Data(csv.utf8), fileName: "year11.csv", for: fixture.collegeGrant, at: Self.now)
            }
        }
    }
}
