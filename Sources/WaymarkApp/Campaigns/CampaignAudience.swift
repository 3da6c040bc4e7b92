import Foundation
import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// A campaign's saved filter: a tracking queue with its filters, written as
/// the queue page's query string so the officer can open the same list again.
public struct CampaignAudience: Sendable, Equatable {
    public var queue: WorkQueue
    public var days: Int
    public var filter: QueueFilter

    public init(queue: WorkQueue, days: Int = 30, filter: QueueFilter = QueueFilter()) {
        self.queue = queue
        self.days = days
        self.filter = filter
    }

    public var queryString: String {
        var parts = ["queue=\(queue.rawValue)", "days=\(days)"]
        if let school = filter.schoolID { parts.append("school=\(school)") }
        if let adviser = filter.adviserID { parts.append("adviser=\(adviser)") }
        if let ward = filter.ward { parts.append("ward=\(ward.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        if let characteristic = filter.characteristic { parts.append("characteristic=\(characteristic.rawValue)") }
        return parts.joined(separator: "&")
    }

    /// Reads a saved filter; parts that cannot be read are errors, because a
    /// campaign must never go to more people than the officer chose.
    public init(queryString: String) throws(CampaignAudienceError) {
        var queue: WorkQueue?
        var days = 30
        var filter = QueueFilter()
        for pair in queryString.split(separator: "&") where !pair.isEmpty {
            // "=x" and "=" split to fewer parts than a name and a value: read them as a nameless pair.
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let name = parts.first, !name.isEmpty else { continue }
            let value = parts.count > 1 ? (parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
            if value.isEmpty { continue }
            switch name {
            case "queue":
                guard let chosen = WorkQueue(rawValue: value) else { throw .unreadable("queue", value) }
                queue = chosen
            case "days":
                guard let number = Int(value), (1...365).contains(number) else { throw .unreadable("days", value) }
                days = number
            case "school":
                guard let id = Int64(value) else { throw .unreadable("school", value) }
                filter.schoolID = id
            case "adviser":
                guard let id = Int64(value) else { throw .unreadable("adviser", value) }
                filter.adviserID = id
            case "ward":
                filter.ward = String(value.prefix(60))
            case "characteristic":
                guard let code = Int(value).flatMap(CharacteristicCode.init(rawValue:)) else { throw .unreadable("characteristic", value) }
                filter.characteristic = code
            default:
                continue
            }
        }
        guard let queue else { throw .noQueue }
        self.init(queue: queue, days: days, filter: filter)
    }

    /// "Not known, ward Ashdown, characteristic 200" for lists and the report.
    public var summary: String {
        var parts = [queue.title]
        if queue != .notKnown { parts.append("\(days) days") }
        if let ward = filter.ward { parts.append("ward \(ward)") }
        if let characteristic = filter.characteristic { parts.append("characteristic \(characteristic.rawValue)") }
        if filter.schoolID != nil { parts.append("one school") }
        if filter.adviserID != nil { parts.append("one adviser's caseload") }
        return parts.joined(separator: ", ")
    }
}

public enum CampaignAudienceError: Error, Equatable, CustomStringConvertible {
    case noQueue
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .noQueue: "choose the tracking queue the campaign is for"
        case .unreadable(let field, let value): "\(field): '\(value.prefix(40))' cannot be read"
        }
    }
}
