import Foundation
import WaymarkCore

/// The figures page's maps by ward: NEET and not known as two choropleths,
/// each with its sentence, and one table of every ward's counts and rates
/// (the table carries every number the colours show). Wards are joined to
/// the figures by name, as the figures count people under the name of
/// their ward; people in no loaded ward are a row of the table, not of the map.
struct FiguresWardMap: Sendable {
    struct Row: Sendable {
        let name: String
        let cohort: String
        let neet: String
        let neetRate: String
        let notKnown: String
        let notKnownRate: String
        let note: String?
    }

    struct Map: Sendable {
        let title: String
        let summary: String
        let svg: String
    }

    let maps: [Map]
    let rows: [Row]
    let wardCount: Int

    init?(wards: [WardShape], byWard: [(name: String, counts: StateCounts)], headline: StateCounts) {
        guard !wards.isEmpty else { return nil }
        var counted: [String: StateCounts] = [:]
        for entry in byWard { counted[Self.key(entry.name), default: StateCounts()] += entry.counts }
        let mapped = wards.map { ward in (ward: ward, counts: counted.removeValue(forKey: Self.key(ward.name)) ?? StateCounts()) }
        let unmapped = byWard.filter { counted[Self.key($0.name)] != nil }
        func map(_ measure: String, _ rate: (StateCounts) -> Proportion, _ count: (StateCounts) -> Int, id: String) -> Map {
            let regions = mapped.map { entry in
                ChoroplethMap.Region(
                    code: entry.ward.code, name: entry.ward.name, polygons: entry.ward.polygons, percentage: rate(entry.counts).percentage,
                    valueText: entry.counts.cohort == 0 ? "nobody in the cohort" : "\(FiguresPage.percent(rate(entry.counts))) (\(count(entry.counts).formatted()) of \(entry.counts.cohort.formatted()))")
            }
            let summary = Self.summary(measure, regions: regions, la: rate(headline))
            let title = "\(measure) by ward"
            return Map(title: title, summary: summary, svg: ChoroplethMap(title: title, summary: summary, regions: regions, id: id).svg)
        }
        maps = [map("NEET", \.neetRate, \.neet, id: "ward-map-neet"), map("Not known", \.notKnownRate, \.notKnown, id: "ward-map-not-known")]
        func row(_ name: String, _ counts: StateCounts, note: String?) -> Row {
            Row(name: name, cohort: counts.cohort.formatted(), neet: counts.neet.formatted(), neetRate: FiguresPage.percent(counts.neetRate),
                notKnown: counts.notKnown.formatted(), notKnownRate: FiguresPage.percent(counts.notKnownRate), note: note)
        }
        rows = mapped.map { row($0.ward.name, $0.counts, note: nil) }
            + unmapped.map { row($0.name, $0.counts, note: "not a loaded ward, so not on the map") }
        wardCount = wards.count
    }

    /// Ward names as people and files write them: "St Aidan's" is "st aidan's".
    static func key(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces).lowercased() }

    static func summary(_ measure: String, regions: [ChoroplethMap.Region], la: Proportion) -> String {
        let measured = regions.filter { $0.percentage != nil }.sorted { ($0.percentage ?? 0, $1.name) > ($1.percentage ?? 0, $0.name) }
        guard let highest = measured.first, let lowest = measured.last else {
            return "Nobody in the cohort lives in a loaded ward."
        }
        let none = regions.count - measured.count
        var text = "\(measure) is highest in \(highest.name), \(highest.valueText), and lowest in \(lowest.name), \(lowest.valueText); "
            + "the LA's rate is \(FiguresPage.percent(la)). The table after the maps gives every ward."
        if none > 0 { text += " \(none) of \(regions.count) wards have nobody in the cohort." }
        return text
    }
}

extension StateCounts {
    static func += (total: inout StateCounts, more: StateCounts) {
        total = StateCounts(eet: total.eet + more.eet, neet: total.neet + more.neet, notKnown: total.notKnown + more.notKnown, other: total.other + more.other)
    }
}
