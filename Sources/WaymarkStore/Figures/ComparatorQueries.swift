import SQLKit
public import WaymarkCore

/// The comparator figures to show beside the LA's own.
public struct ComparatorQueries: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// For each area and measure, the figure for the latest month end up to
    /// `day` (the one recorded last when loaded twice).
    public func latest(upTo day: CalendarDate) async throws -> [ComparatorFigure] {
        let rows = try await store.sql.select().columns("area", "area_name", "month_end", "measure", "percentage").from("comparator_figure")
            .where("month_end", .lessThanOrEqual, day.iso)
            .orderBy("month_end", .descending).orderBy("id", .descending).limit(500).all()
        var seen: Set<String> = []
        var found: [ComparatorFigure] = []
        for row in rows {
            guard let area = ComparatorFigure.Area(rawValue: try row.decode(column: "area", as: String.self)),
                let measure = ComparatorFigure.Measure(rawValue: try row.decode(column: "measure", as: String.self)),
                let month = try? CalendarDate(iso: row.decode(column: "month_end", as: String.self)),
                seen.insert(area.rawValue + "/" + measure.rawValue).inserted
            else { continue }
            found.append(ComparatorFigure(
                area: area, areaName: try row.decode(column: "area_name", as: String.self), monthEnd: month, measure: measure,
                percentage: try row.decode(column: "percentage", as: Double.self)))
        }
        return found
    }
}
