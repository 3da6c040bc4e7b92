/// Checks a set of ratings against an instrument: every key an area of it,
/// every value a point of its scale, and (to complete) every area rated.
public enum RatingsCheck {
    public static func problems(_ ratings: [String: Int], against instrument: Instrument, complete: Bool) -> [InstrumentProblem] {
        var found: [InstrumentProblem] = []
        for (key, value) in ratings.sorted(by: { $0.key < $1.key }) {
            guard let area = instrument.area(key) else {
                found.append(InstrumentProblem(field: key, rule: "is not an area of \(instrument.title)"))
                continue
            }
            if instrument.point(value) == nil {
                found.append(InstrumentProblem(field: key, rule: "\(area.title) must be rated \(instrument.lowest) to \(instrument.highest)"))
            }
        }
        if complete {
            for area in instrument.areas where ratings[area.key] == nil {
                found.append(InstrumentProblem(field: area.key, rule: "Rate \(area.title) before completing"))
            }
        }
        return found
    }
}
