/// One numbered error from the NCCIS error report definitions (MI requirement
/// Appendix D; reference §8.2), as Waymark reports it before a return is sent.
///
/// Priorities follow the error definition table of the open-source NCCIS
/// checker the reference relies on (S1, `ErrorDef`), so a data manager sees the
/// same weighting NCCIS will give the error: 1 for errors that make a record
/// unusable or wrong in the headline figures, 2 for consistency and format
/// problems, 3 for the possible-duplicate warning (908) that NCCIS does not
/// count. Errors that table does not list were added after it and are weighted
/// by the same principle; their entries below say so.
public struct ReturnError: Sendable, Hashable, Codable {
    /// The Appendix D error number.
    public let number: Int
    /// 1 (counted, serious), 2 (counted, consistency or format) or 3 (advisory only).
    public let priority: Int
    /// The NCCIS element the error is about, e.g. "DateAscertained".
    public let field: String
    /// What is wrong, in words a data manager can act on.
    public let message: String
    /// Whether NCCIS rejects the whole file when any record has this error (240 and 904).
    public let rejectsFile: Bool

    init(_ number: Int, priority: Int, field: String, _ message: String, rejectsFile: Bool = false) {
        self.number = number
        self.priority = priority
        self.field = field
        self.message = message
        self.rejectsFile = rejectsFile
    }
}

/// Every error in Appendix D that Waymark checks, in number order.
public enum ReturnErrorCatalogue {
    /// All errors, sorted by number.
    public static let all: [ReturnError] = (youngPerson + levelOfNeed + activity + destinationAndSEN + fileLevel)
        .sorted { $0.number < $1.number }

    private static let byNumber: [Int: ReturnError] = Dictionary(uniqueKeysWithValues: all.map { ($0.number, $0) })

    /// The catalogue entry for an error number. Asking for a number that is not
    /// in Appendix D is a programming error, so it stops the program rather
    /// than inventing an entry.
    public static func error(_ number: Int) -> ReturnError {
        guard let error = byNumber[number] else { preconditionFailure("NCCIS error \(number) is not in the catalogue") }
        return error
    }

    private static let youngPerson: [ReturnError] = [
        ReturnError(1, priority: 1, field: "YoungPersonsID",
            "The YoungPersonsID must be 13 digits: the 3-digit database id then the local id, zero-padded"),
        ReturnError(2, priority: 1, field: "GivenName", "The given name is missing"),
        ReturnError(3, priority: 1, field: "FamilyName", "The family name is missing"),
        ReturnError(4, priority: 2, field: "Gender", "The gender is missing"),
        ReturnError(5, priority: 2, field: "Gender", "The gender is not a recognised code (F, M, U or W)"),
        ReturnError(6, priority: 2, field: "Ethnicity", "The ethnicity is missing"),
        ReturnError(7, priority: 2, field: "Ethnicity", "The ethnicity is not a recognised DfE code"),
        ReturnError(8, priority: 1, field: "DOB", "The date of birth is missing"),
        ReturnError(9, priority: 2, field: "DOB",
            "The date of birth makes the young person older than academic age 25: correct it, or stop returning them"),
        ReturnError(10, priority: 2, field: "DOB",
            "The date of birth makes the young person younger than academic age 15: correct it, or do not return them yet"),
        ReturnError(11, priority: 1, field: "CohortStatus", "The cohort status is missing"),
        ReturnError(13, priority: 2, field: "TransferredToLACode",
            "The young person is marked as transferred (T) but the LA they transferred to is not recorded"),
        ReturnError(14, priority: 1, field: "LeadLEA", "The lead LA is missing"),
        ReturnError(15, priority: 1, field: "LeadLEA", "The lead LA is not a recognised LA code"),
        ReturnError(19, priority: 2, field: "EducatedLEA",
            "The LA where the young person is educated is missing or not a recognised LA code"),
        ReturnError(24, priority: 2, field: "LEACodeAtYear11", "The LA code at Year 11 is not a recognised LA code"),
        ReturnError(25, priority: 1, field: "LEACodeAtYear11",
            "The LA code at Year 11 differs from the LA on the Year 11 September Guarantee"),
        ReturnError(26, priority: 2, field: "LeadLEA",
            "The lead LA is not an LA this return is sent for: secondary registrations must not be returned"),
        // S1 checks the guarantee status codes under this number as well as the
        // indicator (its text points to SG02/SG11), so a status that is not
        // recognised, or not allowed for its year group (114/115 in Year 11), is
        // reported here too.
        ReturnError(27, priority: 1, field: "GuaranteeStatusIndicator",
            "The September Guarantee indicator must be Y or N, and each guarantee status must be a code allowed for its year group"),
        ReturnError(29, priority: 2, field: "YouthContractStartDate",
            "The Youth Contract indicator is Y but the Youth Contract start date is missing"),
        ReturnError(30, priority: 2, field: "UniqueLearnerNo", "The ULN must be 10 digits"),
        ReturnError(31, priority: 1, field: "AddressLine1", "The record has no address at all"),
        ReturnError(32, priority: 1, field: "Postcode", "The postcode is missing"),
        ReturnError(33, priority: 2, field: "SENDFlag",
            "The young person is academic age 20 or over without SEND: only those with an EHC plan or LDA are returned at that age"),
        ReturnError(34, priority: 2, field: "TransferredToLACode", "A transferred-to LA is recorded but the cohort status is not T"),
        ReturnError(35, priority: 2, field: "TransferredToLACode", "The transferred-to LA is not a recognised LA code"),
        ReturnError(36, priority: 2, field: "YouthContractIndicator", "The Youth Contract indicator must be Y or N"),
        ReturnError(37, priority: 1, field: "PreviousYPIDIdentifier", "The previous YoungPersonsID must be the full 13-digit identifier"),
        ReturnError(38, priority: 2, field: "UniquePupilNumber", "The UPN must be 13 characters"),
        ReturnError(39, priority: 2, field: "UKProviderReferenceNumber", "The UKPRN must be 8 digits starting with 1"),
        ReturnError(40, priority: 1, field: "SENDFlag",
            "The young person is academic age 20 or over and has no SEND flag: record whether they have an EHC plan or LDA"),
        ReturnError(41, priority: 1, field: "TransferredToLACode", "A young person cannot be transferred to 004 (unknown area)"),
        ReturnError(42, priority: 1, field: "TransferredToLACode", "A young person cannot be transferred to their own lead LA"),
        ReturnError(43, priority: 2, field: "Postcode", "The postcode is not in UK postcode format (e.g. NE1 4XF)"),
        // 44–46 are newer than the S1 table; a stray character is a format problem.
        ReturnError(44, priority: 2, field: "GivenName", "The given name contains digits or characters that names cannot hold"),
        ReturnError(45, priority: 2, field: "FamilyName", "The family name contains digits or characters that names cannot hold"),
        ReturnError(46, priority: 2, field: "MiddleName", "The middle name contains digits or characters that names cannot hold"),
    ]

    private static let levelOfNeed: [ReturnError] = [
        ReturnError(100, priority: 1, field: "LevelOfNeedCode", "The level of need is missing"),
        ReturnError(101, priority: 2, field: "LevelOfNeedCode", "The level of need is not a recognised code (1, 2 or 3)"),
        ReturnError(102, priority: 2, field: "SENDFlag", "The SEND flag must be Y or N"),
        ReturnError(103, priority: 2, field: "SENDFlag", "The SEND flag is missing"),
        ReturnError(104, priority: 2, field: "CharacteristicCode", "A characteristic is not a recognised code"),
    ]

    private static let activity: [ReturnError] = [
        ReturnError(200, priority: 1, field: "ActivityCode", "The current activity code is missing"),
        ReturnError(201, priority: 1, field: "ActivityCode", "The current activity code is not a recognised code"),
        ReturnError(202, priority: 1, field: "StartDate", "The activity start date is missing"),
        ReturnError(203, priority: 1, field: "DateAscertained", "The date the activity was ascertained is missing"),
        ReturnError(220, priority: 1, field: "CurrencyLapsed", "The currency lapsed flag is missing"),
        ReturnError(221, priority: 1, field: "CurrencyLapsed", "The currency lapsed flag must be Y or N"),
        ReturnError(224, priority: 1, field: "NEETStartDate", "The activity is NEET but the date the NEET spell began is missing"),
        ReturnError(225, priority: 1, field: "NEETStartDate", "The NEET start date is after the activity start date"),
        ReturnError(226, priority: 1, field: "NEETStartDate", "A NEET start date is recorded but the activity is not NEET"),
        ReturnError(228, priority: 1, field: "EstablishmentNumber",
            "The establishment number must be 7 digits: the LA code and the 4-digit DfE number (LA code + 9999 if there is none)"),
        ReturnError(229, priority: 1, field: "ActivityCode",
            "The young person is too young for a post-16 activity: check the activity or the date of birth"),
        ReturnError(230, priority: 1, field: "ActivityCode",
            "The young person is too old for a pre-16 activity: check the activity or the date of birth"),
        ReturnError(231, priority: 2, field: "CurrencyLapsed",
            "Currency is marked as lapsed (Y) but the due-to-lapse date is not before the period end"),
        ReturnError(232, priority: 2, field: "CurrencyLapsed",
            "Currency is marked as current (N) but the due-to-lapse date is before the period end"),
        ReturnError(233, priority: 2, field: "ActivityCode",
            "The activity is young carer (620) but characteristic 140 (carer) is not recorded"),
        ReturnError(234, priority: 2, field: "ActivityCode",
            "The activity is teenage parent (630) but characteristic 120 (caring for own child) is not recorded"),
        ReturnError(235, priority: 2, field: "ActivityCode",
            "The activity is pregnancy (650) but characteristic 180 (pregnancy) is not recorded"),
        ReturnError(236, priority: 2, field: "ActivityCode",
            "The activity is refugee/asylum seeker (720) but characteristic 130 is not recorded"),
        ReturnError(237, priority: 2, field: "DateAscertained", "The date ascertained is after the date verified"),
        ReturnError(238, priority: 2, field: "DueToLapseDate",
            "The due-to-lapse date is after the predicted end date: currency cannot outlast the course"),
        ReturnError(240, priority: 1, field: "Activities",
            "The record has no current activity: NCCIS rejects the whole file until every record has one", rejectsFile: true),
        ReturnError(242, priority: 2, field: "DateAscertained", "The date ascertained is before the activity start date"),
        ReturnError(243, priority: 2, field: "DueToLapseDate", "The due-to-lapse date is missing"),
        ReturnError(244, priority: 2, field: "DueToLapseDate", "The due-to-lapse date cannot be written as CCYY-MM-DD"),
        ReturnError(251, priority: 2, field: "NEETStartDate", "The NEET start date is before the young person's 15th birthday"),
        ReturnError(253, priority: 2, field: "ActivityCode",
            "Activity 440 (DWP training and support programme) cannot be used for 16 and 17 year olds"),
        ReturnError(254, priority: 1, field: "ActivityCode",
            "Activity 280 (Independent Specialist Provider) is only for young people with SEND"),
        ReturnError(255, priority: 1, field: "ActivityCode", "Activity 460 (Supported Internship) is only for young people with SEND"),
        ReturnError(256, priority: 1, field: "DateVerified", "The date verified is before the activity start date"),
        ReturnError(257, priority: 2, field: "ReviewDate", "The review date is after the predicted end date"),
        ReturnError(258, priority: 1, field: "PredictedEndDate",
            "The predicted end date is not valid: it is before the start date or cannot be written"),
        ReturnError(259, priority: 1, field: "PredictedEndDate",
            "Education and training (other than apprenticeships) need a predicted end date"),
        ReturnError(260, priority: 2, field: "CharacteristicCode", "Pregnancy (180) is recorded for someone whose gender is M"),
        ReturnError(261, priority: 1, field: "LEACode", "A September Guarantee LA code is not a recognised LA code"),
        ReturnError(262, priority: 1, field: "ReviewDate",
            "Gap year, custodial education, temporary employment, agreed start date, custody and asylum activities need a review date"),
    ]

    private static let destinationAndSEN: [ReturnError] = [
        ReturnError(301, priority: 2, field: "IntendedDestinationYr11", "The Year 11 intended destination is missing"),
        ReturnError(302, priority: 2, field: "IntendedDestinationYr11", "The Year 11 intended destination is not a recognised code"),
        // 303–306 are newer than the S1 table. The SEN support flags mirror the
        // SEND flag's weighting (102/103); a verification date after the period
        // end makes an activity look confirmed when it was not, which changes
        // the headline figures, so 305 is priority 1.
        ReturnError(303, priority: 2, field: "SENSupportFlag", "The SEN support flag is missing"),
        ReturnError(304, priority: 2, field: "SENSupportFlag", "The SEN support flag must be Y or N"),
        ReturnError(305, priority: 1, field: "DateVerified", "The date verified is after the period end of the return"),
        ReturnError(306, priority: 2, field: "SENSupportFlag", "A young person cannot have both SEND (an EHC plan) and SEN support"),
    ]

    private static let fileLevel: [ReturnError] = [
        ReturnError(902, priority: 1, field: "YoungPersonsID", "The YoungPersonsID is used by more than one record in the file"),
        ReturnError(903, priority: 1, field: "YoungPersonsID", "The YoungPersonsID does not start with the database id in the file header"),
        ReturnError(904, priority: 1, field: "CohortStatus",
            "The cohort status is not a recognised code: NCCIS rejects the whole file", rejectsFile: true),
        ReturnError(905, priority: 1, field: "GuaranteeStatus",
            "The young person is in the September Guarantee cohort (G) but no guarantee has both a status and an LA code"),
        ReturnError(906, priority: 1, field: "GuaranteeStatus",
            "The September Guarantee indicator is Y but no guarantee has both a status and an LA code"),
        ReturnError(907, priority: 1, field: "UniqueLearnerNo", "The ULN is used by more than one young person in the file"),
        ReturnError(908, priority: 3, field: "YoungPersonsID",
            "Possible duplicate: another record has the same given name, family name and date of birth (not counted by NCCIS)"),
        // 909 is newer than the S1 table; a stale pre-16 activity is a currency
        // problem, so it is priority 1.
        ReturnError(909, priority: 1, field: "StartDate",
            "A pre-16 activity has neither started nor been verified in the current academic year"),
    ]
}
