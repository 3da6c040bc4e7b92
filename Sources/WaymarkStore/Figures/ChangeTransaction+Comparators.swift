public import WaymarkCore

extension ChangeTransaction {
    /// Adds the comparator figures of one file, with this change's provenance
    /// and one audit event (no personal data: published percentages).
    public func recordComparators(_ figures: [ComparatorFigure]) async throws {
        for figure in figures {
            _ = try await insertReturningID(into: "comparator_figure", [
                ("area", figure.area.rawValue), ("area_name", figure.areaName), ("month_end", figure.monthEnd.iso),
                ("measure", figure.measure.rawValue), ("percentage", figure.percentage),
            ])
        }
        try await audit(.import, entity: "comparator_figure", entityID: nil, personID: nil, detail: "figures=\(figures.count)")
    }
}
