import Foundation
import Testing
@testable import WaymarkApp
import WaymarkCore
@testable import WaymarkWeb

/// A search row names its own fields for the templates instead of being
/// reflected; these tests keep that list in step with the row's stored fields.
@Suite struct SearchRowFieldsTests {
    private func row(ward: String?, reasons: [String]) throws -> SearchPage.Row {
        let result = PersonSearchResult(
            id: 42, name: "Ada <b>Okafor</b>", dateOfBirth: "2009-03-14", postcode: "NM1 4QT", ward: ward,
            school: "Northmere Academy", activity: .sixthFormCollege, adviser: "Liam O'Connor", score: 0.9, reasons: reasons
        )
        return SearchPage.Row(result, showsPostcode: true, showsActivityCode: true, today: try CalendarDate(iso: "2026-12-06"))
    }

    @Test(arguments: [("Castle", ["nickname"]), (nil, ["name"])] as [(String?, [String])])
    func everyStoredFieldIsNamedWithItsValue(ward: String?, reasons: [String]) throws {
        let row = try row(ward: ward, reasons: reasons)
        let stored = Mirror(reflecting: row).children.compactMap { child in child.label.map { ($0, child.value) } }
        #expect(stored.count == 10)
        for (label, value) in stored {
            let named = row.child(named: label)
            #expect(String(describing: named.map { $0 } as Any) == String(describing: Self.flattened(value)), "field \(label)")
        }
        #expect(row.child(named: "score") == nil)
    }

    @Test func anEmptyOptionalFieldIsNilSoTheTemplateSkipsItsSection() throws {
        let row = try row(ward: nil, reasons: ["name"])
        #expect(row.child(named: "ward") == nil)
        #expect(row.child(named: "reasons") == nil)
        #expect(row.child(named: "name") as? String == "Ada <b>Okafor</b>")
    }

    /// An optional field's value as the row hands it over: nil when empty, the text itself when filled.
    private static func flattened(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
