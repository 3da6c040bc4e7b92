import Testing
import WaymarkCore

/// An instrument is data: these are the rules a definition must keep before
/// an LA may load it, each broken rule named by its field.
@Suite struct InstrumentRulesTests {
    static func scale(_ values: [Int] = [1, 2, 3, 4]) -> [Instrument.ScalePoint] {
        values.map { Instrument.ScalePoint(value: $0, label: "Point \($0)", descriptor: "What \($0) means") }
    }

    static func instrument(
        key: String = "needs", scale: [Instrument.ScalePoint] = scale(), needPoints: [Int] = [3, 4], groups: [Instrument.AreaGroup]? = nil
    ) -> Instrument {
        Instrument(
            key: key, version: 1, title: "Needs", description: "", reviewIntervalWeeks: 12, higherIsBetter: false, needPoints: needPoints, scale: scale,
            groups: groups ?? [
                Instrument.AreaGroup(key: "personal", title: "Personal", areas: [
                    Instrument.Area(key: "health", title: "Health", question: "How is your health?"),
                    Instrument.Area(key: "housing", title: "Housing", question: "Where do you live?"),
                ]),
                Instrument.AreaGroup(key: "work", title: "Work", areas: [Instrument.Area(key: "skills", title: "Skills", question: "What can you do?")]),
            ])
    }

    @Test func aWellFormedInstrumentHasNoProblems() {
        #expect(Self.instrument().problems.isEmpty)
        #expect(Self.instrument().areas.map(\.key) == ["health", "housing", "skills"])
    }

    @Test func everyBrokenRuleIsNamedByItsField() {
        var points = Self.scale([1, 2, 4])
        points[1] = Instrument.ScalePoint(value: 2, label: "Two", descriptor: " ")
        let broken = Self.instrument(
            key: "Needs!", scale: points, needPoints: [9],
            groups: [
                Instrument.AreaGroup(key: "personal", title: "Personal", areas: [
                    Instrument.Area(key: "health", title: "Health", question: "?"),
                    Instrument.Area(key: "health", title: "Health again", question: "?"),
                ])
            ])
        let fields = broken.problems.map(\.field)
        #expect(fields.contains("key"))
        #expect(fields.contains("scale[2].value"), "the scale must be ordered with no gaps")
        #expect(fields.contains("scale[1].descriptor"), "every point needs a descriptor")
        #expect(fields.contains("needPoints[0]"))
        #expect(fields.contains("groups[0].areas[1].key"), "area keys are unique")
        #expect(fields.contains("groups"), "two areas cannot make a radar")
        let descriptor = broken.problems.first { $0.field == "scale[1].descriptor" }
        #expect(descriptor?.rule.contains("descriptor") == true)
    }

    @Test func ratingsAreCheckedAgainstTheInstrument() {
        let instrument = Self.instrument()
        #expect(RatingsCheck.problems(["health": 2], against: instrument, complete: false).isEmpty, "a draft may be partly rated")
        #expect(RatingsCheck.problems(["health": 2], against: instrument, complete: true).map(\.field) == ["housing", "skills"], "completing needs every area")
        #expect(RatingsCheck.problems(["health": 7], against: instrument, complete: false).first?.rule == "Health must be rated 1 to 4")
        #expect(RatingsCheck.problems(["smoking": 1], against: instrument, complete: false).first?.field == "smoking")
    }

    @Test func progressRunsOutwardsWhicheverWayTheScaleRuns() {
        let difficulty = Self.instrument()
        #expect(difficulty.progress(1) == 3 && difficulty.progress(4) == 0, "1 is a strength: furthest out")
        let readiness = Instrument(
            key: "ready", version: 1, title: "Ready", description: "", reviewIntervalWeeks: 8, higherIsBetter: true, needPoints: [1], scale: Self.scale(),
            groups: difficulty.groups)
        #expect(readiness.progress(4) == 3 && readiness.progress(1) == 0)
    }
}
