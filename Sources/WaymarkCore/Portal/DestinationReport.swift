/// One school's leavers of one leaving year by where they are now: the
/// table Gatsby Benchmark 3 asks a careers leader to keep. Every leaver the
/// school reaches is counted, whatever their consent says, because a count
/// names nobody; the names stay on the leavers page, which asks consent.
public struct DestinationReport: Sendable, Equatable {
    public let school: String
    public let leavingYear: LeavingYear
    /// The day the categories are as at.
    public let asAt: CalendarDate
    public private(set) var counts: [DestinationCategory: Int]
    /// Leavers who have not let their activity go to the school: counted apart, never
    /// in a category, or the school could find one person's category by subtraction.
    public let notShared: Int

    public init(school: String, leavingYear: LeavingYear, asAt: CalendarDate, categories: some Sequence<DestinationCategory> = [], notShared: Int = 0) {
        self.school = school
        self.leavingYear = leavingYear
        self.asAt = asAt
        self.notShared = notShared
        counts = [:]
        for category in categories { counts[category, default: 0] += 1 }
    }

    public static let notSharedLabel = "Not shared by the young person"

    public var total: Int { counts.values.reduce(0, +) + notShared }
    public func count(_ category: DestinationCategory) -> Int { counts[category] ?? 0 }
    public func share(_ category: DestinationCategory) -> Proportion { Proportion(count(category), of: total) }

    /// Every category in order, the empty ones included, so a year with no
    /// NEET leavers says 0 rather than leaving the row out.
    public var rows: [(category: DestinationCategory, count: Int, share: Proportion)] {
        DestinationCategory.allCases.map { ($0, count($0), share($0)) }
    }

    /// The rows with, when anyone has said no, the leavers whose activity is not shared.
    public var lines: [(label: String, count: Int, share: Proportion)] {
        rows.map { ($0.category.label, $0.count, $0.share) }
            + (notShared > 0 ? [(Self.notSharedLabel, notShared, Proportion(notShared, of: total))] : [])
    }

    public static let header = ["Destination", "Leavers", "Percentage"]

    /// Header, a row per category, then the total; percentages to one decimal place.
    public var table: [[String]] {
        [Self.header] + lines.map { [$0.label, String($0.count), $0.share.percentageText] } + [["All leavers", String(total), total > 0 ? "100.0" : ""]]
    }

    /// The table as RFC 4180 CSV (CRLF), headed by what it is.
    public var csv: String {
        CSVText.document([CSVText.line(["\(school): destinations of \(leavingYear.label) as at \(asAt.iso)"])] + table.map(CSVText.line))
    }

    /// A sentence for people who do not read the chart.
    public var summary: String {
        guard total > 0 else { return "\(school) has no \(leavingYear.label) on record." }
        let parts = lines.filter { $0.count > 0 }.map { line in
            let name = line.label == DestinationCategory.neet.label ? line.label : line.label.lowercased()
            return "\(name) \(line.count) (\(line.share.percentageText)%)"
        }
        return "\(total) \(leavingYear.label) in all: " + parts.joined(separator: ", ") + "."
    }
}
