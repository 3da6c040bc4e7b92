public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// What the young person's own page shows them.
public struct OwnRecordView: Sendable {
    public struct Held: Sendable, Equatable {
        public let heading: String
        public let text: String
    }

    public struct Choice: Sendable {
        public let choice: OwnChoice
        /// Nil: not decided.
        public let answer: ConsentDecision?
        /// How the answer in force was given ("on their own page", "on a paper form"…).
        public let givenHow: String?
    }

    public let givenName: String
    public let held: [Held]
    public let choices: [Choice]
    /// Other provisions in force (recorded by staff for one school, for instance), in words.
    public let otherChoices: [String]
    public let visits: [RecordVisit]
    /// The pass the page's forms carry.
    public let pass: String
    /// Their action plan as they see it: goals, steps, owners and due dates, never the adviser's notes.
    public let plan: [OwnGoal]
    public let nextPlanReview: CalendarDate?
    /// The instrument they may rate themselves with: the one their adviser used last, else the default.
    public let selfRating: Instrument?
    /// When they last gave their own view.
    public let lastOwnView: CalendarDate?
}

/// A goal of the young person's plan, as their own page shows it.
public struct OwnGoal: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public let description: String
        public let owner: String
        public let dueOn: CalendarDate?
        public let status: StepStatus

        public init(description: String, owner: String, dueOn: CalendarDate?, status: StepStatus) {
            self.description = description
            self.owner = owner
            self.dueOn = dueOn
            self.status = status
        }
    }

    public let title: String
    public let need: String
    public let steps: [Step]

    public init(title: String, need: String, steps: [Step]) {
        self.title = title
        self.need = need
        self.steps = steps
    }
}

/// What became of a young person's own ratings.
public enum SelfRatingOutcome: Sendable, Equatable {
    case saved
    /// The link or pass no longer holds: ask for the date of birth again.
    case notAdmitted
    case invalid([String])
}

/// The result of the "is it you?" check.
public enum OwnRecordCheck: Sendable, Equatable {
    case passed(pass: String)
    case wrong(attemptsLeft: Int)
    /// Too many wrong answers on this link: ask for a new one.
    case locked
    case refused(SelfServiceRefusal)
}

/// The young person's own view, behind their signed link and their date
/// of birth: a plain summary of what is held, their sharing choices (which
/// they change here) and who has opened their record, by role and
/// organisation (docs/POLICIES.md, "The young person's own page").
public struct OwnRecordDesk: Sendable {
    let store: Store
    let links: SelfServiceLinks
    let registry: LocalAuthorityRegistry
    let laCode: String
    /// Wrong dates of birth a link allows before it stops asking.
    public static let allowedFailures = 5
    public static let visitsShown = 50

    public init(store: Store, links: SelfServiceLinks, registry: LocalAuthorityRegistry, laCode: String) {
        self.store = store
        self.links = links
        self.registry = registry
        self.laCode = laCode
    }

    public func check(link: String, dateOfBirth: CalendarDate?, now: Date) async throws -> OwnRecordCheck {
        guard case .open(let token) = try await desk.opened(link, now: now) else { return .refused(try await refusal(of: link, now: now) ?? .unknownAttempt) }
        let checks = SelfServiceChecks(store: store)
        let failures = try await checks.failures(member: token.campaignMemberID)
        guard failures < Self.allowedFailures else { return .locked }
        let person = try await PersonBundleReader(store: store, registry: registry).person(token.personID, responsibleLA: laCode)
        if let dateOfBirth, let person, person.dateOfBirth == dateOfBirth {
            return .passed(pass: try await links.signer(now: now).pass(forLink: link, now: now))
        }
        try await store.change(by: .system("self-service"), at: now) { tx in
            try await tx.audit(
                .signInFailed, entity: "campaign_member", entityID: token.campaignMemberID, personID: token.personID, detail: "own record: date of birth")
        }
        let left = Self.allowedFailures - failures - 1
        return left > 0 ? .wrong(attemptsLeft: left) : .locked
    }

    /// The page, when the link and the pass hold; audited as the young person viewing their own record.
    public func view(link: String, pass: String?, now: Date) async throws -> OwnRecordView? {
        guard let (token, pass) = try await admitted(link: link, pass: pass, now: now),
            let person = try await PersonBundleReader(store: store, registry: registry).person(token.personID, responsibleLA: laCode)
        else { return nil }
        let today = CalendarDate.today(from: now)
        let casework = CaseworkQueries(store: store)
        async let details = casework.contactDetails(of: token.personID)
        async let contacts = casework.contacts(of: token.personID, limit: 1000)
        async let recorded = ConsentQueries(store: store).provisions(of: token.personID)
        async let visits = RecordVisits(store: store).visits(to: token.personID, limit: Self.visitsShown)
        let provisions = try await recorded.map(\.provision)
        let held = OwnRecordSummary.held(person, details: try await details.count, contacts: try await contacts, today: today)
        let choices = OwnChoice.allCases.map { choice in
            let answer = choice.answer(in: provisions, on: today, at: now)
            return OwnRecordView.Choice(choice: choice, answer: answer?.decision, givenHow: answer.map { Self.toYou($0.method) })
        }
        let others = provisions.filter { provision in
            provision.isInForce(on: today, at: now) && !OwnChoice.allCases.contains { $0.matches(provision) }
        }
        let names = try await organisationNames(others)
        let (plan, schedule) = try await ownPlan(token.personID)
        let assessments = try await AssessmentQueries(store: store).assessments(of: token.personID)
        let view = OwnRecordView(
            givenName: person.givenName ?? "", held: held, choices: choices,
            otherChoices: others.map { OwnRecordSummary.describe($0, names: names) }, visits: try await visits, pass: pass,
            plan: plan, nextPlanReview: schedule?.nextReviewOn, selfRating: try await selfRatingInstrument(assessments),
            lastOwnView: assessments.last(where: { $0.rater == .youngPerson })?.assessedOn)
        try await store.change(by: .system("self-service"), at: now) { tx in
            try await tx.audit(.view, entity: "young_person", entityID: token.personID, personID: token.personID, detail: "own record; member=\(token.campaignMemberID)")
        }
        return view
    }

    /// Records the young person's answers: a changed answer withdraws the
    /// standing provisions of its shape and, unless "not decided", adds theirs.
    /// False when the link or pass no longer holds.
    public func choose(_ answers: [OwnChoice: ConsentDecision?], link: String, pass: String?, now: Date) async throws -> Bool {
        guard let (token, _) = try await admitted(link: link, pass: pass, now: now) else { return false }
        let today = CalendarDate.today(from: now)
        let standing = try await ConsentQueries(store: store).standing(of: token.personID)
        try await store.change(by: .system("self-service"), at: now) { tx in
            for (choice, decision) in answers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                guard choice.answer(in: standing, on: today, at: now)?.decision != decision else { continue }
                for old in standing where choice.matches(old) {
                    _ = try await tx.withdrawConsent(old.id, of: token.personID)
                }
                if let provision = choice.provision(decision, on: today, at: now) {
                    _ = try await tx.recordConsent(provision, for: token.personID)
                }
            }
        }
        return true
    }

    /// Records the young person's own view of themselves, completed as they send it and
    /// held apart from the adviser's assessments (rater `young-person`, source self-service)
    /// for the adviser to discuss. False when the link or pass no longer holds.
    public func rateSelf(_ ratings: [String: Int], link: String, pass: String?, now: Date) async throws -> SelfRatingOutcome {
        guard let (token, _) = try await admitted(link: link, pass: pass, now: now) else { return .notAdmitted }
        let assessments = try await AssessmentQueries(store: store).assessments(of: token.personID)
        guard let instrument = try await selfRatingInstrument(assessments) else { return .notAdmitted }
        let problems = RatingsCheck.problems(ratings, against: instrument, complete: false)
        guard problems.isEmpty else { return .invalid(problems.map(\.rule)) }
        guard !ratings.isEmpty else { return .invalid(["Choose an answer for at least one question."]) }
        let personID = token.personID
        try await store.change(by: .system("self-service"), at: now) { tx in
            let id = try await tx.startAssessment(of: personID, with: instrument.reference, kind: .assessment, rater: .youngPerson, on: .today(from: now))
            try await tx.saveDraftRatings(ratings, summary: nil, of: id, for: personID)
            try await tx.completeAssessment(id, for: personID)
        }
        return .saved
    }

    private func selfRatingInstrument(_ assessments: [StoredAssessment]) async throws -> Instrument? {
        let catalogue = InstrumentCatalogue(store: store)
        let key = assessments.last(where: { $0.rater == .adviser })?.instrument.key ?? InstrumentCatalogue.defaultKey
        let current = try await catalogue.current()
        return current.first { $0.key == key } ?? current.first
    }

    private func ownPlan(_ personID: Int64) async throws -> ([OwnGoal], PlanSchedule?) {
        let plan = try await PlanQueries(store: store).plan(of: personID)
        let goals = plan.goals.map { goal in
            OwnGoal(
                title: goal.title, need: goal.need.text,
                steps: goal.steps.filter { $0.status != .dropped }.map {
                    OwnGoal.Step(description: $0.description, owner: $0.owner.toYoungPerson, dueOn: $0.dueOn, status: $0.status)
                })
        }
        return (goals, plan.schedule)
    }

    /// How an answer was given, in words addressed to the young person.
    static func toYou(_ method: ConsentMethod) -> String {
        switch method {
        case .selfService: "on this page"
        case .paper: "on a paper form"
        case .verbal(let worker): "by telling \(worker)"
        case .transfer(let la): "to the local authority you lived in before (\(la)), who passed your choice on when you moved"
        }
    }

    private var desk: SelfServiceDesk { SelfServiceDesk(store: store, links: links, registry: registry) }

    private func admitted(link: String, pass: String?, now: Date) async throws -> (SelfServiceToken, String)? {
        guard case .open(let token) = try await desk.opened(link, now: now), let pass,
            try await links.signer(now: now).acceptsPass(pass, forLink: link, now: now)
        else { return nil }
        return (token, pass)
    }

    /// Why the link does not open, or nil when it does (answered or not).
    public func refusal(of link: String, now: Date) async throws -> SelfServiceRefusal? {
        if case .refused(let why) = try await desk.opened(link, now: now) { return why }
        return nil
    }

    private func organisationNames(_ provisions: [ConsentProvision]) async throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for case .organisation(let id) in provisions.map(\.recipient) where names[id] == nil {
            names[id] = try await OrganisationQueries(store: store).organisation(id: id)?.name
        }
        return names
    }
}
