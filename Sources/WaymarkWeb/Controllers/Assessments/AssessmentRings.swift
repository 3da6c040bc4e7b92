import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// One instrument's completed adviser assessments as the record shows them:
/// the radar (one ring each, the latest on top), the sentence before it and
/// the table beside it, which holds every rating the rings are drawn from.
struct AssessmentRings: Sendable {
    struct Row: Sendable {
        let number: Int
        let area: String
        let group: String
        /// One rating per ring, oldest first, as "3 Some difficulty".
        let ratings: [String]
    }

    let instrumentTitle: String
    let key: String
    let summary: String
    let chart: String
    let columns: [String]
    let rows: [Row]
    let nextReview: String?

    /// Nil when the instrument has no completed adviser assessment yet.
    init?(_ instrument: Instrument, completed: [StoredAssessment], chartID: String) {
        guard !completed.isEmpty else { return nil }
        instrumentTitle = instrument.title
        key = instrument.key
        let names = completed.enumerated().map { index, assessment in
            "\(assessment.kind.label), \(assessment.assessedOn.longDescription)\(index == completed.count - 1 ? " (latest)" : "")"
        }
        let styles = RadarChart.styles(count: completed.count)
        let rings = completed.enumerated().map { index, assessment in
            RadarChart.Ring(
                name: names[index], values: instrument.areas.map { area in assessment.ratings[area.key].map(instrument.progress) }, style: styles[index])
        }
        let latest = completed[completed.count - 1]
        let scaleWords = "\(instrument.scale.first?.label ?? "") to \(instrument.scale.last?.label ?? "")"
        var sentence = "\(completed.count) completed (\(completed.count == 1 ? "one ring" : "one ring each, the latest solid")). "
            + "Each numbered spoke is an area, named in the table; further from the centre is better. The scale runs \(scaleWords)."
        if completed.count > 1 {
            let first = completed[0]
            let moves = instrument.areas.compactMap { area -> Int? in
                guard let before = first.ratings[area.key], let after = latest.ratings[area.key] else { return nil }
                return instrument.progress(after) - instrument.progress(before)
            }
            sentence += " Since the first, \(moves.filter { $0 > 0 }.count) of \(moves.count) areas are better, \(moves.filter { $0 < 0 }.count) worse."
        }
        summary = sentence
        chart = RadarChart(
            title: "\(instrument.title): ratings at each assessment", summary: sentence, axes: instrument.areas.map(\.title),
            steps: instrument.highest - instrument.lowest, rings: rings, id: chartID
        ).svg
        columns = names
        var number = 0
        rows = instrument.groups.flatMap { group in
            group.areas.map { area in
                number += 1
                return Row(
                    number: number, area: area.title, group: group.title,
                    ratings: completed.map { assessment in
                        assessment.ratings[area.key].map { value in "\(value) \(instrument.point(value)?.label ?? "")" } ?? "–"
                    })
            }
        }
        nextReview = latest.assessedOn.adding(days: instrument.reviewIntervalWeeks * 7).longDescription
    }

    /// For each instrument used, oldest instrument first.
    static func all(_ assessments: [StoredAssessment], instruments: [InstrumentReference: Instrument], idPrefix: String) -> [AssessmentRings] {
        var keys: [String] = []
        for assessment in assessments where assessment.isCompleted && assessment.rater == .adviser && !keys.contains(assessment.instrument.key) {
            keys.append(assessment.instrument.key)
        }
        return keys.enumerated().compactMap { index, key in
            let completed = assessments.filter { $0.isCompleted && $0.rater == .adviser && $0.instrument.key == key }
            // Drawn with the newest definition used: areas are matched by key, so a later version's new area shows as not rated before.
            guard let newest = completed.map(\.instrument).max(by: { $0.version < $1.version }), let instrument = instruments[newest] else { return nil }
            return AssessmentRings(instrument, completed: completed, chartID: "\(idPrefix)-\(index)")
        }
    }
}
