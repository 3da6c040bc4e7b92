import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The view model of the young person's record.
struct PersonPage: PageModel {
    static let template = "person"

    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct TimelineEntry: Sendable {
        let dates: String
        let activity: String
        let provider: String?
        let provenance: String
        let current: Bool
    }

    struct HistoryEntry: Sendable {
        let value: String
        let period: String
        let current: Bool
    }

    struct ContactEntry: Sendable {
        let when: String
        let how: String
        let outcome: String
        let summary: String?
        let nextStep: String?
        let who: String
        let source: String
    }

    struct FollowUpEntry: Sendable {
        let id: Int64
        let due: String
        let description: String
        let overdue: Bool
    }

    struct AppointmentEntry: Sendable {
        let id: Int64
        let when: String
        let place: String
        let status: String
        let canMark: Bool
    }

    /// Appointments in the groups an adviser acts on: what is coming, what
    /// needs marking as attended or missed, who did not come, and the rest.
    struct AppointmentGroups: Sendable {
        let upcoming: [AppointmentEntry]
        let toMark: [AppointmentEntry]
        let missed: [AppointmentEntry]
        let earlier: [AppointmentEntry]
        let hasUpcoming: Bool
        let hasToMark: Bool
        let hasMissed: Bool
        let hasEarlier: Bool

        init(_ stored: [StoredAppointment], now: Date, canChange: Bool) {
            let nowText = Timestamp.format(now)
            func entry(_ appointment: StoredAppointment) -> AppointmentEntry {
                AppointmentEntry(
                    id: appointment.id, when: UKTime.describe(appointment.startsAt), place: appointment.place ?? "–", status: appointment.status,
                    canMark: canChange && appointment.status == "booked")
            }
            // Stored timestamps are UTC ISO text of one width, so they compare as text.
            let booked = stored.filter { $0.status == "booked" }
            upcoming = booked.filter { $0.startsAt >= nowText }.sorted { $0.startsAt < $1.startsAt }.map(entry)
            toMark = booked.filter { $0.startsAt < nowText }.map(entry)
            missed = stored.filter { $0.status == "missed" }.map(entry)
            earlier = stored.filter { $0.status != "booked" && $0.status != "missed" }.map(entry)
            hasUpcoming = !upcoming.isEmpty
            hasToMark = !toMark.isEmpty
            hasMissed = !missed.isEmpty
            hasEarlier = !earlier.isEmpty
        }
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    /// The error summary when a form on this page (marking an appointment) came back with a problem.
    let frame: StaffFrame
    let name: String
    let state: String
    let identity: [Fact]
    let position: [Fact]
    let support: [Fact]
    let timeline: [TimelineEntry]
    let addresses: [HistoryEntry]
    let details: [HistoryEntry]
    let contacts: [ContactEntry]
    let hasTimeline: Bool
    let hasContacts: Bool
    let unreadable: [String]
    let personID: Int64
    let canChange: Bool
    let canAssign: Bool
    let followUps: [FollowUpEntry]
    let hasFollowUps: Bool
    let appointments: AppointmentGroups
    let hasAppointments: Bool
    let saved: String?
    let today: String
    /// Links to the merges into this record, for undoing them.
    let merges: [String]
    /// The kinds of fact this user's role does not see on any record.
    let withheld: [String]
    let hasWithheld: Bool
    let canBreakGlass: Bool
    /// "Mental health, … until 14:30 today": what breaking the glass opened here.
    let brokenGlass: String?
    let canReviewAccess: Bool
    /// Classes withheld from this school, college or provider because the share was refused, each with why.
    let notShared: [NotShared]
    let hasNotShared: Bool
    let canManageConsent: Bool
    let canSubjectAccess: Bool
    let canTransfer: Bool
    let canLookUpElsewhere: Bool
    /// Parents, carers and professionals are contact details: shown to those who see them.
    let showsFamily: Bool
    /// The team around the young person is the LA's register: not shown to a school or college.
    let showsKnownTo: Bool
    let showsCasework: Bool
    let showsContact: Bool
    let showsPathway: Bool
    let showsContactHistory: Bool
    /// Assessments (rings of the latest instrument used) and the plan, for those who see casework notes.
    let showsProgress: Bool
    let rings: AssessmentRings?
    let planSummary: String

    init(user: StoredUser, csrf: String, record: PersonRecord, today: CalendarDate, classifier: ParticipationClassifier, registry: LocalAuthorityRegistry,
         saved: String?, now: Date, problems: FormProblems = FormProblems()) {
        let person = record.person
        frame = StaffFrame(user: user, csrf: csrf, problems: problems)
        personID = person.id
        showsProgress = record.shows(.notes)
        // The instrument most recently completed: its rings; the assessments page has the others.
        let latestKey = record.assessments.last { $0.isCompleted && $0.rater == .adviser }?.instrument.key
        rings = AssessmentRings.all(record.assessments, instruments: record.instruments, idPrefix: "record-rings").first { $0.key == latestKey }
        planSummary = Self.planSummary(record.plan, today: today)
        canChange = record.mayChange
        canAssign = record.mayAssign
        self.today = today.iso
        self.saved = saved.flatMap { Self.confirmations[$0] }
        merges = record.merges.map { "/merges/\($0)" }
        followUps = record.followUps.map {
            FollowUpEntry(id: $0.id, due: (try? CalendarDate(iso: $0.dueOn))?.longDescription ?? $0.dueOn, description: $0.description, overdue: $0.dueOn < today.iso)
        }
        hasFollowUps = !followUps.isEmpty
        appointments = AppointmentGroups(record.appointments, now: now, canChange: record.mayChange)
        hasAppointments = !record.appointments.isEmpty
        name = [person.givenName, person.middleNames, person.familyName].compactMap { $0 }.joined(separator: " ")
        title = name
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        let restricted = Self.restricted
        state = !record.shows(.currentActivity) && !record.shows(.educationAndActivity) ? restricted
            : record.state.map(Self.describe) ?? "Cannot be classified: the date of birth or cohort status is unreadable"
        withheld = record.withheld.filter(\.isShownAsRestricted).map(\.label)
        hasWithheld = !withheld.isEmpty
        canBreakGlass = record.mayBreakGlass
        brokenGlass = record.brokenGlass.map { window in
            window.classes.sorted().map(\.label).joined(separator: ", ") + (window.until.map { " until \(UKTime.describe(instant: $0, relativeTo: now))" } ?? "")
        }
        canReviewAccess = record.mayReviewAccess
        notShared = record.consentRefused.map { NotShared(label: $0.dataClass.label, reason: $0.reason) }
        hasNotShared = !notShared.isEmpty
        canManageConsent = record.mayManageConsent
        canSubjectAccess = AccessPolicy.allows(user.role, .subjectAccess)
        canTransfer = AccessPolicy.allows(user.role, .transferPeople)
        canLookUpElsewhere = AccessPolicy.allows(user.role, .lookUpElsewhere)
        showsFamily = record.shows(.contact)
        showsKnownTo = user.role != .careersLeader
        showsCasework = record.shows(.notes) || record.shows(.contact)
        showsContact = record.shows(.contact)
        showsPathway = record.shows(.educationAndActivity)
        let need = person.need(on: today)
        let current = record.currentActivity
        func la(_ code: String?) -> String {
            guard let code else { return "–" }
            return (try? registry.code(code)).flatMap { registry.name(of: $0).map { "\($0) (\(code))" } } ?? code
        }
        identity = [
            Fact(label: "Date of birth", value: person.dateOfBirth.map {
                "\($0.longDescription) (academic age \(AcademicAge.of(dateOfBirth: $0, on: today)), Year \(AcademicAge.yearGroup(dateOfBirth: $0, on: today)))"
            } ?? "–"),
            Fact(label: "Gender", value: person.gender.flatMap { try? Gender.parse($0) }?.meaning ?? person.gender ?? "–"),
            Fact(label: "Ethnicity", value: person.ethnicity.flatMap { try? Ethnicity.parse($0) }?.meaning ?? person.ethnicity ?? "–"),
            Fact(label: "UPN", value: person.upn ?? "–"),
            Fact(label: "ULN", value: person.uln ?? "–"),
            Fact(label: "Cohort status", value: person.cohortStatus.flatMap { try? CohortStatus.parse($0) }.map { "\($0.rawValue) – \($0.meaning)" } ?? "–"),
        ]
        let history = record.shows(.educationAndActivity)
        let lapse = current.map { classifier.currency.dueToLapseDate(for: $0) }
        let activity: String
        if let current {
            activity = history ? "\(current.code.rawValue) – \(current.code.meaning)" : current.code.group.rawValue.capitalizedFirst
        } else {
            activity = record.shows(.currentActivity) || history ? "Nothing recorded" : restricted
        }
        position = [
            Fact(label: "Current activity", value: activity),
            Fact(label: "Where", value: history ? current?.establishmentName ?? "–" : restricted),
            Fact(label: "Currency", value: history ? lapse.map { $0 < today ? "Lapsed on \($0.longDescription)" : "Current until \($0.longDescription)" } ?? "–" : restricted),
            Fact(label: "Responsible LA", value: la(person.responsibleLA)),
            Fact(label: "Educated in", value: la(person.educatedLA)),
            Fact(label: "School", value: person.schoolName ?? "–"),
        ]
        let characteristics = person.characteristics.filter { $0.isCurrent(on: today) }.map { "\($0.code.rawValue) – \($0.code.meaning)" }
        let hiddenKinds = Set(CharacteristicCode.allCases.map(\.sensitivityClass)).filter { !record.shows($0) }
        let characteristicText = (characteristics.isEmpty ? ["None recorded" + (hiddenKinds.isEmpty ? "" : " that you can see")] : characteristics)
            + (hiddenKinds.isEmpty ? [] : ["\(restricted): " + hiddenKinds.sorted().map { $0.label.lowercased() }.joined(separator: ", ")])
        let showsNeed = record.shows(.sendAndHealth)
        support = [
            Fact(label: "Personal adviser", value: record.placement.adviserID.map { record.staffNames[$0] ?? "User \($0)" } ?? "None"),
            Fact(label: "Tier", value: record.placement.tier.flatMap(CaseloadTier.init(rawValue:))?.meaning ?? "–"),
            Fact(label: "Level of need", value: showsNeed ? need.map { "\($0.levelOfNeed.rawValue) – \($0.levelOfNeed.meaning)" } ?? "Not assessed" : restricted),
            Fact(label: "SEND", value: showsNeed ? need.map { $0.hasSEND ? "EHC plan" : $0.hasSENSupport ? "SEN support" : "None" } ?? "–" : restricted),
            Fact(label: "Characteristics", value: characteristicText.joined(separator: "; ")),
            Fact(label: "Intended destination", value: history ? person.intendedDestination(on: today).map {
                "\($0.code.meaning) (recorded \($0.recordedOn.longDescription))"
            } ?? "–" : restricted),
            Fact(label: "September Guarantee", value: !history ? restricted : person.guarantees.isEmpty ? "–" : person.guarantees.map {
                "Year \($0.year.rawValue) \($0.academicYear): \($0.status.meaning)"
            }.joined(separator: "; ")),
        ]
        let ordered = record.activities.sorted { ($0.activity.startDate, $0.id) > ($1.activity.startDate, $1.id) }
        timeline = ordered.enumerated().map { index, stored in
            let next = index > 0 ? ordered[index - 1].activity.startDate : nil
            return TimelineEntry(
                dates: "\(stored.activity.startDate.longDescription) – " + (next.map { $0.adding(days: -1).longDescription } ?? "now"),
                activity: "\(stored.activity.code.rawValue) – \(stored.activity.code.meaning)",
                provider: stored.activity.establishmentName,
                provenance: "Recorded \((try? CalendarDate(iso: String(stored.recordedAt.prefix(10))))?.longDescription ?? String(stored.recordedAt.prefix(10))) from \(stored.source)",
                current: stored.activity == current)
        }
        addresses = person.addresses.reversed().map { address in
            HistoryEntry(
                value: (address.lines + [address.town, address.postcode].compactMap { $0 }).joined(separator: ", "),
                period: "From \(address.validFrom.longDescription)" + (address.validTo.map { " to \($0.longDescription)" } ?? ""),
                current: address.validTo.map { $0 >= today } ?? true)
        }
        details = record.contactDetails.map { stored in
            HistoryEntry(
                value: "\(stored.detail.kind.rawValue): \(stored.detail.value)",
                period: "From \(stored.detail.validFrom.longDescription)" + (stored.detail.validTo.map { " to \($0.longDescription)" } ?? ""),
                current: stored.detail.validTo == nil)
        }
        contacts = record.contacts.map { contact in
            ContactEntry(
                when: UKTime.describe(contact.occurredAt),
                how: "\(contact.method), \(contact.direction)", outcome: contact.outcome, summary: contact.summary, nextStep: contact.nextStep,
                who: contact.recordedBy.flatMap { record.staffNames[$0] } ?? "system", source: contact.source)
        }
        hasTimeline = !timeline.isEmpty
        hasContacts = !contacts.isEmpty
        showsContactHistory = showsCasework
        unreadable = person.unreadable.map(\.description)
    }

    struct NotShared: Sendable {
        let label: String
        let reason: String
    }

    /// The word a withheld fact is shown as: it says something is there to know, not what.
    static let restricted = "Restricted"

    static let confirmations = [
        "person-added": "Young person added. Their record says they were entered by hand, by you.",
        "contact": "Contact recorded.", "activity": "Activity saved: it is now on the pathway.", "follow-up": "Follow-up added.",
        "follow-up-done": "Follow-up marked done.", "appointment": "Appointment updated.", "appointment-booked": "Appointment booked.", "caseload": "Adviser, tier and level of need saved.",
    ]

    static func describe(_ state: ParticipationState) -> String {
        switch state {
        case .eet: "In education, employment or training"
        case .neet: "NEET"
        case .notKnown(let reason): "Not known (\(reason.rawValue))"
        case .other: "Other: outside the NEET cohort (custody or refugee)"
        case .notInCohort(let reason): "Not in the cohort (\(reason.rawValue))"
        }
    }

    /// "3 goals, 5 steps open (1 overdue); next review 17 February 2027."
    static func planSummary(_ plan: StoredActionPlan?, today: CalendarDate) -> String {
        guard let plan, !plan.goals.isEmpty || plan.schedule != nil else { return "No action plan yet." }
        let open = plan.goals.flatMap(\.steps).filter { !$0.status.isClosed }
        let overdue = open.filter { $0.dueOn.map { $0 < today } ?? false }.count
        return "\(plan.goals.count) \(plan.goals.count == 1 ? "goal" : "goals"), \(open.count) \(open.count == 1 ? "step" : "steps") open"
            + (overdue > 0 ? " (\(overdue) overdue)" : "")
            + (plan.schedule.map { "; next review \($0.nextReviewOn.longDescription)" + ($0.nextReviewOn <= today ? " (due)" : "") } ?? "") + "."
    }
}

extension SensitivityClass {
    /// Classes whose absence is worth a line at the top of the record. Current
    /// activity shows inside the pathway's class, so it never needs one.
    var isShownAsRestricted: Bool { self != .currentActivity }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
