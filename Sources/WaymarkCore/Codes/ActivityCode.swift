/// Current activity (CA01): what a young person is doing, as the NCCIS standard codes it.
public enum ActivityCode: Int, NationalCode {
    case registeredAtSchoolInArea = 110
    case educatedAtHome = 120
    case custodialInstitutionPre16 = 130
    case notRegisteredAtSchool = 140
    case notKnownPre16 = 150
    case schoolSixthForm = 210
    case sixthFormCollege = 220
    case furtherEducation = 230
    case higherEducation = 240
    case partTimeEducation = 250
    case gapYear = 260
    case fullTimeEducationOther = 270
    case independentSpecialistProvider = 280
    case custodialEducation = 290
    case apprenticeship = 310
    case employmentWithAccreditedTraining = 320
    case employmentWithoutTraining = 330
    case employmentWithNonAccreditedTraining = 340
    case temporaryEmployment = 350
    case partTimeEmployment = 360
    case selfEmployment = 380
    case selfEmploymentWithStudy = 381
    case fundedWorkBasedLearning = 410
    case otherTraining = 430
    case dwpTrainingAndSupport = 440
    case traineeship = 450
    case supportedInternship = 460
    case reEngagementProvision = 530
    case workingNotForReward = 540
    case workingNotForRewardWithStudy = 550
    case notYetReady = 610
    case startDateAgreedOther = 615
    case startDateAgreedRPACompliant = 616
    case seekingEET = 619
    case notAvailableYoungCarer = 620
    case notAvailableTeenageParent = 630
    case notAvailableIllness = 640
    case notAvailablePregnancy = 650
    case notAvailableReligiousGrounds = 660
    case notAvailableUnlikelyEconomicallyActive = 670
    case notAvailableOther = 680
    case custodyYoungAdultOffender = 710
    case refugeeAsylumSeeker = 720
    case notKnown = 810
    case cannotBeContacted = 820
    case refusedToDisclose = 830

    public static let fieldName = "ActivityCode"

    public var meaning: String {
        switch self {
        case .registeredAtSchoolInArea: "Registered at a school or other educational establishment in the area"
        case .educatedAtHome: "Educated at home"
        case .custodialInstitutionPre16: "Custodial institution"
        case .notRegisteredAtSchool: "Not registered at a school or other educational establishment in the Service area"
        case .notKnownPre16: "Current situation not known"
        case .schoolSixthForm: "Full time education – school sixth-form"
        case .sixthFormCollege: "Full time education – sixth-form college"
        case .furtherEducation: "Full time education – further education"
        case .higherEducation: "Full time education – higher education"
        case .partTimeEducation: "Part time education"
        case .gapYear: "Gap year students"
        case .fullTimeEducationOther: "Full time education – other"
        case .independentSpecialistProvider: "Independent Specialist Provider"
        case .custodialEducation: "Full time education – custodial institution (juvenile offender)"
        case .apprenticeship: "Apprenticeship"
        case .employmentWithAccreditedTraining: "Employment combined with accredited training / part-time study"
        case .employmentWithoutTraining: "Employment without training"
        case .employmentWithNonAccreditedTraining: "Employment with non-accredited training"
        case .temporaryEmployment: "Temporary employment"
        case .partTimeEmployment: "Part-time employment"
        case .selfEmployment: "Self employment"
        case .selfEmploymentWithStudy: "Self employment combined with part-time study"
        case .fundedWorkBasedLearning: "EFA/SFA funded work based learning"
        case .otherTraining: "Other training (e.g. private training organisations)"
        case .dwpTrainingAndSupport: "DWP training and support programme"
        case .traineeship: "Traineeships"
        case .supportedInternship: "Supported Internship"
        case .reEngagementProvision: "Re-engagement provision"
        case .workingNotForReward: "Working not for reward"
        case .workingNotForRewardWithStudy: "Working not for reward combined with part-time study"
        case .notYetReady: "Not yet ready for work or learning"
        case .startDateAgreedOther: "Start date agreed (other)"
        case .startDateAgreedRPACompliant: "Start date agreed (RPA compliant)"
        case .seekingEET: "Seeking employment, education or training"
        case .notAvailableYoungCarer: "Not available to labour market/learning – young carer"
        case .notAvailableTeenageParent: "Not available to labour market/learning – teenage parents"
        case .notAvailableIllness: "Not available to labour market/learning – illness"
        case .notAvailablePregnancy: "Not available to labour market/learning – pregnancy"
        case .notAvailableReligiousGrounds: "Not available to labour market/learning – religious grounds"
        case .notAvailableUnlikelyEconomicallyActive:
            "Not available to labour market/learning – young person currently unlikely to be economically active"
        case .notAvailableOther: "Not available to labour market/learning – other reason"
        case .custodyYoungAdultOffender: "Custody (young adult offender)"
        case .refugeeAsylumSeeker: "Refugees/asylum seekers not yet granted citizenship"
        case .notKnown: "Current situation not known"
        case .cannotBeContacted: "Cannot be contacted – no current address"
        case .refusedToDisclose: "Refused to disclose activity"
        }
    }

    /// The standard's grouping (XSD annotations): 1xx pre-16, 2xx education,
    /// 3xx and 550 employment, 4xx training, 530 re-engagement, 540 and 6xx
    /// NEET, 7xx other, 8xx not known.
    public var group: ActivityGroup {
        switch rawValue {
        case 100..<200: .preSixteen
        case 200..<300: .education
        case 300..<400, 550: .employment
        case 400..<500: .training
        case 530: .reEngagement
        case 540, 600..<700: .neet
        case 700..<800: .other
        default: .notKnown
        }
    }

    /// Whether the activity meets the duty to participate (RPA) and so counts in
    /// the participation measure.
    ///
    /// Gap years, re-engagement, agreed start dates and employment without
    /// training are excluded (reference §2); part-time work counts only when
    /// combined with study.
    public var countsAsParticipation: Bool {
        switch self {
        case .schoolSixthForm, .sixthFormCollege, .furtherEducation, .higherEducation, .partTimeEducation,
            .fullTimeEducationOther, .independentSpecialistProvider, .custodialEducation,
            .apprenticeship, .employmentWithAccreditedTraining, .selfEmploymentWithStudy,
            .workingNotForRewardWithStudy,
            .fundedWorkBasedLearning, .otherTraining, .dwpTrainingAndSupport, .traineeship, .supportedInternship:
            true
        default:
            false
        }
    }

    /// The participation measure's parts (DfE dashboard columns).
    public var participationPart: ParticipationPart? {
        guard countsAsParticipation else { return nil }
        switch self {
        case .schoolSixthForm, .sixthFormCollege, .furtherEducation, .higherEducation, .fullTimeEducationOther,
            .independentSpecialistProvider, .custodialEducation:
            return .fullTimeEducation
        case .apprenticeship:
            return .apprenticeship
        default:
            return .otherEducationAndTraining
        }
    }

    /// NEET activities need a NEET start date (error 224); others must not have one (226).
    public var requiresNEETStartDate: Bool { group == .neet }

    /// Temporary employment, gap year, custody, asylum seekers and agreed start
    /// dates must carry a review date (error 262).
    public var requiresReviewDate: Bool {
        [.gapYear, .custodialEducation, .temporaryEmployment, .startDateAgreedRPACompliant,
         .custodyYoungAdultOffender, .refugeeAsylumSeeker].contains(self)
    }

    /// Education and training must carry a predicted end date, apprenticeships
    /// excepted (error 259).
    public var requiresPredictedEndDate: Bool {
        (group == .education || group == .training) && self != .apprenticeship
    }

    /// 280 and 460 are only for young people with SEND (errors 254, 255).
    public var requiresSEND: Bool {
        self == .independentSpecialistProvider || self == .supportedInternship
    }

    /// The characteristic an activity implies must be recorded (errors 233–236).
    public var requiredCharacteristic: CharacteristicCode? {
        switch self {
        case .notAvailableYoungCarer: .carerNotOwnChild
        case .notAvailableTeenageParent: .caringForOwnChild
        case .notAvailablePregnancy: .pregnancy
        case .refugeeAsylumSeeker: .refugeeAsylumSeeker
        default: nil
        }
    }
}

/// The parts of the participation measure, as published.
public enum ParticipationPart: String, CaseIterable, Sendable, Codable {
    case fullTimeEducation = "full-time education"
    case apprenticeship
    case otherEducationAndTraining = "other education and training"
}
