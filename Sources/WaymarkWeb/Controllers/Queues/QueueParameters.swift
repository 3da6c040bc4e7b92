import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Which queue, filters, order and page a request asks for, read from its
/// query; and the links that keep them (a page link keeps the filters and
/// sort, a sort link the filters, the export everything but the page).
struct QueueParameters: Sendable, Equatable {
    var queue = WorkQueue.notKnown
    var days = 30
    var filter = QueueFilter()
    var order = QueueOrder.record
    var page = 1

    init() {}

    /// `query` is the raw query string: read as a form reads it, so a ward
    /// chosen in the filter form ("Kelstow+North") is Kelstow North.
    init(query raw: String?) throws {
        let query = FormFields(body: raw ?? "")
        if let text = query["queue"] {
            guard let queue = WorkQueue(rawValue: text) else { throw HTTPError(.badRequest, message: "queue: choose one of the queues listed.") }
            self.queue = queue
        }
        if let text = query["days"] {
            guard let days = Int(text), (1...365).contains(days) else { throw HTTPError(.badRequest, message: "days: enter a number of days from 1 to 365.") }
            self.days = days
        }
        filter.schoolID = query["school"].flatMap { Int64($0) }
        filter.adviserID = query["adviser"].flatMap { Int64($0) }
        filter.ward = query["ward"].map { String($0.trimmingCharacters(in: .whitespaces).prefix(60)) }.flatMap { $0.isEmpty ? nil : $0 }
        if let text = query["sector"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let sector = PostcodeParts.normalisedSector(text) else {
                throw HTTPError(.badRequest, message: "sector: enter a postcode sector, the first part of a postcode and the next digit (for example LS6 2).")
            }
            filter.postcodeSector = sector
        }
        filter.characteristic = query["characteristic"].flatMap { Int($0) }.flatMap(CharacteristicCode.init(rawValue:))
        if let text = query["sort"], !text.isEmpty {
            guard let column = QueueOrder.Column(rawValue: text) else {
                throw HTTPError(.badRequest, message: "sort: choose name, date-of-birth, last-contact, ward or postcode.")
            }
            order.column = column
        }
        if let text = query["order"], !text.isEmpty {
            guard text == "ascending" || text == "descending" else { throw HTTPError(.badRequest, message: "order: choose ascending or descending.") }
            order.descending = text == "descending"
        }
        if let text = query["page"], !text.isEmpty {
            guard let page = Int(text), page >= 1 else { throw HTTPError(.badRequest, message: "page: enter a page number from 1.") }
            self.page = page
        }
    }

    /// The filters as query items, in a fixed order.
    var filterItems: [URLQueryItem] {
        var items = [URLQueryItem(name: "queue", value: queue.rawValue), URLQueryItem(name: "days", value: String(days))]
        if let school = filter.schoolID { items.append(URLQueryItem(name: "school", value: String(school))) }
        if let ward = filter.ward { items.append(URLQueryItem(name: "ward", value: ward)) }
        if let sector = filter.postcodeSector { items.append(URLQueryItem(name: "sector", value: sector)) }
        if let characteristic = filter.characteristic { items.append(URLQueryItem(name: "characteristic", value: String(characteristic.rawValue))) }
        if let adviser = filter.adviserID { items.append(URLQueryItem(name: "adviser", value: String(adviser))) }
        return items
    }

    var orderItems: [URLQueryItem] {
        guard let column = order.column else { return [] }
        return [URLQueryItem(name: "sort", value: column.rawValue), URLQueryItem(name: "order", value: order.descending ? "descending" : "ascending")]
    }

    /// This list at `page` (1 is left out, as the queue's own link has it).
    func link(page: Int) -> String {
        Self.path(Paths.queues, filterItems + orderItems + (page > 1 ? [URLQueryItem(name: "page", value: String(page))] : []))
    }

    /// The list sorted by `column`: ascending first, descending if it is already ascending. Back to page 1.
    func link(sortingBy column: QueueOrder.Column) -> String {
        var sorted = self
        sorted.order = QueueOrder(column, descending: order.column == column && !order.descending)
        return sorted.link(page: 1)
    }

    /// The whole list (every page) as CSV and as a workbook, in the same order.
    var downloads: DownloadLinks { DownloadLinks(path: Paths.queueExport, query: filterItems + orderItems, allPages: true) }

    /// The current list with every box on the page ticked.
    var selectAllItems: [URLQueryItem] {
        filterItems + orderItems + (page > 1 ? [URLQueryItem(name: "page", value: String(page))] : []) + [URLQueryItem(name: "select", value: "page")]
    }

    static func path(_ path: String, _ items: [URLQueryItem]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = items
        // URLComponents leaves "+" alone, which a query reads as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.string ?? path
    }
}
