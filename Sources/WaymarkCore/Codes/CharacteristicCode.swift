/// Individual characteristics (IC01): vulnerable-group flags that change over time.
public enum CharacteristicCode: Int, NationalCode {
    case lookedAfter = 110
    case caringForOwnChild = 120
    case refugeeAsylumSeeker = 130
    case carerNotOwnChild = 140
    case substanceMisuse = 150
    case careLeaver = 160
    case supervisedByYOT = 170
    case pregnancy = 180
    case parentNotCaringForOwnChild = 190
    case alternativeProvision = 200
    case mentalHealth = 210

    public static let fieldName = "CharacteristicCode"

    public var meaning: String {
        switch self {
        case .lookedAfter: "Looked after/In care"
        case .caringForOwnChild: "Caring for own child"
        case .refugeeAsylumSeeker: "Refugee/Asylum seeker"
        case .carerNotOwnChild: "Carer not own child"
        case .substanceMisuse: "Client disclosed substance misuse"
        case .careLeaver: "Care leaver"
        case .supervisedByYOT: "Supervised by YOT"
        case .pregnancy: "Pregnancy"
        case .parentNotCaringForOwnChild: "Parent not caring for own child"
        case .alternativeProvision: "Alternative provision"
        case .mentalHealth: "Mental health flag"
        }
    }

    /// The DfE "vulnerable group" used in published breakdowns: every
    /// characteristic except caring for own child (120) and pregnancy (180).
    public var isVulnerableGroup: Bool {
        self != .caringForOwnChild && self != .pregnancy
    }

    /// The sensitivity class the characteristic belongs to: who may see it is
    /// decided for the class, not for the code.
    public var sensitivityClass: SensitivityClass {
        switch self {
        case .lookedAfter, .careLeaver, .carerNotOwnChild, .refugeeAsylumSeeker: .careStatus
        case .caringForOwnChild, .pregnancy, .parentNotCaringForOwnChild: .sexualHealthAndPregnancy
        case .substanceMisuse: .substanceMisuse
        case .supervisedByYOT: .offending
        case .mentalHealth: .mentalHealth
        case .alternativeProvision: .educationAndActivity
        }
    }
}
