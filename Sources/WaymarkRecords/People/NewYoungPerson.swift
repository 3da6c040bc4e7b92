public import WaymarkCore

/// A young person to add, with the LA facts that decide who reports them.
public struct NewYoungPerson: Sendable, Equatable {
    public var identity: YoungPersonIdentity
    public var cohortStatus: CohortStatus
    /// The LA they live in, which is responsible for them.
    public var responsibleLA: LocalAuthorityCode
    /// The LA they are educated in (often the same).
    public var educatedLA: LocalAuthorityCode
    public var laCodeAtYear11: LocalAuthorityCode?
    public var transferredToLA: LocalAuthorityCode?
    public var schoolID: Int64?
    /// When the cohort status took effect, so a leaver is reported in the month they left.
    public var cohortStatusSince: CalendarDate?

    public init(
        identity: YoungPersonIdentity, cohortStatus: CohortStatus, responsibleLA: LocalAuthorityCode, educatedLA: LocalAuthorityCode,
        laCodeAtYear11: LocalAuthorityCode? = nil, transferredToLA: LocalAuthorityCode? = nil, schoolID: Int64? = nil,
        cohortStatusSince: CalendarDate? = nil
    ) {
        self.identity = identity
        self.cohortStatus = cohortStatus
        self.responsibleLA = responsibleLA
        self.educatedLA = educatedLA
        self.laCodeAtYear11 = laCodeAtYear11
        self.transferredToLA = transferredToLA
        self.schoolID = schoolID
        self.cohortStatusSince = cohortStatusSince
    }

    /// Identity rules plus the transfer rules (errors 13, 34, 41, 42).
    public func violations() -> [RuleViolation] {
        var found = identity.violations()
        switch (cohortStatus, transferredToLA) {
        case (.transferred, nil):
            found.append(.nccis(13, field: "TransferredToLACode", "A transferred young person needs the LA they moved to"))
        case (.transferred, .some(let code)) where !code.isValidTransferDestination:
            found.append(.nccis(41, field: "TransferredToLACode", "004 (unknown area) cannot be a transferred-to LA"))
        case (.transferred, .some(let code)) where code == responsibleLA:
            found.append(.nccis(42, field: "TransferredToLACode", "The transferred-to LA cannot be the responsible LA"))
        case (let status, .some) where status != .transferred:
            found.append(.nccis(34, field: "TransferredToLACode", "Only cohort status T carries a transferred-to LA"))
        default:
            break
        }
        return found
    }
}
