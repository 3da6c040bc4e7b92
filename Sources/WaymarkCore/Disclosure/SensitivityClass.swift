/// The kinds of fact about a young person, grouped by how much harm their
/// disclosure could do. Who sees which class is decided in one table
/// (`DisclosurePolicy` in WaymarkApp) by role and purpose; a class withheld
/// is shown as "restricted", never silently dropped.
public enum SensitivityClass: String, CaseIterable, Sendable, Codable, Comparable {
    /// Names, date of birth, gender, ethnicity, UPN/ULN, cohort status, school.
    case identity
    /// The current activity's category (education, employment, training, NEET,
    /// not known) and where: what a school or college needs to know.
    case currentActivity
    /// Home addresses, phones and e-mail addresses.
    case contact
    /// The activity history, providers, intended destination, September Guarantee, alternative provision.
    case educationAndActivity
    /// Special educational needs and disability, level of need.
    case sendAndHealth
    case mentalHealth
    /// Supervision by the youth offending team, youth justice.
    case offending
    /// Looked after, care leaver, young carer, refugee or asylum seeker.
    case careStatus
    /// Pregnancy and parenthood.
    case sexualHealthAndPregnancy
    case substanceMisuse
    /// Criminal or sexual exploitation (recorded by assessments; no NCCIS code).
    case exploitation
    /// What advisers wrote: contact summaries and next steps.
    case notes

    public var label: String {
        switch self {
        case .identity: "Identity"
        case .currentActivity: "Current activity"
        case .contact: "Contact details and addresses"
        case .educationAndActivity: "Education and activity history"
        case .sendAndHealth: "SEND and health"
        case .mentalHealth: "Mental health"
        case .offending: "Offending and youth justice"
        case .careStatus: "Care status"
        case .sexualHealthAndPregnancy: "Sexual health, pregnancy and parenthood"
        case .substanceMisuse: "Substance misuse"
        case .exploitation: "Exploitation"
        case .notes: "Advisers' notes"
        }
    }

    /// Special-category and safeguarding information: widening access to any
    /// of these for one record is a break-the-glass decision, with a reason.
    public var isSpecialCategory: Bool {
        switch self {
        case .identity, .currentActivity, .contact, .educationAndActivity: false
        default: true
        }
    }

    public static func < (lhs: SensitivityClass, rhs: SensitivityClass) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
