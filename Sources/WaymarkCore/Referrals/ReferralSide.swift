/// How the person acting stands to a referral. The use case decides it from
/// the acting user's organisation and permission; the lifecycle decides what
/// each side may do.
public enum ReferralSide: String, CaseIterable, Sendable {
    /// A worker of the referring organisation who may make referrals.
    case sender
    /// A worker of the organisation the referral was sent to.
    case receiver
    /// Anyone else: may do nothing to the referral.
    case neither

    public var label: String {
        switch self {
        case .sender: "the referring service"
        case .receiver: "the service it was sent to"
        case .neither: "neither service"
        }
    }
}
