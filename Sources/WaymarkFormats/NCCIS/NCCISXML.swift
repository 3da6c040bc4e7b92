public import WaymarkCore

/// The NCCIS monthly return as XML, written in pieces so a caller can stream
/// a whole local authority to a file: `start(header)`, then `record(_:)` for
/// each young person, then `end`. Element names and their order follow the
/// 2015-16 schema as used by the 2019-20 checker (reference §1.4).
public enum NCCISXML {
    /// The XML declaration, the root element and the file header.
    public static func start(_ header: ReturnHeader) -> String {
        var xml = XMLElementWriter()
        xml.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        xml.open("NCCIS")
        xml.open("FileHeader")
        xml.open("Databases")
        for id in header.databaseIDs { xml.element("DatabaseId", id) }
        xml.close("Databases")
        xml.open("SourceLEAs")
        for code in header.sourceLAs { xml.element("LEACode", code) }
        xml.close("SourceLEAs")
        xml.element("DateOfSend", header.dateOfSend)
        xml.element("PeriodEnd", header.periodEnd)
        xml.element("SupplierName", header.supplierName)
        xml.element("SupplierXMLVersion", header.supplierXMLVersion)
        xml.element("XMLSchemaVersion", header.xmlSchemaVersion)
        xml.close("FileHeader")
        return xml.text
    }

    /// One `YoungPersonsRecord`.
    public static func record(_ record: ReturnRecord) -> String {
        var xml = XMLElementWriter(depth: 1)
        xml.open("YoungPersonsRecord")
        personalDetails(record, into: &xml)
        septemberGuarantee(record, into: &xml)
        levelOfNeed(record, into: &xml)
        if let activity = record.activity { activities(activity, into: &xml) }
        if let destination = record.intendedDestination {
            xml.open("IntendedDestination")
            xml.element("IntendedDestinationYr11", destination)
            xml.close("IntendedDestination")
        }
        xml.close("YoungPersonsRecord")
        return xml.text
    }

    /// Closes the root element.
    public static let end = "</NCCIS>\n"

    private static func personalDetails(_ record: ReturnRecord, into xml: inout XMLElementWriter) {
        xml.open("PersonalDetails")
        xml.element("YoungPersonsID", record.youngPersonsID)
        xml.element("CohortStatus", record.cohortStatus)
        xml.element("GivenName", record.givenName)
        xml.element("MiddleName", record.middleName)
        xml.element("FamilyName", record.familyName)
        for (index, line) in record.addressLines.prefix(4).enumerated() { xml.element("AddressLine\(index + 1)", line) }
        xml.element("Town", record.town)
        xml.element("County", record.county)
        xml.element("Postcode", record.postcode)
        xml.element("Gender", record.gender)
        xml.element("DOB", record.dateOfBirth)
        xml.element("Ethnicity", record.ethnicity)
        xml.element("LeadLEA", record.leadLA)
        xml.element("EducatedLEA", record.educatedLA)
        xml.element("TransferredToLACode", record.transferredToLA)
        xml.element("LEACodeAtYear11", record.laCodeAtYear11)
        xml.element("UniqueLearnerNo", record.uln)
        xml.element("UniquePupilNumber", record.upn)
        xml.element("GuaranteeStatusIndicator", record.guaranteeStatusIndicator)
        xml.element("YouthContractIndicator", record.youthContractIndicator)
        xml.element("YouthContractStartDate", record.youthContractStartDate)
        xml.element("PreviousYPIDIdentifier", record.previousYPID)
        xml.close("PersonalDetails")
    }

    private static func septemberGuarantee(_ record: ReturnRecord, into xml: inout XMLElementWriter) {
        guard !record.guarantees.isEmpty else { return }
        xml.open("SeptemberGuarantee")
        for year in GuaranteeYear.allCases {
            guard let guarantee = record.guarantees.first(where: { $0.year == year }) else { continue }
            let name = year == .year11 ? "Year11" : "Year12"
            xml.open(name)
            xml.element("GuaranteeStatus", guarantee.status)
            xml.element("LEACode", guarantee.laCode)
            xml.close(name)
        }
        xml.close("SeptemberGuarantee")
    }

    private static func levelOfNeed(_ record: ReturnRecord, into xml: inout XMLElementWriter) {
        xml.open("LevelOfNeed")
        xml.element("LevelOfNeedCode", record.levelOfNeed)
        xml.element("SENDFlag", record.sendFlag)
        xml.element("SENSupportFlag", record.senSupportFlag)
        if !record.characteristics.isEmpty {
            xml.open("Characteristics")
            for code in record.characteristics { xml.element("CharacteristicCode", code) }
            xml.close("Characteristics")
        }
        xml.close("LevelOfNeed")
    }

    private static func activities(_ activity: ReturnActivity, into xml: inout XMLElementWriter) {
        xml.open("Activities")
        xml.open("Cohort")
        xml.element("ActivityCode", activity.code)
        xml.element("StartDate", activity.startDate)
        xml.element("DateAscertained", activity.dateAscertained)
        xml.element("DateVerified", activity.dateVerified)
        xml.element("ReviewDate", activity.reviewDate)
        xml.element("DueToLapseDate", activity.dueToLapseDate)
        xml.element("CurrencyLapsed", activity.currencyLapsed)
        xml.element("EstablishmentNumber", activity.establishmentNumber)
        xml.element("EstablishmentName", activity.establishmentName)
        xml.element("UKProviderReferenceNumber", activity.ukprn)
        xml.element("NEETStartDate", activity.neetStartDate)
        xml.element("PredictedEndDate", activity.predictedEndDate)
        xml.close("Cohort")
        xml.close("Activities")
    }
}
