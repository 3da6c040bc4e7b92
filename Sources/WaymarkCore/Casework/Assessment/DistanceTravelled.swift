/// How far young people moved between their first and their latest
/// completed adviser assessment with one instrument: per area and overall,
/// in points of the scale, counted so that a positive change is always an
/// improvement (less difficulty, more readiness). Self-ratings never count.
public struct DistanceTravelled: Sendable, Equatable {
    public struct AreaChange: Sendable, Equatable {
        public let areaKey: String
        public let title: String
        /// People rated in this area at both ends.
        public let people: Int
        /// Mean rating at the first and at the latest assessment, in the scale's own values.
        public let firstMean: Double
        public let latestMean: Double
        /// Mean improvement in points (positive = better).
        public let meanChange: Double
        public let improved: Int
        public let same: Int
        public let worse: Int
    }

    /// Ratings of one completed assessment, by area key.
    public struct Ends: Sendable, Equatable {
        public let first: [String: Int]
        public let latest: [String: Int]

        public init(first: [String: Int], latest: [String: Int]) {
            self.first = first
            self.latest = latest
        }
    }

    public let instrument: InstrumentReference
    /// People with at least two completed assessments (only they have travelled).
    public let people: Int
    /// People with a single completed assessment, not yet reviewed.
    public let notYetReviewed: Int
    public let areas: [AreaChange]
    /// Mean over people of each person's mean improvement across the areas rated at both ends.
    public let overallMeanChange: Double?
    public let overallImproved: Int
    public let overallSame: Int
    public let overallWorse: Int

    /// `ends` holds one entry per person with two or more completed assessments; `single` counts those with one.
    public init(instrument: Instrument, ends: [Ends], single: Int) {
        self.instrument = instrument.reference
        people = ends.count
        notYetReviewed = single
        areas = instrument.areas.map { area in
            let pairs = ends.compactMap { end -> (Int, Int)? in
                guard let first = end.first[area.key], let latest = end.latest[area.key] else { return nil }
                return (first, latest)
            }
            let changes = pairs.map { instrument.progress($0.1) - instrument.progress($0.0) }
            let count = Double(max(1, pairs.count))
            return AreaChange(
                areaKey: area.key, title: area.title, people: pairs.count,
                firstMean: Double(pairs.map(\.0).reduce(0, +)) / count, latestMean: Double(pairs.map(\.1).reduce(0, +)) / count,
                meanChange: Double(changes.reduce(0, +)) / count,
                improved: changes.filter { $0 > 0 }.count, same: changes.filter { $0 == 0 }.count, worse: changes.filter { $0 < 0 }.count)
        }
        let perPerson = ends.compactMap { end -> Double? in
            let changes = instrument.areas.compactMap { area -> Int? in
                guard let first = end.first[area.key], let latest = end.latest[area.key] else { return nil }
                return instrument.progress(latest) - instrument.progress(first)
            }
            return changes.isEmpty ? nil : Double(changes.reduce(0, +)) / Double(changes.count)
        }
        overallMeanChange = perPerson.isEmpty ? nil : perPerson.reduce(0, +) / Double(perPerson.count)
        overallImproved = perPerson.filter { $0 > 0 }.count
        overallSame = perPerson.filter { $0 == 0 }.count
        overallWorse = perPerson.filter { $0 < 0 }.count
    }
}
