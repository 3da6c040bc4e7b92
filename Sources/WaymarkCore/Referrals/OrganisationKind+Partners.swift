extension OrganisationKind {
    /// The partner services: their workers receive referrals and appear on
    /// the known-to register.
    public static let partners: [OrganisationKind] = [.youthJustice, .leavingCare, .housing, .health, .voluntarySector, .jobcentre]

    public var isPartner: Bool { Self.partners.contains(self) }

    /// A service whose involvement alone tells a special category (offending,
    /// health): the known-to register shows only that a professional is
    /// involved, and contact goes through the local authority.
    public var isSensitiveService: Bool { self == .youthJustice || self == .health }

    /// What a referral to this kind of service is usually for.
    public var usualReferralPurpose: ReferralPurpose {
        switch self {
        case .youthJustice: .youthJustice
        case .leavingCare: .leavingCare
        case .housing: .housing
        case .health: .health
        case .jobcentre: .employmentSupport
        case .localAuthority, .school, .specialSchool, .sixthFormCollege, .furtherEducationCollege, .trainingProvider, .employer, .agency,
             .voluntarySector: .generalSupport
        }
    }

    /// In a sentence on a page: "a youth justice service".
    public var label: String {
        switch self {
        case .localAuthority: "Local authority"
        case .school: "School"
        case .specialSchool: "Special school"
        case .sixthFormCollege: "Sixth-form college"
        case .furtherEducationCollege: "Further education college"
        case .trainingProvider: "Training provider"
        case .employer: "Employer"
        case .agency: "Agency"
        case .youthJustice: "Youth justice service"
        case .leavingCare: "Leaving care service"
        case .housing: "Housing service"
        case .health: "Health service"
        case .voluntarySector: "Voluntary sector organisation"
        case .jobcentre: "Jobcentre Plus"
        }
    }
}
