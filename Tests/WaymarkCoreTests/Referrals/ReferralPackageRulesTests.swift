import Testing
import WaymarkCore

@Suite struct ReferralPackageRulesTests {
    @Test func everyPurposeAsksForWhoTheyAreAndHowToReachThemAndNeverForNotes() {
        for purpose in ReferralPurpose.allCases {
            #expect(purpose.requestedClasses.isSuperset(of: [.identity, .contact, .currentActivity, .educationAndActivity]))
            #expect(!purpose.requestedClasses.contains(.notes))
            #expect(!purpose.requestedClasses.contains(.exploitation))
        }
        #expect(ReferralPurpose.youthJustice.requestedClasses.contains(.offending))
        #expect(!ReferralPurpose.housing.requestedClasses.contains(.mentalHealth))
    }

    @Test func partnerKindsAreTheSixServicesAndTwoAreSensitive() {
        #expect(OrganisationKind.allCases.filter(\.isPartner) == [.youthJustice, .leavingCare, .housing, .health, .voluntarySector, .jobcentre])
        #expect(OrganisationKind.allCases.filter(\.isSensitiveService) == [.youthJustice, .health])
        #expect(OrganisationKind.youthJustice.usualReferralPurpose == .youthJustice)
        #expect(OrganisationKind.jobcentre.usualReferralPurpose == .employmentSupport)
    }

    @Test func reasonsAreNamedByFieldWhenMissingShortOrLong() throws {
        #expect(throws: ReferralReasonProblem.missing(field: "reason for withdrawing")) { try ReferralReason("  ", field: "reason for withdrawing") }
        #expect(throws: ReferralReasonProblem.tooShort(field: "summary")) { try ReferralReason("ok", field: "summary") }
        #expect(throws: ReferralReasonProblem.tooLong(field: "summary")) { try ReferralReason(String(repeating: "a", count: 1001), field: "summary") }
        #expect(try ReferralReason("  Moved to another area  ", field: "summary").text == "Moved to another area")
    }
}
