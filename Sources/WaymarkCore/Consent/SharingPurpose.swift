/// Why information about a young person would leave the local authority (or
/// reach it). A consent provision and a data flow each name one; the words
/// are the ones the young person reads on their own page.
public enum SharingPurpose: String, CaseIterable, Sendable, Codable {
    /// A school, college or provider supporting its pupils and tracking its leavers' destinations.
    case schoolSupport = "school-support"
    /// Schools, colleges and providers telling the local authority what young people do (Education and Skills Act 2008 s72).
    case participationTracking = "participation-tracking"
    /// Referring the young person to a service that can help.
    case referral
    /// Passing the record to another local authority when the young person moves.
    case transfer
    /// The statutory NCCIS return to the Department for Education.
    case statutoryReturn = "statutory-return"
    /// Sending texts and e-mails through a gateway the local authority contracts.
    case messaging

    /// For staff pages.
    public var staffLabel: String {
        switch self {
        case .schoolSupport: "School and college support"
        case .participationTracking: "Participation tracking (schools' and colleges' returns)"
        case .referral: "Referrals"
        case .transfer: "Transfer to another local authority"
        case .statutoryReturn: "The statutory return (NCCIS)"
        case .messaging: "Texts and e-mails"
        }
    }

    /// In the young person's words.
    public var label: String {
        switch self {
        case .schoolSupport: "Schools and colleges supporting you and seeing where you go next"
        case .participationTracking: "Schools and colleges telling us what you are doing"
        case .referral: "Referrals to services that can help you"
        case .transfer: "Your record going to another council if you move"
        case .statutoryReturn: "Figures the Department for Education collects"
        case .messaging: "Texts and e-mails we send you"
        }
    }
}
