import Testing
import WaymarkRecords
@testable import WaymarkWeb

/// The queues' postcode sector as an adviser types it: normalised, kept in
/// the links, and refused with what to type when it is not a sector.
@Suite struct QueueSectorParametersTests {
    @Test func aSectorIsReadNormalisedAndKeptInTheLinks() throws {
        let parameters = try QueueParameters(query: "queue=not-known&sector=nm1++4&sort=postcode")
        #expect(parameters.filter.postcodeSector == "NM1 4")
        #expect(parameters.order.column == .postcode)
        #expect(parameters.link(page: 2).contains("sector=NM1%204") && parameters.link(page: 2).contains("sort=postcode"))
        #expect(try QueueParameters(query: "sector=").filter.postcodeSector == nil)
        #expect(throws: (any Error).self) { try QueueParameters(query: "sector=NM1") }
        #expect(throws: (any Error).self) { try QueueParameters(query: "sector=NM1+4AB") }
    }
}
