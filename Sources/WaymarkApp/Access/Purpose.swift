public import WaymarkRecords
public import WaymarkStore

/// Why a user is asking for a young person's data. The same person may be
/// seen differently for different purposes; today each role works for one.
public enum Purpose: String, CaseIterable, Sendable, Codable {
    /// Direct work with the young person: guidance, plans, contacts.
    case casework
    /// Finding out and confirming what young people are doing.
    case tracking
    /// Imports, matching and the statutory return.
    case dataQuality
    /// Supervising advisers and allocating caseloads.
    case oversight
    /// A school or college supporting its own pupils, students and recent leavers.
    case schoolSupport
    /// A partner service working with a young person referred to it.
    case partnerWork
    /// Running accounts: no young person's data.
    case administration

    /// The purpose a role works for.
    public static func of(_ role: Role) -> Purpose {
        switch role {
        case .personalAdviser: .casework
        case .trackingOfficer: .tracking
        case .dataManager: .dataQuality
        case .manager: .oversight
        case .careersLeader: .schoolSupport
        case .administrator: .administration
        case .partnerWorker: .partnerWork
        }
    }
}
