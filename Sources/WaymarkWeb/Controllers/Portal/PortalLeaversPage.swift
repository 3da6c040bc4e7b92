import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A careers leader's home: their leavers of the last three leaving years,
/// NEET and not known marked, with each year's counts.
struct PortalLeaversPage: PageModel {
    static let template = "portal-leavers"

    struct YearCount: Sendable {
        let label: String
        // Counts as shown: "1,204".
        let leavers: String
        let neet: String
        let notKnown: String
        let notShared: String
        let hasNotShared: Bool
        let link: String
        let attentionLink: String
        let reportLink: String
    }

    struct YearOption: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let title: String
    let frame: StaffFrame
    let school: String
    let asAt: String
    let years: [YearCount]
    let options: [YearOption]
    let attentionOnly: Bool
    let showing: String
    let lines: [PortalLineView]
    let hasLines: Bool
    let pages: PageLinks
    /// The whole list as CSV and as a workbook.
    var downloads: DownloadLinks?
    let isSchool: Bool
    let reportLink: String

    init(frame: StaffFrame, leavers: PortalLeavers) {
        self.frame = frame
        school = leavers.organisation.name
        title = "\(leavers.organisation.name): leavers"
        asAt = leavers.asAt.longDescription
        isSchool = EnrolmentKind(organisation: leavers.organisation.kind) == .schoolRoll
        years = leavers.counts.map { count in
            YearCount(
                label: count.year.label, leavers: count.leavers.formatted(), neet: count.neet.formatted(), notKnown: count.notKnown.formatted(),
                notShared: count.notShared.formatted(), hasNotShared: count.notShared > 0,
                link: Paths.portal(year: count.year.year, attentionOnly: false), attentionLink: Paths.portal(year: count.year.year, attentionOnly: true),
                reportLink: Paths.portalDestinations(year: count.year.year))
        }
        options = [YearOption(value: "", label: "All three years", selected: leavers.chosenYear == nil)]
            + leavers.years.map { YearOption(value: String($0.year), label: $0.label, selected: leavers.chosenYear == $0) }
        attentionOnly = leavers.attentionOnly
        let which = leavers.chosenYear?.label ?? "leavers of the last three years"
        showing = "\(leavers.matching.formatted()) \(leavers.attentionOnly ? "NEET or not known among the " : "")\(which)"
        lines = leavers.lines.map(PortalLineView.init)
        hasLines = !lines.isEmpty
        let (year, attention) = (leavers.chosenYear?.year, leavers.attentionOnly)
        pages = PageLinks(page: leavers.page, pageCount: leavers.pageCount) { Paths.portal(year: year, attentionOnly: attention, page: $0) }
        reportLink = Paths.portalDestinations(year: (leavers.chosenYear ?? leavers.years[0]).year)
    }
}
