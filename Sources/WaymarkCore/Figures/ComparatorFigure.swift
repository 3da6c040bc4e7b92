/// A published figure the LA compares itself with: England's, its region's
/// or its statistical neighbours' NEET, not known or NEET-or-not-known
/// percentage for a month end (DfE's NEET and participation tables publish
/// them). Loaded by the LA from a CSV; a figure not loaded is simply not shown.
public struct ComparatorFigure: Sendable, Equatable {
    public enum Area: String, Sendable, CaseIterable {
        case england, region, statisticalNeighbours = "statistical-neighbours"

        public var meaning: String {
            switch self {
            case .england: "England"
            case .region: "Region"
            case .statisticalNeighbours: "Statistical neighbours"
            }
        }
    }

    public enum Measure: String, Sendable, CaseIterable {
        case neet, notKnown = "not-known", neetOrNotKnown = "neet-or-not-known"
    }

    public let area: Area
    /// The area's own name as published ("North West"), or the area's meaning.
    public let areaName: String
    public let monthEnd: CalendarDate
    public let measure: Measure
    /// 0–100.
    public let percentage: Double

    public init(area: Area, areaName: String, monthEnd: CalendarDate, measure: Measure, percentage: Double) {
        self.area = area
        self.areaName = areaName
        self.monthEnd = monthEnd
        self.measure = measure
        self.percentage = percentage
    }
}

/// Reads the comparators CSV: `area,name,month,measure,percentage` with a
/// header, e.g. `region,North West,2026-10,neet,5.4`. Every bad line is named
/// with its field and rule; nothing is kept unless the whole file is good.
public enum ComparatorFile {
    public static let header = ["area", "name", "month", "measure", "percentage"]

    public static func parse(_ text: String) -> Result<[ComparatorFigure], ComparatorFileError> {
        var lines = text.split(whereSeparator: \.isNewline).map { String($0) }.filter { !trim($0).isEmpty }
        guard let first = lines.first else { return .failure(ComparatorFileError(problems: ["the file is empty: it needs the header \(header.joined(separator: ","))"])) }
        guard first.split(separator: ",", omittingEmptySubsequences: false).map({ trim($0).lowercased() }) == header else {
            return .failure(ComparatorFileError(problems: ["line 1: the header must be \(header.joined(separator: ","))"]))
        }
        lines.removeFirst()
        var figures: [ComparatorFigure] = []
        var problems: [String] = []
        for (offset, line) in lines.enumerated() {
            let number = offset + 2
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { trim($0) }
            guard cells.count == 5 else {
                problems.append("line \(number): expected 5 fields (\(header.joined(separator: ","))), found \(cells.count)")
                continue
            }
            guard let area = ComparatorFigure.Area(rawValue: cells[0].lowercased()) else {
                problems.append("line \(number): area must be one of \(ComparatorFigure.Area.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            let parts = cells[2].split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), year >= 2000, let month = Int(parts[1]), (1...12).contains(month) else {
                problems.append("line \(number): month must be written YYYY-MM (for example 2026-10)")
                continue
            }
            guard let measure = ComparatorFigure.Measure(rawValue: cells[3].lowercased()) else {
                problems.append("line \(number): measure must be one of \(ComparatorFigure.Measure.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            guard let percentage = Double(cells[4]), percentage >= 0, percentage <= 100 else {
                problems.append("line \(number): percentage must be a number from 0 to 100")
                continue
            }
            let name = cells[1].isEmpty ? area.meaning : cells[1]
            figures.append(ComparatorFigure(
                area: area, areaName: name, monthEnd: FiguresReport.monthEnd(year: year, month: month), measure: measure, percentage: percentage))
        }
        if !problems.isEmpty { return .failure(ComparatorFileError(problems: problems)) }
        if figures.isEmpty { return .failure(ComparatorFileError(problems: ["the file has a header but no figures"])) }
        return .success(figures)
    }

    /// Without spaces, tabs or a carriage return at either end.
    static func trim(_ text: some StringProtocol) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(text.drop(while: blank).reversed().drop(while: blank).reversed())
    }
}

public struct ComparatorFileError: Error, Equatable, CustomStringConvertible {
    public let problems: [String]
    public var description: String { problems.joined(separator: "; ") }
}
