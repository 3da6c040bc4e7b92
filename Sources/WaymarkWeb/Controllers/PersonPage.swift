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

    /// The casework around the record: who holds it, what is due, what the user may do.
    struct Work: Sendable {
        let placement: CaseloadPlacement
        let names: [Int64: String]
        let followUps: [OpenFollowUp]
        let appointments: [StoredAppointment]
        let canChange: Bool
        let canAssign: Bool
        let saved: String?
        /// Splits the appointments into upcoming and past.
        let now: Date
        /// Merges into this record that can still be undone.
        var merges: [Int64] = []
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

    init(
        user: StoredUser, csrf: String, person: PersonBundle, activities: [StoredActivity], contacts: [StoredContact],
        details: [StoredContactDetail], today: CalendarDate, classifier: ParticipationClassifier, registry: LocalAuthorityRegistry, work: Work
    ) {
        personID = person.id
        canChange = work.canChange
        canAssign = work.canAssign
        self.today = today.iso
        saved = work.saved.flatMap { Self.confirmations[$0] }
        merges = work.merges.map { "/merges/\($0)" }
        followUps = work.followUps.map {
            FollowUpEntry(id: $0.id, due: (try? CalendarDate(iso: $0.dueOn))?.longDescription ?? $0.dueOn, description: $0.description, overdue: $0.dueOn < today.iso)
        }
        hasFollowUps = !followUps.isEmpty
        appointments = AppointmentGroups(work.appointments, now: work.now, canChange: work.canChange)
        hasAppointments = !work.appointments.isEmpty
        name = [person.givenName, person.middleNames, person.familyName].compactMap { $0 }.joined(separator: " ")
        title = name
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        let need = person.need(on: today)
        let current = ActivityHistory.current(in: person.activities, on: today)
        if let dateOfBirth = person.dateOfBirth, let status = person.cohortStatus.flatMap({ try? CohortStatus.parse($0) }) {
            let facts = ParticipationFacts(dateOfBirth: dateOfBirth, cohortStatus: status, hasSEND: need?.hasSEND ?? false, currentActivity: current)
            state = Self.describe(classifier.classify(facts, on: today))
        } else {
            state = "Cannot be classified: the date of birth or cohort status is unreadable"
        }
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
        let lapse = current.map { classifier.currency.dueToLapseDate(for: $0) }
        position = [
            Fact(label: "Current activity", value: current.map { "\($0.code.rawValue) – \($0.code.meaning)" } ?? "Nothing recorded"),
            Fact(label: "Where", value: current?.establishmentName ?? "–"),
            Fact(label: "Currency", value: lapse.map { $0 < today ? "Lapsed on \($0.longDescription)" : "Current until \($0.longDescription)" } ?? "–"),
            Fact(label: "Responsible LA", value: la(person.responsibleLA)),
            Fact(label: "Educated in", value: la(person.educatedLA)),
            Fact(label: "School", value: person.schoolName ?? "–"),
        ]
        let characteristics = person.characteristics.filter { $0.isCurrent(on: today) }.map { "\($0.code.rawValue) – \($0.code.meaning)" }
        support = [
            Fact(label: "Personal adviser", value: work.placement.adviserID.map { work.names[$0] ?? "User \($0)" } ?? "None"),
            Fact(label: "Tier", value: work.placement.tier.flatMap(CaseloadTier.init(rawValue:))?.meaning ?? "–"),
            Fact(label: "Level of need", value: need.map { "\($0.levelOfNeed.rawValue) – \($0.levelOfNeed.meaning)" } ?? "Not assessed"),
            Fact(label: "SEND", value: need.map { $0.hasSEND ? "EHC plan" : $0.hasSENSupport ? "SEN support" : "None" } ?? "–"),
            Fact(label: "Characteristics", value: characteristics.isEmpty ? "None recorded" : characteristics.joined(separator: "; ")),
            Fact(label: "Intended destination", value: person.intendedDestination(on: today).map { "\($0.code.meaning) (recorded \($0.recordedOn.longDescription))" } ?? "–"),
            Fact(label: "September Guarantee", value: person.guarantees.isEmpty ? "–" : person.guarantees.map {
                "Year \($0.year.rawValue) \($0.academicYear): \($0.status.meaning)"
            }.joined(separator: "; ")),
        ]
        let ordered = activities.sorted { ($0.activity.startDate, $0.id) > ($1.activity.startDate, $1.id) }
        timeline = ordered.enumerated().map { index, stored in
            let next = index > 0 ? ordered[index - 1].activity.startDate : nil
            return TimelineEntry(
                dates: "\(stored.activity.startDate.longDescription) – " + (next.map { $0.adding(days: -1).longDescription } ?? "now"),
                activity: "\(stored.activity.code.rawValue) – \(stored.activity.code.meaning)",
                provider: stored.activity.establishmentName,
                provenance: "Recorded \(stored.recordedAt.prefix(10)) from \(stored.source)",
                current: stored.activity == current)
        }
        addresses = person.addresses.reversed().map { address in
            HistoryEntry(
                value: (address.lines + [address.town, address.postcode].compactMap { $0 }).joined(separator: ", "),
                period: "From \(address.validFrom.longDescription)" + (address.validTo.map { " to \($0.longDescription)" } ?? ""),
                current: address.validTo.map { $0 >= today } ?? true)
        }
        self.details = details.map { stored in
            HistoryEntry(
                value: "\(stored.detail.kind.rawValue): \(stored.detail.value)",
                period: "From \(stored.detail.validFrom.longDescription)" + (stored.detail.validTo.map { " to \($0.longDescription)" } ?? ""),
                current: stored.detail.validTo == nil)
        }
        self.contacts = contacts.map { contact in
            ContactEntry(
                when: UKTime.describe(contact.occurredAt),
                how: "\(contact.method), \(contact.direction)", outcome: contact.outcome, summary: contact.summary, nextStep: contact.nextStep,
                who: contact.recordedBy.flatMap { work.names[$0] } ?? "system", source: contact.source)
        }
        hasTimeline = !timeline.isEmpty
        hasContacts = !self.contacts.isEmpty
        unreadable = person.unreadable.map(\.description)
    }

    static let confirmations = [
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
}
