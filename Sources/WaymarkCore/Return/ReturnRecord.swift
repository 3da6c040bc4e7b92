/// One young person exactly as the NCCIS monthly return carries them.
///
/// Coded fields are kept as the text that will be written, not as typed
/// codes: the return's validation must be able to say "not recognised" about
/// a value that a broken record or an old import left behind, and the writer
/// must never invent a value the record does not hold.
public struct ReturnRecord: Equatable, Sendable {
    /// The store's id, for links from the readiness report; not written to the file.
    public var personID: Int64
    /// 13 digits: the 3-digit database id and the local id, zero-padded.
    public var youngPersonsID: String
    public var cohortStatus: String?
    public var givenName: String?
    public var middleName: String?
    public var familyName: String?
    /// Up to four lines.
    public var addressLines: [String]
    public var town: String?
    public var county: String?
    public var postcode: String?
    public var gender: String?
    public var dateOfBirth: CalendarDate?
    public var ethnicity: String?
    public var leadLA: String?
    public var educatedLA: String?
    public var transferredToLA: String?
    public var laCodeAtYear11: String?
    public var uln: String?
    public var upn: String?
    /// Y or N: whether the young person is in a September Guarantee cohort.
    public var guaranteeStatusIndicator: String?
    public var youthContractIndicator: String?
    public var youthContractStartDate: CalendarDate?
    public var previousYPID: String?
    public var guarantees: [ReturnGuarantee]
    public var levelOfNeed: String?
    /// Y or N.
    public var sendFlag: String?
    /// Y or N.
    public var senSupportFlag: String?
    public var characteristics: [String]
    /// The single current activity (a record without one makes the file fail, error 240).
    public var activity: ReturnActivity?
    public var intendedDestination: String?

    public init(
        personID: Int64, youngPersonsID: String, cohortStatus: String? = nil, givenName: String? = nil,
        middleName: String? = nil, familyName: String? = nil, addressLines: [String] = [], town: String? = nil,
        county: String? = nil, postcode: String? = nil, gender: String? = nil, dateOfBirth: CalendarDate? = nil,
        ethnicity: String? = nil, leadLA: String? = nil, educatedLA: String? = nil, transferredToLA: String? = nil,
        laCodeAtYear11: String? = nil, uln: String? = nil, upn: String? = nil, guaranteeStatusIndicator: String? = nil,
        youthContractIndicator: String? = nil, youthContractStartDate: CalendarDate? = nil, previousYPID: String? = nil,
        guarantees: [ReturnGuarantee] = [], levelOfNeed: String? = nil, sendFlag: String? = nil,
        senSupportFlag: String? = nil, characteristics: [String] = [], activity: ReturnActivity? = nil,
        intendedDestination: String? = nil
    ) {
        self.personID = personID
        self.youngPersonsID = youngPersonsID
        self.cohortStatus = cohortStatus
        self.givenName = givenName
        self.middleName = middleName
        self.familyName = familyName
        self.addressLines = addressLines
        self.town = town
        self.county = county
        self.postcode = postcode
        self.gender = gender
        self.dateOfBirth = dateOfBirth
        self.ethnicity = ethnicity
        self.leadLA = leadLA
        self.educatedLA = educatedLA
        self.transferredToLA = transferredToLA
        self.laCodeAtYear11 = laCodeAtYear11
        self.uln = uln
        self.upn = upn
        self.guaranteeStatusIndicator = guaranteeStatusIndicator
        self.youthContractIndicator = youthContractIndicator
        self.youthContractStartDate = youthContractStartDate
        self.previousYPID = previousYPID
        self.guarantees = guarantees
        self.levelOfNeed = levelOfNeed
        self.sendFlag = sendFlag
        self.senSupportFlag = senSupportFlag
        self.characteristics = characteristics
        self.activity = activity
        self.intendedDestination = intendedDestination
    }

    /// The Year 11 guarantee, if the record has one.
    public var year11Guarantee: ReturnGuarantee? { guarantees.first { $0.year == .year11 } }
}

/// A September Guarantee entry as the return carries it.
public struct ReturnGuarantee: Equatable, Sendable {
    public var year: GuaranteeYear
    public var status: String?
    public var laCode: String?

    public init(year: GuaranteeYear, status: String?, laCode: String?) {
        self.year = year
        self.status = status
        self.laCode = laCode
    }
}

/// The current activity as the return carries it, with currency already derived.
public struct ReturnActivity: Equatable, Sendable {
    public var code: String?
    public var startDate: CalendarDate?
    public var dateAscertained: CalendarDate?
    public var dateVerified: CalendarDate?
    public var reviewDate: CalendarDate?
    public var dueToLapseDate: CalendarDate?
    /// Y or N.
    public var currencyLapsed: String?
    public var establishmentNumber: String?
    public var establishmentName: String?
    public var ukprn: String?
    public var neetStartDate: CalendarDate?
    public var predictedEndDate: CalendarDate?

    public init(
        code: String?, startDate: CalendarDate?, dateAscertained: CalendarDate?, dateVerified: CalendarDate? = nil,
        reviewDate: CalendarDate? = nil, dueToLapseDate: CalendarDate? = nil, currencyLapsed: String? = nil,
        establishmentNumber: String? = nil, establishmentName: String? = nil, ukprn: String? = nil,
        neetStartDate: CalendarDate? = nil, predictedEndDate: CalendarDate? = nil
    ) {
        self.code = code
        self.startDate = startDate
        self.dateAscertained = dateAscertained
        self.dateVerified = dateVerified
        self.reviewDate = reviewDate
        self.dueToLapseDate = dueToLapseDate
        self.currencyLapsed = currencyLapsed
        self.establishmentNumber = establishmentNumber
        self.establishmentName = establishmentName
        self.ukprn = ukprn
        self.neetStartDate = neetStartDate
        self.predictedEndDate = predictedEndDate
    }

    /// Derives the return's view of a stored activity: its code as written,
    /// and the due-to-lapse date and lapsed flag at the period end.
    public init(_ activity: ActivityRecord, currency: CurrencyPolicy, periodEnd: CalendarDate) {
        self.init(
            code: String(activity.code.rawValue), startDate: activity.startDate, dateAscertained: activity.dateAscertained,
            dateVerified: activity.dateVerified, reviewDate: activity.reviewDate,
            dueToLapseDate: currency.dueToLapseDate(for: activity),
            currencyLapsed: currency.hasLapsed(activity, at: periodEnd) ? "Y" : "N",
            establishmentNumber: activity.establishmentNumber, establishmentName: activity.establishmentName,
            ukprn: activity.ukprn, neetStartDate: activity.neetStartDate, predictedEndDate: activity.predictedEndDate)
    }
}

/// The file header of a return.
public struct ReturnHeader: Equatable, Sendable {
    /// The 3-digit database ids; the first prefixes every YoungPersonsID.
    public var databaseIDs: [String]
    public var sourceLAs: [String]
    public var dateOfSend: CalendarDate
    public var periodEnd: CalendarDate
    public var supplierName: String
    public var supplierXMLVersion: String
    public var xmlSchemaVersion: String

    public init(
        databaseIDs: [String], sourceLAs: [String], dateOfSend: CalendarDate, periodEnd: CalendarDate,
        supplierName: String = "Waymark", supplierXMLVersion: String = "1.0", xmlSchemaVersion: String = "2019-20"
    ) {
        self.databaseIDs = databaseIDs
        self.sourceLAs = sourceLAs
        self.dateOfSend = dateOfSend
        self.periodEnd = periodEnd
        self.supplierName = supplierName
        self.supplierXMLVersion = supplierXMLVersion
        self.xmlSchemaVersion = xmlSchemaVersion
    }
}
