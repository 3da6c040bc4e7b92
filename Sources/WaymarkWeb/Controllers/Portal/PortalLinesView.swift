import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// One row of a portal list as the template shows it.
struct PortalLineView: Sendable {
    let personID: Int64
    let name: String
    let link: String
    /// Nil when the stay has not ended or the page does not say.
    let leftOn: String?
    let doing: String
    /// The provider and the exact activity, or why they are not shown.
    let place: String
    let placeShared: Bool
    let attention: Bool

    init(_ line: PortalLine) {
        personID = line.personID
        name = line.name
        link = Paths.portalPupil(line.personID)
        leftOn = line.leftOn.map(\.longDescription)
        doing = PortalDesk.doing(line)
        attention = line.needsAttention
        place = PortalDesk.place(line)
        placeShared = line.placement != nil
    }
}

/// Previous and next links for a list shown a page at a time.
struct PageLinks: Sendable {
    let isPaged: Bool
    let previous: String?
    let next: String?
    let position: String

    init(page: Int, pageCount: Int, link: (Int) -> String) {
        isPaged = pageCount > 1
        previous = page > 1 ? link(page - 1) : nil
        next = page < pageCount ? link(page + 1) : nil
        position = "Page \(page) of \(pageCount)"
    }
}
