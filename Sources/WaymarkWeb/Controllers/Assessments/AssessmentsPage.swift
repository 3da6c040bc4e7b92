import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A record's assessments: each instrument's rings with the table beside
/// them, drafts to carry on, the young person's own views (held apart for
/// the adviser to discuss), and a form to start a new one.
struct AssessmentsPage: PageModel {
    static let template = "record-assessments"

    struct Listed: Sendable {
        let id: Int64
        let what: String
        let day: String
        let who: String
    }

    struct OwnView: Sendable {
        let id: Int64
        let day: String
        let instrument: String
        let rated: Int
    }

    struct Choice: Sendable {
        let value: String
        let label: String
    }

    let title: String
    let frame: CaseworkFrame
    let rings: [AssessmentRings]
    let hasRings: Bool
    let drafts: [Listed]
    let hasDrafts: Bool
    let ownViews: [OwnView]
    let hasOwnViews: Bool
    let instruments: [Choice]
    let mayChange: Bool
    let saved: String?

    init(view: AssessmentsView, frame: CaseworkFrame, saved: String?) {
        title = "Assessments – \(view.personName)"
        self.frame = frame
        rings = AssessmentRings.all(view.assessments, instruments: view.instruments, idPrefix: "rings")
        hasRings = !rings.isEmpty
        drafts = view.assessments.filter { !$0.isCompleted && $0.rater == .adviser }.map { assessment in
            Listed(
                id: assessment.id, what: "\(assessment.kind.label): \(view.instruments[assessment.instrument]?.title ?? assessment.instrument.key)",
                day: assessment.assessedOn.longDescription, who: assessment.recordedBy.flatMap { view.staffNames[$0] } ?? assessment.source)
        }
        hasDrafts = !drafts.isEmpty
        ownViews = view.ownViews.reversed().map { assessment in
            OwnView(id: assessment.id, day: assessment.assessedOn.longDescription,
                    instrument: view.instruments[assessment.instrument]?.title ?? assessment.instrument.key, rated: assessment.ratings.count)
        }
        hasOwnViews = !ownViews.isEmpty
        instruments = view.offered.map { Choice(value: $0.key, label: $0.title) }
        mayChange = view.mayChange
        self.saved = saved
    }
}

/// One assessment: its form while a draft (for whoever may change the
/// record), its ratings to read once completed.
struct AssessmentPage: PageModel {
    static let template = "record-assessment"

    struct Option: Sendable {
        let id: String
        let value: Int
        let label: String
        let descriptor: String
        let checked: Bool
    }

    struct Area: Sendable {
        let key: String
        let title: String
        let question: String
        let options: [Option]
        /// For a completed one: the rating in words.
        let rating: String
        let error: String?
    }

    struct Group: Sendable {
        let title: String
        let areas: [Area]
    }

    let title: String
    let frame: CaseworkFrame
    let heading: String
    let instrumentDescription: String
    let groups: [Group]
    let editable: Bool
    let completed: Bool
    let ownView: Bool
    let summary: String
    let status: String
    let action: String
    let scale: [Instrument.ScalePoint]

    init(detail: AssessmentDetail, frame: CaseworkFrame, mayChange: Bool, ratings: [String: Int]? = nil, summary: String? = nil, problems: FormProblems = FormProblems()) {
        let assessment = detail.assessment
        let instrument = detail.instrument
        let what = assessment.rater == .youngPerson ? "Own view" : assessment.kind.label
        heading = "\(what): \(instrument.title)"
        title = (problems.isEmpty ? "" : "Error: ") + "\(heading) – \(detail.personName)"
        self.frame = frame
        instrumentDescription = instrument.description
        editable = mayChange && !assessment.isCompleted && assessment.rater == .adviser
        completed = assessment.isCompleted
        ownView = assessment.rater == .youngPerson
        let shown = ratings ?? assessment.ratings
        groups = instrument.groups.map { group in
            Group(title: group.title, areas: group.areas.map { area in
                Area(
                    key: area.key, title: area.title, question: area.question,
                    options: instrument.scale.map { point in
                        Option(id: "rating-\(area.key)-\(point.value)", value: point.value, label: point.label, descriptor: point.descriptor,
                               checked: shown[area.key] == point.value)
                    },
                    rating: shown[area.key].map { "\($0) \(instrument.point($0)?.label ?? "")" } ?? "Not rated",
                    error: problems.message(for: "rating-\(area.key)"))
            })
        }
        self.summary = summary ?? assessment.summary ?? ""
        status = assessment.isCompleted
            ? "Completed \(assessment.assessedOn.longDescription). It is kept exactly as it was; a change is recorded as a review."
            : "Draft, started \(assessment.assessedOn.longDescription). Save as you go; complete it when every area is rated."
        action = "/people/\(frame.personID)/assessments/\(assessment.id)"
        scale = instrument.scale
    }
}
