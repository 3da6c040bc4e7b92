import Foundation
import Testing
import WaymarkCore

@Suite struct SharingRulesTests {
    let now = ConsentRulesTests.now
    let today = ConsentRulesTests.today
    let portal = DataFlowDefaults.register.first { $0.key == DataFlowDefaults.Key.schoolPortal }!

    func share(_ dataClass: SensitivityClass) -> ProposedShare {
        ProposedShare(purpose: .schoolSupport, recipientID: 7, recipientKind: .school, dataClass: dataClass)
    }

    func decide(_ dataClass: SensitivityClass, flow: DataFlow?, _ provisions: [ConsentProvision] = [], overrides: [ShareOverride] = []) -> ShareDecision {
        SharingRules.decide(share(dataClass), flow: flow, provisions: provisions, overrides: overrides, on: today, at: now)
    }

    @Test func withoutAFlowThereIsNoBasisAndNoOverrideHelps() {
        let override = ShareOverride(id: 1, flowKey: portal.key, recipientID: nil, classes: [.identity], grantedAt: now, expiresAt: now + 60)
        #expect(decide(.identity, flow: nil, overrides: [override]) == .refused(.noFlow))
        #expect(!ShareRefusal.noFlow.mayBeOverridden)
    }

    @Test func aClassTheFlowDoesNotCarryIsRefusedEvenWithConsent() {
        let permit = ConsentRulesTests.provision(.permit, dataClass: .mentalHealth)
        #expect(decide(.mentalHealth, flow: portal, [permit]) == .refused(.notCarried(flow: portal.name)))
    }

    @Test func theFlowsBasisCarriesAClassThatNeedsNoConsentUnlessADenyStopsIt() {
        #expect(decide(.currentActivity, flow: portal) == .allowed(.flowBasis))
        let deny = ConsentRulesTests.provision(.deny, dataClass: .currentActivity)
        #expect(decide(.currentActivity, flow: portal, [deny]) == .refused(.denied(deny)))
    }

    @Test func aClassThatNeedsConsentGoesOnlyWithAPermit() {
        #expect(decide(.educationAndActivity, flow: portal) == .refused(.noConsent(flow: portal.name)))
        let permit = ConsentRulesTests.provision(.permit, dataClass: .educationAndActivity)
        #expect(decide(.educationAndActivity, flow: portal, [permit]) == .allowed(.consent(permit)))
    }

    @Test func anOverrideSetsAsideADenyOnlyWhileInForceAndForItsOwnRecipientAndClasses() {
        let deny = ConsentRulesTests.provision(.deny)
        let override = ShareOverride(id: 3, flowKey: portal.key, recipientID: 7, classes: [.currentActivity], grantedAt: now - 60, expiresAt: now + 60)
        #expect(decide(.currentActivity, flow: portal, [deny], overrides: [override]) == .allowed(.override(override)))
        #expect(decide(.educationAndActivity, flow: portal, [deny], overrides: [override]) == .refused(.denied(deny)), "another class")
        var expired = override
        expired.expiresAt = now
        #expect(decide(.currentActivity, flow: portal, [deny], overrides: [expired]) == .refused(.denied(deny)), "expiry is exclusive")
        var elsewhere = override
        elsewhere.recipientID = 8
        #expect(decide(.currentActivity, flow: portal, [deny], overrides: [elsewhere]) == .refused(.denied(deny)))
    }

    @Test func theRefusalSaysWhoAskedAndNamesSection72ForAnObjection() {
        var deny = ConsentRulesTests.provision(.deny)
        #expect(ShareRefusal.denied(deny).description.contains("The young person has asked"))
        deny.givenBy = .parent
        #expect(ShareRefusal.denied(deny).description.contains("A parent or carer"))
        deny.origin = .section72Objection
        #expect(ShareRefusal.denied(deny).description.contains("s72"))
    }

    @Test func everyDefaultFlowIsCompleteAndNeedsReviewUntilSomeoneSetsADate() {
        #expect(Set(DataFlowDefaults.register.map(\.key)).count == DataFlowDefaults.register.count)
        for flow in DataFlowDefaults.register {
            #expect(flow.problems.isEmpty, "\(flow.key): \(flow.problems)")
            #expect(flow.isReviewOverdue(on: today))
        }
        var reviewed = portal
        reviewed.reviewDue = today
        #expect(!reviewed.isReviewOverdue(on: today), "due today is not yet overdue")
    }

    @Test func aSpecialCategoryNeedsArticle9AndSchedule1() {
        var flow = portal
        flow.carries.insert(.sendAndHealth)
        #expect(flow.problems.count == 2)
        flow.article9 = "Art 9(2)(g)"
        flow.schedule1 = "Sch 1 para 6"
        #expect(flow.problems.isEmpty)
        flow.article6 = .consent
        #expect(flow.problems == ["A flow whose basis is consent needs the young person's permit for every class it carries"])
    }
}
