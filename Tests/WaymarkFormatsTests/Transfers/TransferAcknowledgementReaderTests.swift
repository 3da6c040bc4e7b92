import Foundation
import Testing
import WaymarkCore
import WaymarkFormats

@Suite struct TransferAcknowledgementReaderTests {
    static let accepted = try! TransferAcknowledgement(
        fromLA: LocalAuthorityRegistry.national.code("887"), toLA: LocalAuthorityRegistry.national.code("886"), packageSHA256: String(repeating: "ab", count: 32),
        previousIdentifier: "886-41", decision: .accepted, newIdentifier: "887-9", decidedOn: CalendarDate(iso: "2026-11-21"))

    static func json(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: TransferAcknowledgementWriter.payload(accepted)) as! [String: Any]
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test func anAcknowledgementReadsBackAsWrittenWithOnlyIdsInIt() throws {
        // given
        let bytes = TransferAcknowledgementWriter.payload(Self.accepted)
        // when
        let read = try TransferAcknowledgementReader.acknowledgement(bytes)
        // then
        #expect(read == Self.accepted)
        let keys = Set((try JSONSerialization.jsonObject(with: bytes) as! [String: Any]).keys)
        #expect(keys == ["format", "version", "fromLA", "toLA", "packageSHA256", "previousIdentifier", "decision", "newIdentifier", "decidedOn"])
    }

    @Test(arguments: [
        ("decision", "maybe", "decision", "code"),
        ("packageSHA256", "ABCD", "packageSHA256", "sha256"),
        ("newIdentifier", "886-9", "newIdentifier", "identifier"),
        ("previousIdentifier", "886-4x", "previousIdentifier", "identifier"),
        ("toLA", "887", "toLA", "la-code"),
        ("decidedOn", "2026-13-01", "decidedOn", "date"),
        ("format", "waymark-transfer", "format", "format"),
    ])
    func aBadFieldIsNamedWithItsRule(_ key: String, _ value: String, _ field: String, _ rule: String) throws {
        // given
        let bytes = try Self.json { $0[key] = value }
        // when
        let error = #expect(throws: TransferFileError.self) { try TransferAcknowledgementReader.acknowledgement(bytes) }
        // then
        #expect(error?.problems.contains { $0.field == field && $0.rule == rule } == true, "\(String(describing: error))")
    }

    @Test func acceptedNeedsANewIdentifierAndDeclinedHasNone() throws {
        let acceptedWithout = try Self.json { $0["newIdentifier"] = nil }
        let declinedWith = try Self.json { $0["decision"] = "declined" }
        #expect(throws: TransferFileError.self) { try TransferAcknowledgementReader.acknowledgement(acceptedWithout) }
        let error = #expect(throws: TransferFileError.self) { try TransferAcknowledgementReader.acknowledgement(declinedWith) }
        #expect(error?.problems.map(\.rule) == ["declined"])
        let big = Data(count: TransferLimits.acknowledgement.maxFileBytes + 1)
        #expect(throws: TransferFileError.self) { try TransferAcknowledgementReader.acknowledgement(big) }
    }
}
