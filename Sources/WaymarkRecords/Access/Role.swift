/// The roles a user can hold; each decides what they may see and change.
public enum Role: String, CaseIterable, Sendable, Codable {
    case administrator
    case dataManager = "data-manager"
    case trackingOfficer = "tracking-officer"
    case personalAdviser = "personal-adviser"
    case manager
    /// A school or college's careers leader: reads their own pupils' records only.
    case careersLeader = "careers-leader"
    /// A worker of a partner service (youth justice, leaving care, housing,
    /// health, voluntary sector, Jobcentre): works the referrals sent to their
    /// service and sees only what each referral's package shares.
    case partnerWorker = "partner-worker"

    public var displayName: String {
        switch self {
        case .administrator: "Administrator"
        case .dataManager: "Data manager"
        case .trackingOfficer: "Tracking officer"
        case .personalAdviser: "Personal adviser"
        case .manager: "Manager"
        case .careersLeader: "Careers leader"
        case .partnerWorker: "Partner agency worker"
        }
    }
}
