import Testing
import WaymarkCore

/// A plan step moves forward or is dropped; once done or dropped it stays so.
@Suite struct StepStatusTests {
    @Test func stepsMoveForwardAndClosedStepsStayClosed() {
        #expect(StepStatus.notStarted.canMove(to: .inProgress) && StepStatus.notStarted.canMove(to: .done) && StepStatus.notStarted.canMove(to: .dropped))
        #expect(StepStatus.inProgress.canMove(to: .done) && StepStatus.inProgress.canMove(to: .dropped))
        #expect(!StepStatus.inProgress.canMove(to: .notStarted), "no going back")
        for closed in [StepStatus.done, .dropped] {
            #expect(closed.isClosed && closed.next.isEmpty)
            for status in StepStatus.allCases { #expect(!closed.canMove(to: status)) }
        }
    }

    @Test func anOwnerIsTheYoungPersonTheAdviserOrANamedPartner() {
        #expect(StepOwner(kind: "partner", partnerName: "Northmere YJS") == .partner("Northmere YJS"))
        #expect(StepOwner(kind: "partner", partnerName: "") == nil, "a partner must be named")
        #expect(StepOwner(kind: "young-person", partnerName: nil)?.toYoungPerson == "You")
        #expect(StepOwner(kind: "someone", partnerName: nil) == nil)
    }
}
