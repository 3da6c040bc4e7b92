public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// The school and college portal (docs/POLICIES.md, "The school and college
/// portal"): a careers leader's leavers of the last three leaving years and
/// where they are now, the destinations report Gatsby Benchmark 3 asks for,
/// and the page of one pupil. Only a school's, college's or provider's users
/// have a portal; everything listed is within their reach; the category of
/// what a young person does goes on the portal flow's basis, the provider and
/// the exact activity only with the young person's consent (``SharingDesk``);
/// every page is audited with the people on it.
public struct PortalDesk: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode

    /// Rows on one page of a list: a school of 2,000 leavers is read whole
    /// (one indexed query) and shown a hundred at a time.
    public static let pageSize = 100

    init(store: Store, laCode: LocalAuthorityCode) {
        self.store = store
        self.laCode = laCode
    }

    /// The classes the portal asks the sharing rules about: the category, and the provider with the activity.
    static let portalClasses: [SensitivityClass] = [.currentActivity, .educationAndActivity]

    public func leavers(for grant: AccessGrant, year: Int?, attentionOnly: Bool, page: Int, at now: Date) async throws -> PortalLeavers {
        let (organisation, years, chosen, everyone, shares, matching) = try await chosenLeavers(
            for: grant, year: year, attentionOnly: attentionOnly, at: now)
        let today = CalendarDate.today(from: now)
        // NEET and not known count only leavers who share their activity: counting the others too would let the
        // school find a hidden leaver's category by subtracting the ones it can see.
        let counts = years.map { year in
            let ofYear = everyone.filter { $0.leftOn.map(LeavingYear.containing) == year }
            let categories = ofYear.filter { shares[$0.id]?.contains(.currentActivity) == true }.map(Self.category(today))
            return LeavingYearCount(
                year: year, leavers: ofYear.count, neet: categories.filter { $0 == .neet }.count, notKnown: categories.filter { $0 == .notKnown }.count,
                notShared: ofYear.count - categories.count)
        }
        let pageCount = max(1, (matching.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, page), pageCount)
        let shown = Array(matching.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize))
        let lines = try await lines(for: shown, organisation: organisation, today: today, at: now)
        try await ViewAudit.record(
            store, grant, at: now, entity: "portal_leavers", entityID: organisation.id,
            detail: ViewAudit.parts([
                ("organisation", String(organisation.id)), ("flow", DataFlowDefaults.Key.schoolPortal), ("year", chosen.map { String($0.year) } ?? "all"),
                ("filter", attentionOnly ? "neet-or-not-known" : nil), ("page", String(page)),
            ]) + "; " + ViewAudit.shown(lines.map(\.personID)))
        return PortalLeavers(
            organisation: organisation, years: years, chosenYear: chosen, attentionOnly: attentionOnly, counts: counts, matching: matching.count,
            page: page, pageCount: pageCount, lines: lines, asAt: today)
    }

    /// The school's leavers of the last three years, and those of them the
    /// page's filters choose (every page), with what each lets the school see.
    func chosenLeavers(for grant: AccessGrant, year: Int?, attentionOnly: Bool, at now: Date) async throws -> (
        organisation: StoredOrganisation, years: [LeavingYear], chosen: LeavingYear?, everyone: [PortalPupil], shares: [Int64: Set<SensitivityClass>],
        matching: [PortalPupil]
    ) {
        try grant.require(.schoolPortal)
        let organisation = try await establishment(of: grant)
        let today = CalendarDate.today(from: now)
        let years = LeavingYear.recent(on: today)
        let chosen = try year.map { try Self.leavingYear($0, among: years) }
        let everyone = try await leavers(of: organisation, years: years, grant: grant, today: today)
        let shares = try await SharingDesk(store: store).portalShares(
            of: everyone.map(\.id), to: organisation, classes: [.currentActivity], at: now)
        let matching = everyone.filter { pupil in
            (chosen.map { pupil.leftOn.map(LeavingYear.containing) == $0 } ?? true)
                && (!attentionOnly || (shares[pupil.id]?.contains(.currentActivity) == true && Self.category(today)(pupil).needsAttention))
        }
        return (organisation, years, chosen, everyone, shares, matching)
    }

    /// One leaving year's leavers by destination category, for the chart, the
    /// table and the downloads. Audited as a view of the school's leavers (it
    /// is drawn from their records), with the count and no ids.
    public func destinations(for grant: AccessGrant, year: Int, format: String, at now: Date) async throws -> DestinationReport {
        try grant.require(.schoolPortal)
        let organisation = try await establishment(of: grant)
        let today = CalendarDate.today(from: now)
        let leavingYear = try Self.leavingYear(year, among: LeavingYear.recent(on: today))
        let leavers = try await leavers(of: organisation, years: [leavingYear], grant: grant, today: today)
        let shares = try await SharingDesk(store: store).portalShares(of: leavers.map(\.id), to: organisation, classes: [.currentActivity], at: now)
        let sharing = leavers.filter { shares[$0.id]?.contains(.currentActivity) == true }
        let report = DestinationReport(
            school: organisation.name, leavingYear: leavingYear, asAt: today, categories: sharing.map(Self.category(today)),
            notShared: leavers.count - sharing.count)
        try await ViewAudit.record(
            store, grant, at: now, entity: "portal_destinations", entityID: organisation.id,
            detail: "organisation=\(organisation.id); flow=\(DataFlowDefaults.Key.schoolPortal); year=\(leavingYear.year); format=\(format); leavers=\(report.total)")
        return report
    }

    /// A college's or provider's students today (a school's pupils on its
    /// roll), a page at a time, for marking early leavers and posting offers.
    public func students(for grant: AccessGrant, page: Int, at now: Date) async throws -> PortalStudents {
        try grant.require(.schoolPortal)
        let organisation = try await establishment(of: grant)
        let today = CalendarDate.today(from: now)
        let everyone = try await PortalQueries(store: store).current(of: organisation.id, on: today, in: grant.scope)
        let pageCount = max(1, (everyone.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, page), pageCount)
        let shown = Array(everyone.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize))
        let lines = try await lines(for: shown, organisation: organisation, today: today, at: now)
        try await ViewAudit.record(
            store, grant, at: now, entity: "portal_students", entityID: organisation.id,
            detail: "organisation=\(organisation.id); flow=\(DataFlowDefaults.Key.schoolPortal); page=\(page); " + ViewAudit.shown(lines.map(\.personID)))
        return PortalStudents(organisation: organisation, total: everyone.count, page: page, pageCount: pageCount, lines: lines)
    }

    /// One young person in reach, with what the school or college may post about them.
    public func pupil(for grant: AccessGrant, person: Int64, at now: Date) async throws -> PortalPupilView {
        try grant.require(.schoolPortal)
        let organisation = try await establishment(of: grant)
        let today = CalendarDate.today(from: now)
        guard let pupil = try await PortalQueries(store: store).pupil(person, in: grant.scope) else { throw Self.noSuchPupil }
        let line = try await lines(for: [pupil], organisation: organisation, today: today, at: now)[0]
        let onBooks = try await onBooks(person, at: organisation, today: today)
        try await ViewAudit.record(
            store, grant, at: now, entity: "portal_pupil", entityID: person, personID: person,
            detail: "organisation=\(organisation.id); flow=\(DataFlowDefaults.Key.schoolPortal)")
        return PortalPupilView(
            organisation: organisation, line: line, guaranteeYear: Self.guaranteeYear(academicAge: pupil.academicAge),
            academicYear: AcademicYear(containing: today),
            mayMarkLeftEarly: onBooks && EnrolmentKind(organisation: organisation.kind) != .schoolRoll,
            isSchool: EnrolmentKind(organisation: organisation.kind) == .schoolRoll, inYearEleven: pupil.academicAge == 15)
    }

    // MARK: Parts

    /// The user's own school, college or provider; LA staff have no portal (they have the records themselves).
    func establishment(of grant: AccessGrant) async throws -> StoredOrganisation {
        guard case .establishment = grant.scope,
            let organisation = try await OrganisationQueries(store: store).organisation(id: grant.user.organisationID),
            EnrolmentKind(organisation: organisation.kind) != nil
        else {
            throw Refusal.forbidden("The portal is for schools, colleges and training providers; local authority staff see the records themselves.")
        }
        return organisation
    }

    func leavers(of organisation: StoredOrganisation, years: [LeavingYear], grant: AccessGrant, today: CalendarDate) async throws -> [PortalPupil] {
        guard let first = years.min(), let last = years.max() else { return [] }
        return try await PortalQueries(store: store).leavers(
            of: organisation.id, yearElevenOnly: EnrolmentKind(organisation: organisation.kind) == .schoolRoll, endedFrom: first.firstDay,
            through: last.lastDay, before: today, in: grant.scope)
    }

    func onBooks(_ person: Int64, at organisation: StoredOrganisation, today: CalendarDate) async throws -> Bool {
        try await EnrolmentQueries(store: store).history(of: person).contains {
            $0.organisationID == organisation.id && $0.from <= today && ($0.to.map { $0 >= today } ?? true)
        }
    }

    /// The lines of `people`, each with only what the sharing rules let go.
    func lines(for people: [PortalPupil], organisation: StoredOrganisation, today: CalendarDate, at now: Date) async throws -> [PortalLine] {
        let ids = people.map(\.id)
        let shares = try await SharingDesk(store: store).portalShares(of: ids, to: organisation, classes: Self.portalClasses, at: now)
        let consented = ids.filter { shares[$0]?.isSuperset(of: Self.portalClasses) == true }
        let placements = try await PortalQueries(store: store).placements(of: consented, on: today)
        return people.map { pupil in
            let allowed = shares[pupil.id] ?? []
            return PortalLine(
                personID: pupil.id, name: "\(pupil.givenName) \(pupil.familyName)", leftOn: pupil.leftOn,
                category: allowed.contains(.currentActivity) ? Self.category(today)(pupil) : nil,
                placement: allowed.isSuperset(of: Self.portalClasses) ? placements[pupil.id] : nil)
        }
    }

    static func category(_ today: CalendarDate) -> @Sendable (PortalPupil) -> DestinationCategory {
        { DestinationCategory.of(activityCode: $0.activityCode, lapsesOn: $0.lapsesOn, on: today) }
    }

    static func leavingYear(_ year: Int, among years: [LeavingYear]) throws -> LeavingYear {
        guard let found = years.first(where: { $0.year == year }) else {
            let named = years.map { String($0.year) }.joined(separator: ", ")
            throw Refusal.badRequest("The portal shows the last three leaving years: choose one of \(named).")
        }
        return found
    }

    /// Year 11 (academic age 15) and Year 12 (16) have a September Guarantee; other ages have none.
    static func guaranteeYear(academicAge: Int?) -> GuaranteeYear? {
        switch academicAge {
        case 15: .year11
        case 16: .year12
        default: nil
        }
    }

    static let noSuchPupil = Refusal.notFound("There is no young person with that id among your pupils, students and recent leavers.")
}
