import Testing
import WaymarkCore

/// Merge fields are checked when a campaign is written and filled when it is sent.
@Suite struct CampaignTemplateTests {
    @Test func fieldsAreFilledAndTheLinkWaitsForSending() throws {
        let template = CampaignTemplate("Hi {{given_name}} {{family_name}}, from {{ la_name }}: {{link}}")
        #expect(try template.fieldNames() == ["given_name", "family_name", "la_name", "link"])
        let text = try template.render(["given_name": "Amara", "family_name": "Okafor", "la_name": "Northmere"])
        #expect(text == "Hi Amara Okafor, from Northmere: {{link}}", "a field not given stays as written, for the worker to fill")
        #expect(try CampaignTemplate(text).render(["link": "https://x/s/1"]) == "Hi Amara Okafor, from Northmere: https://x/s/1")
    }

    @Test func misspeltAndBrokenFieldsAreNamed() {
        #expect(throws: CampaignTemplateError.unknownField("givne_name")) { try CampaignTemplate("Dear {{givne_name}}").fieldNames() }
        #expect(throws: CampaignTemplateError.unclosedField) { try CampaignTemplate("Dear {{given_name").fieldNames() }
        #expect(throws: CampaignTemplateError.unopenedField) { try CampaignTemplate("Dear given_name}}").fieldNames() }
        #expect(CampaignTemplateError.unknownField("x").description.contains("{{given_name}}"), "the message lists the fields that exist")
    }

    @Test func plainTextAndEmptyTemplatesHaveNoFields() throws {
        #expect(try CampaignTemplate("").fieldNames().isEmpty)
        #expect(try CampaignTemplate("No fields { here }").render([:]) == "No fields { here }")
    }
}

/// Every plain answer a young person can give becomes an activity that passes the entry rules once verified.
@Suite struct SelfDeclaredActivityTests {
    let answered = d("2026-11-18")
    let verified = d("2026-11-20")

    @Test(arguments: SelfDeclaredActivity.allCases)
    func everyChoiceVerifiesCleanly(_ choice: SelfDeclaredActivity) {
        let activity = choice.activity(since: d("2026-09-01"), answeredOn: answered, verifiedOn: verified, place: "Northmere College")
        #expect(ActivityEntryRules.check(activity).isEmpty, "\(choice): \(ActivityEntryRules.check(activity).map(\.description))")
        #expect(activity.dateAscertained == answered && activity.dateVerified == verified)
    }

    @Test func aNEETSpellStartsWhenTheySaidAndHasNoPlace() {
        let activity = SelfDeclaredActivity.lookingForWork.activity(
            since: d("2026-07-01"), answeredOn: answered, verifiedOn: verified, place: "ignored")
        #expect(activity.code == .seekingEET && activity.neetStartDate == d("2026-07-01") && activity.establishmentName == nil)
    }

    @Test func aDeclaredStartBeforeTheNewestRecordIsMovedUpSoTheAnswerIsCurrent() {
        let activity = SelfDeclaredActivity.college.activity(
            since: d("2026-09-01"), answeredOn: answered, verifiedOn: verified, place: nil, latestRecordedStart: d("2026-10-15"))
        #expect(activity.startDate == d("2026-10-15"))
        let later = SelfDeclaredActivity.college.activity(
            since: d("2026-09-01"), answeredOn: answered, verifiedOn: verified, place: nil, latestRecordedStart: d("2026-06-01"))
        #expect(later.startDate == d("2026-09-01"), "an older record does not move the declared start")
    }

    @Test func aStartInTheFutureOrMissingIsTheDayTheyAnswered() {
        let future = SelfDeclaredActivity.college.activity(since: d("2027-01-01"), answeredOn: answered, verifiedOn: verified, place: nil)
        let missing = SelfDeclaredActivity.college.activity(since: nil, answeredOn: answered, verifiedOn: verified, place: "")
        #expect(future.startDate == answered && missing.startDate == answered && missing.establishmentName == nil)
        #expect(missing.predictedEndDate == d("2027-08-31"), "a course is taken to run to the end of the academic year")
    }
}

/// The campaign report: rates are of those contacted, groups overlap, the median is the middle.
@Suite struct CampaignReportTests {
    func outcome(_ channel: ContactChannel = .sms, skip: String? = nil, responded: Bool = false, resolvedAfter days: Int? = nil,
                 ward: String = "Riverside", characteristics: [String] = ["None recorded"]) -> CampaignOutcome {
        CampaignOutcome(channel: channel, skipReason: skip, attempted: skip == nil, responded: responded, resolved: days != nil,
                        daysToResolution: days, wasNotKnown: true, groups: ["Ward": [ward], "Characteristic": characteristics])
    }

    @Test func ratesAreOfThoseContactedAndSkipsAreCountedByReason() throws {
        let report = CampaignReport([
            outcome(responded: true, resolvedAfter: 2), outcome(responded: true), outcome(), outcome(),
            outcome(skip: "opted out of text message"), outcome(skip: "opted out of text message"), outcome(skip: "already resolved"),
        ])
        #expect(report.overall.considered == 7 && report.overall.contacted == 4 && report.overall.responded == 2 && report.overall.resolved == 1)
        #expect(report.overall.responseRate == 0.5 && report.overall.resolutionRate == 0.25)
        #expect(report.skipped.map(\.reason) == ["opted out of text message", "already resolved"] && report.skipped.map(\.count) == [2, 1])
        #expect(report.notKnownResolved == 1 && report.medianDaysToResolution == 2)
    }

    @Test func groupsSplitByWardAndAPersonCountsInEachOfTheirCharacteristics() throws {
        let report = CampaignReport([
            outcome(responded: true, resolvedAfter: 1, ward: "Ashdown", characteristics: ["200 – SEN support", "110 – Looked after"]),
            outcome(resolvedAfter: 5, ward: "Riverside", characteristics: ["200 – SEN support"]),
            outcome(ward: "Riverside"),
        ])
        let wards = try #require(report.byDimension.first { $0.name == "Ward" })
        #expect(wards.groups.map(\.name) == ["Ashdown", "Riverside"] && wards.groups.map(\.tally.contacted) == [1, 2])
        let characteristics = try #require(report.byDimension.first { $0.name == "Characteristic" })
        #expect(characteristics.groups.first { $0.name == "200 – SEN support" }?.tally.resolved == 2)
        #expect(characteristics.groups.first { $0.name == "110 – Looked after" }?.tally.contacted == 1)
        #expect(report.medianDaysToResolution == 3, "the median of 1 and 5 days")
    }

    @Test func aReportWithNobodyContactedHasNoRates() {
        let report = CampaignReport([outcome(skip: "the record says not to contact")])
        #expect(report.overall.responseRate == nil && report.medianDaysToResolution == nil && report.notKnownResolved == 0)
        #expect(report.byChannel.map(\.name) == ["Text message"])
    }
}
