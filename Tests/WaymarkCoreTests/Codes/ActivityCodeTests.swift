import Testing
import WaymarkCore

struct ActivityCodeTests {
    @Test(arguments: [
        (110, ActivityGroup.preSixteen), (150, .preSixteen), (210, .education), (260, .education), (290, .education),
        (310, .employment), (381, .employment), (550, .employment), (410, .training), (460, .training),
        (530, .reEngagement), (540, .neet), (619, .neet), (680, .neet), (710, .other), (720, .other),
        (810, .notKnown), (820, .notKnown), (830, .notKnown),
    ])
    func eachCodeSitsInItsStandardGroup(code: Int, group: ActivityGroup) throws {
        #expect(try ActivityCode.parse(String(code)).group == group)
    }

    @Test func participationExcludesGapYearsReEngagementAgreedStartsAndJobsWithoutTraining() {
        for excluded: ActivityCode in [.gapYear, .reEngagementProvision, .startDateAgreedOther, .startDateAgreedRPACompliant,
                                        .employmentWithoutTraining, .temporaryEmployment] {
            #expect(!excluded.countsAsParticipation, "\(excluded.rawValue) should not count")
        }
        for included: ActivityCode in [.schoolSixthForm, .apprenticeship, .partTimeEducation, .employmentWithAccreditedTraining,
                                        .traineeship, .supportedInternship, .otherTraining] {
            #expect(included.countsAsParticipation, "\(included.rawValue) should count")
        }
        #expect(ActivityCode.apprenticeship.participationPart == .apprenticeship)
        #expect(ActivityCode.furtherEducation.participationPart == .fullTimeEducation)
        #expect(ActivityCode.traineeship.participationPart == .otherEducationAndTraining)
    }

    @Test func everyCodeHasAnOfficialMeaning() {
        for code in ActivityCode.allCases { #expect(!code.meaning.isEmpty) }
        #expect(ActivityCode.allCases.count == 46)
    }

    @Test(arguments: ["999", "000", "6l9", "", "NEET"])
    func unknownCodesAreErrorsThatNameTheField(_ text: String) {
        #expect(throws: UnknownCodeError(field: "ActivityCode", value: text)) { try ActivityCode.parse(text) }
    }

    @Test func codeRequirementsFollowTheErrorList() {
        #expect(ActivityCode.apprenticeship.requiresPredictedEndDate == false)  // 259 exempts apprenticeships
        #expect(ActivityCode.furtherEducation.requiresPredictedEndDate)
        #expect(ActivityCode.temporaryEmployment.requiresReviewDate)  // 262
        #expect(ActivityCode.seekingEET.requiresNEETStartDate)  // 224
        #expect(ActivityCode.notAvailableYoungCarer.requiredCharacteristic == .carerNotOwnChild)  // 233
    }
}

struct OtherCodeSetTests {
    @Test func personCodeSetsParseTheirOwnValuesAndRefuseOthers() throws {
        #expect(try CohortStatus.parse("L") == .sendCeased)
        #expect(throws: UnknownCodeError(field: "CohortStatus", value: "X")) { try CohortStatus.parse("X") }
        #expect(try Gender.parse("W") == .withheld)
        #expect(try Ethnicity.parse("BBRI") == .blackBritish)
        #expect(throws: UnknownCodeError.self) { try Ethnicity.parse("WBR") }
        #expect(try LevelOfNeed.parse("1") == .intensiveSupport)
        #expect(throws: UnknownCodeError.self) { try LevelOfNeed.parse("4") }
        #expect(try IntendedDestination.parse("511") == .undecided)
        #expect(try CharacteristicCode.parse("210") == .mentalHealth)
        #expect(throws: UnknownCodeError.self) { try CharacteristicCode.parse("220") }
    }

    @Test func onlyLeaversAreInactive() {
        #expect(CohortStatus.allCases.filter(\.isActive) == [.primary, .septemberGuarantee])
    }

    @Test func vulnerableGroupLeavesOutParentingAndPregnancy() {
        let notVulnerable = CharacteristicCode.allCases.filter { !$0.isVulnerableGroup }
        #expect(notVulnerable == [.caringForOwnChild, .pregnancy])
    }

    @Test func guaranteeStatusesForYearTwelveOnly() {
        #expect(!GuaranteeStatus.continuingInEducation.isAllowed(for: .year11))
        #expect(GuaranteeStatus.continuingInEducation.isAllowed(for: .year12))
        #expect(GuaranteeStatus.notYetRecorded.outcome == .notRecorded)
        #expect(GuaranteeStatus.notAppropriatePersonalDevelopment.outcome == .offerNotAppropriate)
    }

    @Test func localAuthorityCodesIncludeTheSpecialOnes() throws {
        let registry = LocalAuthorityRegistry.national
        #expect(registry.name(of: try registry.code("886")) == "Kent")
        #expect(try registry.code("004") == .unknownArea)
        #expect(!LocalAuthorityCode.unknownArea.isValidTransferDestination)
        #expect(try registry.code("702") == .serviceChildrensEducation)
        #expect(try registry.code("001").isOutsideEngland)
        #expect(throws: UnknownCodeError(field: "LeadLEA", value: "999")) { try registry.code("999", field: "LeadLEA") }
        #expect(registry.allCodes.count == 152 + 5 + 4)  // England 2019-20 incl. 702, special 000–004, reorganisations
    }

    @Test func anInstallationCanAddACode() throws {
        let registry = LocalAuthorityRegistry(additional: ["990": "Northmere"])
        #expect(registry.name(of: try registry.code("990")) == "Northmere")
    }
}
