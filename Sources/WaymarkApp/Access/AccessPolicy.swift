public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// What a user may do, decided by role alone; *which* records they may do it
/// to is their ``RecordScope`` (organisation) and, for advisers, their caseload.
public enum Permission: String, CaseIterable, Sendable {
    /// Search and open young people's records (within scope).
    case readRecords
    /// Record contacts, activities and the rest on any record in scope.
    case changeAnyRecord
    /// Add a young person by hand, after checking they are not already recorded.
    case addPeople
    /// Record contacts, activities and the rest on records on one's own caseload.
    case changeOwnCaseload
    /// Assign a personal adviser, tier or level of need.
    case assignCaseload
    /// Add users, set roles, disable accounts.
    case manageUsers
    /// Check, generate and download the statutory return.
    case statutoryReturns
    /// The LA's figures and the activity survey.
    case figures
    /// The team view: caseload sizes and contacts per adviser.
    case teamOverview
    /// See the tracking queues (not known, lapsing, NEET without contact), campaigns and answers.
    case workQueues
    /// Act on them: verify or reject self-service answers, record campaign
    /// outcomes, create and send campaigns. Each records casework on the person.
    case recordTrackingWork
    /// The match exception queue: decide suspected duplicates, merge and undo merges.
    case resolveMatches
    /// Data protection: every break-the-glass access with its reason, and who has looked at each record.
    case reviewAccess
    /// See a young person's consent and sharing page and record or withdraw their choices (advisers: on their own caseload).
    case manageConsent
    /// Set aside a share refused for want of consent, with a reason, for a few days.
    case overrideSharing
    /// The register of data flows: legal basis, gateway, agreement and review date of every way data enters or leaves.
    case manageDataFlows
    /// A school's or college's own portal: its leavers and where they are now, and the destinations report.
    case schoolPortal
    /// Tell the LA about one's own pupils and students: intended destinations, September Guarantee offers, concerns, early leavers.
    case postPupilInformation
    /// The Annual Activity Survey: the LA's, or one's own school's line of it.
    case activitySurvey
    /// Produce a subject access pack: everything held about one young person, with its history and who has seen it.
    case subjectAccess
    /// The retention policy's report of what is due to be erased or anonymised (the run itself is `waymark retention run`).
    case runRetention
    /// The risk-of-NEET model: its settings (weights, thresholds), the back-test and the transparency record.
    case riskModel
    /// The risk-of-NEET lists of every school (a school's own list comes with the portal).
    case riskLists
    /// Refer a young person in scope to a partner service, and follow the referral (advisers: their own caseload).
    case makeReferrals
    /// A partner service's side: the referrals sent to one's own organisation, acted on by its workers.
    case workReferrals
    /// Record who is involved with a young person (the known-to register) and name the lead professional.
    case recordInvolvement
    /// Move a young person to another LA (cohort status T and the signed package) and accept or decline packages received.
    case transferPeople
    /// Ask the regional index which other LAs know a young person, and open a transfer request from a match.
    case lookUpElsewhere
}

/// The permission matrix. Least privilege: administrators run accounts and
/// do not read young people's records; careers leaders read their own pupils;
/// managers read, allocate and oversee but record no casework (see docs/POLICIES.md).
public enum AccessPolicy {
    public static func permissions(of role: Role) -> Set<Permission> {
        switch role {
        case .administrator: [.manageUsers]
        case .dataManager: [
            .readRecords, .changeAnyRecord, .addPeople, .assignCaseload, .statutoryReturns, .figures, .workQueues, .recordTrackingWork, .resolveMatches, .reviewAccess,
            .manageConsent, .overrideSharing, .manageDataFlows, .activitySurvey, .subjectAccess, .runRetention, .riskModel, .riskLists,
            .makeReferrals, .recordInvolvement, .transferPeople, .lookUpElsewhere,
        ]
        case .trackingOfficer: [
            .readRecords, .changeAnyRecord, .addPeople, .figures, .workQueues, .recordTrackingWork, .resolveMatches, .manageConsent, .activitySurvey, .riskLists,
            .makeReferrals, .recordInvolvement, .lookUpElsewhere,
        ]
        case .personalAdviser: [.readRecords, .changeOwnCaseload, .addPeople, .figures, .manageConsent, .activitySurvey, .makeReferrals, .recordInvolvement]
        case .manager: [.readRecords, .assignCaseload, .figures, .teamOverview, .workQueues, .activitySurvey, .riskLists]
        case .careersLeader: [.readRecords, .schoolPortal, .postPupilInformation, .activitySurvey]
        case .partnerWorker: [.workReferrals]
        }
    }

    public static func allows(_ role: Role, _ permission: Permission) -> Bool {
        permissions(of: role).contains(permission)
    }

    /// Whether `user` may change the record of a young person whose adviser is `adviserID`.
    public static func mayChange(_ user: StoredUser, personAdviserID: Int64?) -> Bool {
        if allows(user.role, .changeAnyRecord) { return true }
        return allows(user.role, .changeOwnCaseload) && personAdviserID == user.id
    }

    /// The records a user's organisation may see on `today`: an LA's staff see
    /// the LA's young people; a school, college or provider those its school
    /// history reaches (``ReachPolicy``: current pupils and students, and
    /// recent leavers).
    public static func scope(
        for organisation: StoredOrganisation, installationLA: String, on today: CalendarDate, reach: ReachPolicy = .standard
    ) -> RecordScope {
        organisation.kind == .localAuthority
            ? .authority(laCode: installationLA)
            : .establishment(reach: reach.reach(of: organisation.id, kind: organisation.kind, on: today), laCode: installationLA)
    }
}
