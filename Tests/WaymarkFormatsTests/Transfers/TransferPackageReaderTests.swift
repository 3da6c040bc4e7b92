import Foundation
import Testing
import WaymarkCore
import WaymarkFormats

@Suite struct TransferPackageReaderTests {
    static let package = try! TransferPackage(
        fromLA: LocalAuthorityRegistry.national.code("886"), toLA: LocalAuthorityRegistry.national.code("887"), createdAt: "2026-11-20T10:00:00Z",
        previousIdentifier: "886-41", movedOn: CalendarDate(iso: "2026-11-20"),
        identity: YoungPersonIdentity(
            givenName: "Zoë", middleNames: "Anne", familyName: "O'Neil-Smith", dateOfBirth: CalendarDate(iso: "2009-02-03"), gender: .female,
            ethnicity: .whiteBritish, uln: "1234567897"),
        activities: [ActivityRecord(code: .notKnown, startDate: CalendarDate(iso: "2026-09-01"), dateAscertained: CalendarDate(iso: "2026-09-02"))],
        needs: [NeedAssessment(levelOfNeed: .supported, hasSEND: true, hasSENSupport: false, validFrom: CalendarDate(iso: "2025-01-01"))],
        characteristics: [CharacteristicRecord(code: .lookedAfter, startDate: CalendarDate(iso: "2024-05-01"))],
        plan: TransferPlanSummary(agreedOn: CalendarDate(iso: "2026-10-01"), nextReviewOn: nil, goals: [TransferGoal(title: nil, openSteps: 2)]),
        consents: [TransferConsent(decision: .deny, purpose: .transfer, dataClass: .careStatus, from: CalendarDate(iso: "2026-10-01"), until: nil, givenBy: .youngPerson)],
        leadProfessional: TransferLeadProfessional(name: "Sam Lead", organisation: "Youth Justice Service"),
        withheld: [TransferWithheldClass(dataClass: .offending, reason: "not carried")])

    @Test func aPackageReadsBackAsItWasWritten() throws {
        // given
        let bytes = TransferPackageWriter.payload(Self.package)
        // when
        let read = try TransferPackageReader.package(bytes)
        // then
        #expect(read == Self.package)
        #expect(TransferPackageWriter.payload(read) == bytes, "the same package always gives the same bytes")
    }

    @Test func anEnvelopeReadsBackWithItsPayloadAndSignature() throws {
        let envelope = TransferEnvelope(
            fromLA: Self.package.fromLA, toLA: Self.package.toLA, keyID: "886-0011223344556677", payload: TransferPackageWriter.payload(Self.package),
            signature: Data(repeating: 7, count: 64))
        #expect(try TransferPackageReader.envelope(TransferPackageWriter.envelope(envelope)) == envelope)
    }

    @Test func everyBadFieldIsNamedWithItsRule() throws {
        // given: an unknown activity code, a bad date and an unknown consent decision
        var text = String(decoding: TransferPackageWriter.payload(Self.package), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"code\":810", with: "\"code\":999")
            .replacingOccurrences(of: "\"movedOn\":\"2026-11-20\"", with: "\"movedOn\":\"2026-13-40\"")
            .replacingOccurrences(of: "\"decision\":\"deny\"", with: "\"decision\":\"maybe\"")
        // when
        let error = #expect(throws: TransferFileError.self) { try TransferPackageReader.package(Data(text.utf8)) }
        // then
        let named = Set((error?.problems ?? []).map { "\($0.field) \($0.rule)" })
        #expect(named == ["activities[0].code code", "movedOn date", "consents[0].decision code"])
    }

    @Test func aMissingOrMistypedFieldRefusesTheFileNamingIt() throws {
        let text = String(decoding: TransferPackageWriter.payload(Self.package), as: UTF8.self)
        let missing = #expect(throws: TransferFileError.self) {
            try TransferPackageReader.package(Data(text.replacingOccurrences(of: "\"familyName\"", with: "\"surname\"").utf8))
        }
        #expect(missing?.problems.map(\.field) == ["identity.familyName"] && missing?.problems.map(\.rule) == ["required"])
        let mistyped = #expect(throws: TransferFileError.self) {
            try TransferPackageReader.package(Data(text.replacingOccurrences(of: "\"openSteps\":2", with: "\"openSteps\":\"two\"").utf8))
        }
        #expect(mistyped?.problems.map(\.field) == ["plan.goals[0].openSteps"] && mistyped?.problems.map(\.rule) == ["type"])
    }

    @Test func limitsRefuseAHugeFileOrList() throws {
        let small = TransferLimits(maxFileBytes: 100, maxListItems: 500, maxTextLength: 500)
        let big = #expect(throws: TransferFileError.self) { try TransferPackageReader.envelope(Data(count: 101), limits: small) }
        #expect(big?.problems.first?.rule == "size")
        var many = Self.package
        many.activities = Array(repeating: many.activities[0], count: 3)
        let listed = #expect(throws: TransferFileError.self) {
            try TransferPackageReader.package(TransferPackageWriter.payload(many), limits: TransferLimits(maxFileBytes: 1 << 20, maxListItems: 2, maxTextLength: 500))
        }
        #expect(listed?.problems.first.map { "\($0.field) \($0.rule)" } == "activities list-size")
    }

    @Test func anEnvelopeOfAnotherFormatVersionOrSchemeIsRefused() throws {
        for (from, to, rule) in [("waymark-transfer-envelope", "something-else", "format"), ("\"version\":1", "\"version\":2", "version"), ("ed25519", "rsa", "algorithm")] {
            let envelope = TransferEnvelope(
                fromLA: Self.package.fromLA, toLA: Self.package.toLA, keyID: "k", payload: Data("{}".utf8), signature: Data(repeating: 1, count: 64))
            let text = String(decoding: TransferPackageWriter.envelope(envelope), as: UTF8.self).replacingOccurrences(of: from, with: to)
            let error = #expect(throws: TransferFileError.self) { try TransferPackageReader.envelope(Data(text.utf8)) }
            #expect(error?.problems.first?.rule == rule)
        }
    }
}
