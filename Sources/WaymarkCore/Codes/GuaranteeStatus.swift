/// September Guarantee status (SG02 for Year 11, SG11 for Year 12).
public enum GuaranteeStatus: Int, NationalCode {
    case offerMade = 110
    case continuingInEducation = 114
    case continuingInEmploymentWithTraining = 115
    case notAppropriateEmploymentWithoutTraining = 120
    case notAppropriatePersonalCircumstances = 122
    case notAppropriateOther = 123
    case notAppropriatePersonalDevelopment = 124
    case awaitingOutcome = 140
    case noAppropriateProvision = 150
    case hasNotApplied = 151
    case unableToContactMovedAway = 153
    case unableToContactOther = 154
    case notYetRecorded = 159

    public static let fieldName = "GuaranteeStatus"

    public var meaning: String {
        switch self {
        case .offerMade: "Offer made"
        case .continuingInEducation: "Already in learning – continuing in education"
        case .continuingInEmploymentWithTraining: "Already in learning – continuing in employment with training to level 2"
        case .notAppropriateEmploymentWithoutTraining:
            "Offer not appropriate at this time – going into employment without training to level 2"
        case .notAppropriatePersonalCircumstances: "Offer not appropriate at this time – personal circumstances prevent learning"
        case .notAppropriateOther: "Offer not appropriate at this time – other reason"
        case .notAppropriatePersonalDevelopment: "Offer not appropriate at this time – personal development opportunities"
        case .awaitingOutcome: "No offer made – application made, awaiting outcome"
        case .noAppropriateProvision: "No offer – no appropriate provision"
        case .hasNotApplied: "No offer – young person has not applied"
        case .unableToContactMovedAway: "No offer – unable to contact, known to have moved away"
        case .unableToContactOther: "No offer – unable to contact, other reason"
        case .notYetRecorded: "Guarantee status not yet recorded"
        }
    }

    /// 114 and 115 are for Year 12 only.
    public func isAllowed(for yearGroup: GuaranteeYear) -> Bool {
        switch self {
        case .continuingInEducation, .continuingInEmploymentWithTraining: yearGroup == .year12
        default: true
        }
    }

    /// How the published September Guarantee measure counts each status.
    public var outcome: GuaranteeOutcome {
        switch self {
        case .offerMade, .continuingInEducation, .continuingInEmploymentWithTraining: .offerMade
        case .notAppropriateEmploymentWithoutTraining, .notAppropriatePersonalCircumstances, .notAppropriateOther,
            .notAppropriatePersonalDevelopment:
            .offerNotAppropriate
        case .awaitingOutcome, .noAppropriateProvision, .hasNotApplied, .unableToContactMovedAway, .unableToContactOther:
            .noOffer
        case .notYetRecorded: .notRecorded
        }
    }
}

/// The year group a September Guarantee record belongs to.
public enum GuaranteeYear: Int, CaseIterable, Sendable, Codable {
    case year11 = 11
    case year12 = 12
}

/// The four parts of the published September Guarantee measure.
public enum GuaranteeOutcome: String, CaseIterable, Sendable, Codable {
    case offerMade = "offer made"
    case offerNotAppropriate = "offer not appropriate"
    case noOffer = "no offer"
    case notRecorded = "not recorded"
}
