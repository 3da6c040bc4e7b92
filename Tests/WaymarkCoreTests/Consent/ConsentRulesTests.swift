import Foundation
import Testing
import WaymarkCore

@Suite struct ConsentRulesTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static let today = try! CalendarDate(iso: "2026-11-29")
    static let school: Int64 = 7

    static func provision(
        _ decision: ConsentDecision, purpose: SharingPurpose? = .schoolSupport, recipient: ConsentRecipient = .anyone,
        dataClass: SensitivityClass? = nil, from: CalendarDate = today.adding(days: -30), until: CalendarDate? = nil,
        recordedAt: Date = now.addingTimeInterval(-3600), withdrawnAt: Date? = nil, id: Int64 = 1
    ) -> ConsentProvision {
        ConsentProvision(
            id: id, decision: decision, purpose: purpose, recipient: recipient, dataClass: dataClass, from: from, until: until, givenBy: .youngPerson,
            method: .paper, recordedAt: recordedAt, withdrawnAt: withdrawnAt)
    }

    static let share = ProposedShare(purpose: .schoolSupport, recipientID: school, recipientKind: .school, dataClass: .educationAndActivity)

    func outcome(_ provisions: [ConsentProvision]) -> ConsentOutcome {
        ConsentRules.evaluate(provisions, for: Self.share, on: Self.today, at: Self.now)
    }

    @Test func nothingRecordedIsSilent() {
        #expect(outcome([]) == .silent)
    }

    @Test func theMostSpecificRecipientWinsEitherWay() {
        let denyAll = Self.provision(.deny, id: 1)
        let permitThisSchool = Self.provision(.permit, recipient: .organisation(Self.school), id: 2)
        #expect(outcome([denyAll, permitThisSchool]) == .permitted(by: permitThisSchool))
        let permitSchools = Self.provision(.permit, recipient: .kind(.school), id: 3)
        let denyThisSchool = Self.provision(.deny, recipient: .organisation(Self.school), id: 4)
        #expect(outcome([permitSchools, denyThisSchool]) == .denied(by: denyThisSchool))
        #expect(outcome([denyAll, permitSchools]) == .permitted(by: permitSchools), "a kind is more specific than anyone")
    }

    @Test func aNamedClassIsMoreSpecificThanEveryClassAndANamedPurposeThanEveryPurpose() {
        let denyEverything = Self.provision(.deny, dataClass: nil, id: 1)
        let permitHistory = Self.provision(.permit, dataClass: .educationAndActivity, id: 2)
        #expect(outcome([denyEverything, permitHistory]) == .permitted(by: permitHistory))
        let permitAnyPurpose = Self.provision(.permit, purpose: nil, id: 3)
        let denySchoolSupport = Self.provision(.deny, purpose: .schoolSupport, id: 4)
        #expect(outcome([permitAnyPurpose, denySchoolSupport]) == .denied(by: denySchoolSupport))
    }

    @Test func atEqualSpecificityDenyBeatsPermitWhateverTheOrder() {
        let permit = Self.provision(.permit, recipient: .kind(.school), recordedAt: Self.now.addingTimeInterval(-60), id: 1)
        let deny = Self.provision(.deny, recipient: .kind(.school), recordedAt: Self.now.addingTimeInterval(-7200), id: 2)
        #expect(outcome([permit, deny]) == .denied(by: deny))
        #expect(outcome([deny, permit]) == .denied(by: deny))
    }

    @Test func outsideItsPeriodAProvisionDoesNotApply() {
        let notYet = Self.provision(.deny, from: Self.today.adding(days: 1))
        let ended = Self.provision(.deny, from: Self.today.adding(days: -60), until: Self.today.adding(days: -1))
        let lastDay = Self.provision(.deny, until: Self.today)
        #expect(outcome([notYet]) == .silent)
        #expect(outcome([ended]) == .silent)
        #expect(outcome([lastDay]) == .denied(by: lastDay), "the last day is inside the period")
    }

    @Test func withdrawalTakesEffectAtTheInstantAndTheProvisionBelowShowsThrough() {
        let deny = Self.provision(.deny, recipient: .organisation(Self.school), withdrawnAt: Self.now, id: 1)
        let permit = Self.provision(.permit, id: 2)
        #expect(outcome([deny, permit]) == .permitted(by: permit))
        let stillDenying = Self.provision(.deny, recipient: .organisation(Self.school), withdrawnAt: Self.now.addingTimeInterval(1), id: 3)
        #expect(outcome([stillDenying, permit]) == .denied(by: stillDenying))
    }

    @Test func aProvisionForAnotherRecipientPurposeOrClassDoesNotCover() {
        let otherSchool = Self.provision(.deny, recipient: .organisation(99))
        let colleges = Self.provision(.deny, recipient: .kind(.furtherEducationCollege))
        let referrals = Self.provision(.deny, purpose: .referral)
        let notes = Self.provision(.deny, dataClass: .notes)
        #expect(outcome([otherSchool, colleges, referrals, notes]) == .silent)
    }
}

@Suite struct OwnChoiceTests {
    @Test func theAnswerIsTheLatestStandingProvisionOfExactlyItsShapeHoweverItWasRecorded() {
        let now = ConsentRulesTests.now
        let today = ConsentRulesTests.today
        let paper = ConsentRulesTests.provision(.deny, dataClass: .currentActivity, recordedAt: now - 600, id: 1)
        let online = OwnChoice.schoolSeesActivity.provision(.permit, on: today, at: now - 60)!
        let oneSchool = ConsentRulesTests.provision(.deny, recipient: .organisation(7), dataClass: .currentActivity, id: 3)
        #expect(OwnChoice.schoolSeesActivity.answer(in: [paper, oneSchool], on: today, at: now) == paper)
        #expect(OwnChoice.schoolSeesActivity.answer(in: [paper, online, oneSchool], on: today, at: now) == online)
        var withdrawn = online
        withdrawn.withdrawnAt = now
        #expect(OwnChoice.schoolSeesActivity.answer(in: [paper, withdrawn], on: today, at: now) == paper)
        #expect(OwnChoice.schoolSeesWhere.answer(in: [paper, online], on: today, at: now) == nil)
        #expect(OwnChoice.referrals.provision(nil, on: today, at: now) == nil)
        #expect(OwnChoice.referrals.provision(.deny, on: today, at: now)?.method == .selfService)
    }
}
