import Foundation
import Testing
import WaymarkCore

@Suite struct BreakGlassRulesTests {
    @Test func aReasonIsTrimmedAndKept() throws {
        let reason = try BreakGlassReason("  Police called: missing since Friday night \n")
        #expect(reason.text == "Police called: missing since Friday night")
    }

    @Test(arguments: [
        (nil, BreakGlassReasonProblem.missing), ("", .missing), (" \n\t ", .missing),
        ("urgent", .tooShort), ("safeguarding!!!!!!!!!!!!!!!", .tooShort), ("a b c", .tooShort),
    ] as [(String?, BreakGlassReasonProblem)])
    func aReasonMustBeAtLeastASentence(_ typed: String?, _ problem: BreakGlassReasonProblem) {
        #expect(throws: problem) { try BreakGlassReason(typed) }
    }

    @Test func aReasonHasALimitAndTheMessageSaysHowLongItIs() {
        let long = String(repeating: "word ", count: 300)
        #expect(throws: BreakGlassReasonProblem.tooLong(characters: long.count - 1)) { try BreakGlassReason(long) }
        #expect(BreakGlassReasonProblem.tooLong(characters: 1499).description.contains("1000 characters or fewer (it has 1499)"))
    }

    @Test func theStandardAccessLastsFourHoursAndAnInstallationMayChooseOneToTwentyFour() throws {
        let granted = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(BreakGlassPolicy.standard.expiry(from: granted) == granted.addingTimeInterval(4 * 3600))
        #expect(try BreakGlassPolicy.configured(nil, environment: [:]) == .standard)
        #expect(try BreakGlassPolicy.configured(nil, environment: ["WAYMARK_BREAK_GLASS_HOURS": "8"]).hours == 8)
        #expect(try BreakGlassPolicy.configured(2, environment: ["WAYMARK_BREAK_GLASS_HOURS": "8"]).hours == 2, "the flag wins")
        #expect(throws: BreakGlassPolicyError.outOfRange(0)) { try BreakGlassPolicy(hours: 0) }
        #expect(throws: BreakGlassPolicyError.outOfRange(25)) { try BreakGlassPolicy(hours: 25) }
        #expect(throws: BreakGlassPolicyError.notAWholeNumber("4h")) { try BreakGlassPolicy.configured(nil, environment: ["WAYMARK_BREAK_GLASS_HOURS": "4h"]) }
    }
}
