/// Rules on the personal details of a return record (errors 1–46 and 903–904).
extension ReturnRules {
    func checkIdentifiers(_ record: ReturnRecord, into found: inout FindingCollector) {
        let id = record.youngPersonsID.trimmingWhitespace()
        if !id.isDigits(count: 13) {
            found.report(1, "YoungPersonsID has \(id.count) characters")
        }
        if let databaseID = header.databaseIDs.first, !id.hasPrefix(databaseID) {
            found.report(903, "YoungPersonsID starts '\(id.prefix(3))'; the header database id is \(databaseID)")
        }
        if let previous = record.previousYPID.nonBlank, !previous.isDigits(count: 13) {
            found.report(37, "PreviousYPIDIdentifier has \(previous.count) characters")
        }
        // The ULN and UPN are identifiers, but their length is all that helps here.
        if let uln = record.uln.nonBlank, !uln.isDigits(count: 10) {
            found.report(30, "UniqueLearnerNo has \(uln.count) characters")
        }
        if let upn = record.upn.nonBlank, upn.count != 13 {
            found.report(38, "UniquePupilNumber has \(upn.count) characters")
        }
    }

    /// Names, gender, ethnicity and date of birth. Details never repeat a name or the date of birth.
    func checkIdentity(_ record: ReturnRecord, into found: inout FindingCollector) {
        if let given = record.givenName.nonBlank {
            if YoungPersonIdentity.hasIllegalCharacters(given) { found.report(44) }
        } else {
            found.report(2)
        }
        if let family = record.familyName.nonBlank {
            if YoungPersonIdentity.hasIllegalCharacters(family) { found.report(45) }
        } else {
            found.report(3)
        }
        if let middle = record.middleName.nonBlank, YoungPersonIdentity.hasIllegalCharacters(middle) {
            found.report(46)
        }
        if let gender = record.gender.nonBlank {
            if (try? Gender.parse(gender)) == nil { found.report(5, "Gender code '\(gender)'") }
        } else {
            found.report(4)
        }
        if let ethnicity = record.ethnicity.nonBlank {
            if (try? Ethnicity.parse(ethnicity)) == nil { found.report(7, "Ethnicity code '\(ethnicity)'") }
        } else {
            found.report(6)
        }
        guard let age = academicAge(of: record) else {
            found.report(8)
            return
        }
        if age > Self.oldestAcademicAge {
            found.report(9, "Academic age \(age) at the period end")
        }
        if age < cohort.finalCompulsoryAge {
            found.report(10, "Academic age \(age) at the period end")
        }
    }

    /// Cohort status, the lead, educated, transferred-to and Year 11 LAs.
    func checkCohortAndAuthorities(_ record: ReturnRecord, into found: inout FindingCollector) {
        let status = record.cohortStatus.nonBlank
        if let status {
            if (try? CohortStatus.parse(status)) == nil { found.report(904, "CohortStatus code '\(status)'") }
        } else {
            found.report(11)
        }
        let lead = record.leadLA.nonBlank
        if let lead {
            if !isRecognisedLA(lead) {
                found.report(15, "LeadLEA code '\(lead)'")
            } else if !header.sourceLAs.contains(lead) {
                // An unrecognised code is reported once, as 15; 26 is for a real LA that is not ours.
                found.report(26, "LeadLEA \(lead); this return is for \(header.sourceLAs.joined(separator: ", "))")
            }
        } else {
            found.report(14)
        }
        // EducatedLEA is mandatory but Appendix D has no "missing" number for it;
        // a missing code is reported as not recognised so it is not written out blank.
        if let educated = record.educatedLA.nonBlank {
            if !isRecognisedLA(educated) { found.report(19, "EducatedLEA code '\(educated)'") }
        } else {
            found.report(19, "EducatedLEA is missing")
        }
        checkTransfer(record, status: status, lead: lead, into: &found)
        if let atYear11 = record.laCodeAtYear11.nonBlank, !isRecognisedLA(atYear11) {
            found.report(24, "LEACodeAtYear11 code '\(atYear11)'")
        }
    }

    private func checkTransfer(_ record: ReturnRecord, status: String?, lead: String?, into found: inout FindingCollector) {
        let isTransferred = status == CohortStatus.transferred.rawValue
        guard let destination = record.transferredToLA.nonBlank else {
            if isTransferred { found.report(13) }
            return
        }
        if !isTransferred {
            found.report(34, "TransferredToLACode \(destination) with CohortStatus '\(status ?? "")'")
        }
        if !isRecognisedLA(destination) {
            found.report(35, "TransferredToLACode code '\(destination)'")
        } else if destination == LocalAuthorityCode.unknownArea.code {
            found.report(41)
        } else if destination == lead {
            found.report(42, "TransferredToLACode \(destination)")
        }
    }

    /// Address presence and postcode format. Details never repeat any part of the address.
    func checkAddress(_ record: ReturnRecord, into found: inout FindingCollector) {
        let lines = record.addressLines.map(Optional.some) + [record.town, record.county]
        if lines.allSatisfy({ $0.nonBlank == nil }) {
            found.report(31)
        }
        if let postcode = record.postcode.nonBlank {
            if !UKPostcodeFormat.isWellFormed(postcode) { found.report(43) }
        } else {
            found.report(32)
        }
    }

    func checkYouthContract(_ record: ReturnRecord, into found: inout FindingCollector) {
        guard let indicator = record.youthContractIndicator.nonBlank else { return }
        if !indicator.isYesOrNo {
            found.report(36, "YouthContractIndicator '\(indicator)'")
        } else if indicator == "Y", record.youthContractStartDate == nil {
            found.report(29)
        }
    }

    func checkIntendedDestination(_ record: ReturnRecord, into found: inout FindingCollector) {
        if let destination = record.intendedDestination.nonBlank {
            if (try? IntendedDestination.parse(destination)) == nil {
                found.report(302, "IntendedDestinationYr11 code '\(destination)'")
            }
        } else if requireIntendedDestination {
            found.report(301)
        }
    }
}

extension String {
    /// "Y" or "N", the only values of the standard's flags.
    var isYesOrNo: Bool { self == "Y" || self == "N" }
}

/// The shape of a UK postcode (error 43): an outward code (A9, A99, AA9, AA99,
/// A9A or AA9A), an optional single space, and an inward code (9AA), in either
/// case. Only the shape is checked; whether the postcode exists is not.
enum UKPostcodeFormat {
    private static let outwardShapes: Set<String> = ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"]

    static func isWellFormed(_ text: String) -> Bool {
        let characters = Array(text.trimmingWhitespace().uppercased())
        guard characters.count >= 5 else { return false }
        let inward = characters.suffix(3)
        var outward = characters.dropLast(3)
        if outward.last == " " { outward = outward.dropLast() }
        // GIR 0AA (Girobank) is the one postcode outside the pattern.
        if String(outward) == "GIR" { return String(inward) == "0AA" }
        return shape(inward) == "9AA" && outwardShapes.contains(shape(outward))
    }

    private static func shape(_ characters: ArraySlice<Character>) -> String {
        String(characters.map { $0.isASCII && $0.isLetter ? "A" : $0.isASCIIDigit ? "9" : "?" })
    }
}
