import Foundation
import WaymarkCore

/// GOV.UK-style pagination for a long list: Previous, the page numbers
/// (with gaps), Next, and "Showing 101 to 200 of 523". Rendered by the
/// `page-numbers` partial.
struct PageNumbers: Sendable {
    struct Item: Sendable {
        let number: Int
        let link: String
        let current: Bool
    }

    /// A page number, or a gap ("…") where pages are left out.
    struct Entry: Sendable {
        let item: Item?
        let isGap: Bool
    }

    let previous: String?
    let next: String?
    let entries: [Entry]
    /// More than one page: only then are links shown.
    let isPaged: Bool
    /// "Showing 101 to 200 of 523 young people" ("1 young person" on a single page), or nil for an empty list.
    let showing: String?

    /// `moreThanTotal`: the list was counted only up to its total, so the total is said as "more than".
    init(_ paging: Paging, page: Int, one: String, many: String, moreThanTotal: Bool = false, link: (Int) -> String) {
        let page = paging.clamped(page)
        let isPaged = paging.pageCount > 1
        self.isPaged = isPaged
        previous = page > 1 ? link(page - 1) : nil
        next = page < paging.pageCount ? link(page + 1) : nil
        entries = paging.numbers(around: page).map { number in
            Entry(item: number.map { Item(number: $0, link: link($0), current: $0 == page) }, isGap: number == nil)
        }
        showing = paging.positions(on: page).map { range in
            let total = (moreThanTotal ? "more than " : "") + "\(paging.total.formatted()) \(paging.total == 1 && !moreThanTotal ? one : many)"
            return isPaged ? "Showing \(range.lowerBound.formatted()) to \(range.upperBound.formatted()) of \(total)" : total
        }
    }
}
