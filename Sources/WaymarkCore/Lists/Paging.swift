/// A long list shown a page at a time: which pages there are, what each
/// holds, and which page numbers to offer as links.
public struct Paging: Sendable, Equatable {
    public let total: Int
    public let size: Int

    public init(total: Int, size: Int) {
        self.total = max(0, total)
        self.size = max(1, size)
    }

    /// An empty list still has one (empty) page.
    public var pageCount: Int { max(1, (total + size - 1) / size) }

    /// The page brought within the pages there are.
    public func clamped(_ page: Int) -> Int { min(max(1, page), pageCount) }

    /// The positions on a page, counted from 1 ("Showing 101 to 200 of 523"); nil when the list is empty.
    public func positions(on page: Int) -> ClosedRange<Int>? {
        guard total > 0 else { return nil }
        let page = clamped(page)
        return ((page - 1) * size + 1)...min(page * size, total)
    }

    /// The page numbers to link, nil standing for a gap ("…"): the first,
    /// the last, and the pages either side of the current one, as GOV.UK
    /// pagination does. A gap of one page shows that page instead.
    public func numbers(around page: Int) -> [Int?] {
        let page = clamped(page)
        let wanted = Set([1, pageCount, page - 1, page, page + 1].filter { (1...pageCount).contains($0) })
        var numbers: [Int?] = []
        var last = 0
        for number in wanted.sorted() {
            if number - last == 2 {
                numbers.append(last + 1)
            } else if number - last > 2 {
                numbers.append(nil)
            }
            numbers.append(number)
            last = number
        }
        return numbers
    }
}
