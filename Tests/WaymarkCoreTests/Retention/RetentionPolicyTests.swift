import Testing
import WaymarkCore

/// The retention rules themselves: birthdays, SEND kept longer, what is
/// kept without identity, and the installation's overrides read with clear refusals.
@Suite struct RetentionPolicyTests {
    let policy = RetentionPolicy.standard

    @Test func aRecordIsDueOnTheBirthdayOfItsLongestRule() throws {
        let born = try CalendarDate(iso: "2001-05-20")
        let birthday = try CalendarDate(iso: "2026-05-20")
        #expect(policy.outcome(dateOfBirth: born, holding: [.contact, .notes], on: birthday) == .erase(classes: [.identity, .contact, .notes], dueAge: 25))
        #expect(policy.outcome(dateOfBirth: born, holding: [.contact], on: birthday.adding(days: -1)) == .keep(until: birthday, extendedBy: nil))
        let send = policy.outcome(dateOfBirth: born, holding: [.sendAndHealth, .educationAndActivity, .mentalHealth], on: birthday)
        #expect(send == .keep(until: try CalendarDate(iso: "2032-05-20"), extendedBy: .sendAndHealth))
        let later = policy.outcome(dateOfBirth: born, holding: [.sendAndHealth, .educationAndActivity, .mentalHealth], on: try CalendarDate(iso: "2032-05-20"))
        #expect(later == .anonymise(kept: [.sendAndHealth, .educationAndActivity], erased: [.identity, .mentalHealth], dueAge: 31))
    }

    @Test func aLeapDayBirthdayFallsOnTheFirstOfMarch() throws {
        #expect(RetentionPolicy.birthday(try CalendarDate(iso: "2004-02-29"), age: 25) == (try CalendarDate(iso: "2029-03-01")))
        #expect(RetentionPolicy.birthday(try CalendarDate(iso: "2004-02-29"), age: 24) == (try CalendarDate(iso: "2028-02-29")))
    }

    @Test func anAnonymisedDateOfBirthKeepsTheAcademicAge() throws {
        for text in ["2003-09-01", "2004-01-15", "2004-08-31"] {
            let born = try CalendarDate(iso: text)
            let kept = RetentionPolicy.anonymisedDateOfBirth(born)
            #expect(kept == (try CalendarDate(iso: "2003-09-01")))
            let day = try CalendarDate(iso: "2020-03-01")
            #expect(AcademicAge.of(dateOfBirth: kept, on: day) == AcademicAge.of(dateOfBirth: born, on: day))
        }
    }

    @Test func anInstallationOverridesRulesAndBadOnesAreRefusedInWords() throws {
        let longer = try RetentionPolicy.configured("sendAndHealth=35, notes=25:anonymise", environment: [:])
        #expect(longer.rule(for: .sendAndHealth) == RetentionRule(keepUntilAge: 35, end: .anonymise))
        #expect(longer.rule(for: .notes).end == .anonymise)
        #expect(try RetentionPolicy.configured(nil, environment: ["WAYMARK_RETENTION": "identity=30"]).rule(for: .identity).keepUntilAge == 30)
        #expect(try RetentionPolicy.configured(nil, environment: [:]) == .standard)
        #expect(try RetentionPolicy.standard.overridden(by: RetentionPolicy.standard.summary) == .standard, "the summary reads back as the same policy")
        #expect(throws: RetentionPolicyError.unknownClass("health")) { try RetentionPolicy.configured("health=30", environment: [:]) }
        #expect(throws: RetentionPolicyError.sendStillTracked(25)) { try RetentionPolicy.configured("sendAndHealth=25", environment: [:]) }
        #expect(throws: RetentionPolicyError.identityKept) { try RetentionPolicy.configured("identity=25:anonymise", environment: [:]) }
        #expect(throws: RetentionPolicyError.ageOutOfRange(.notes, 12)) { try RetentionPolicy.configured("notes=12", environment: [:]) }
        #expect(throws: RetentionPolicyError.unreadable("notes")) { try RetentionPolicy.configured("notes", environment: [:]) }
    }
}
