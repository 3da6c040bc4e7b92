import Foundation
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Gives the demo's personal advisers a working week: caseloads in three
/// tiers, recent and stale contacts, follow-ups falling due, appointments kept
/// and missed, and a few young people newly added. Deterministic, so tests
/// and screenshots see the same picture.
struct DemoCaseloads: Sendable {
    let store: Store
    static let perAdviser = 60

    func seed(adviserIDs: [Int64], responsibleLA: String, now: Date) async throws {
        let people = try await CaseloadCandidates(store: store).pick(adviserIDs.count * Self.perAdviser, responsibleLA: responsibleLA)
        let today = CalendarDate.today(from: now)
        // Each adviser's casework is recorded as theirs (source still says demo), so team figures add up.
        for (slot, adviser) in adviserIDs.enumerated() {
            // Patterns below use the position within the adviser's own list, so every adviser gets the same mix.
            let mine = Array(people.enumerated().filter { $0.offset % adviserIDs.count == slot }.map(\.element).enumerated())
            let actor = Actor(userID: adviser, source: "demo-generator", label: "system:demo-generator")
            try await store.change(by: actor, at: now) { tx in
                for (index, personID) in mine {
                    let tier: CaseloadTier = index % 5 == 0 ? .intensive : (index % 3 == 0 ? .universal : .targeted)
                    try await tx.assignCaseload(of: personID, adviserID: adviser, tier: tier, since: today.adding(days: -(index % 90)))
                    let daysSinceContact = (index * 7) % 45
                    if index % 6 != 5 {
                        try await tx.recordContact(
                            NewContact(
                                occurredAt: now.addingTimeInterval(-Double(daysSinceContact) * 86_400), method: Self.methods[index % Self.methods.count],
                                direction: .outbound, outcome: index % 4 == 0 ? "No answer" : "Spoke to young person",
                                summary: index % 4 == 0 ? nil : "Talked through options", nextStep: index % 3 == 0 ? "Send college open-day dates" : nil),
                            for: personID)
                    }
                    if index % 4 == 0 {
                        try await tx.addFollowUp(
                            NewFollowUp(dueOn: today.adding(days: (index % 11) - 4), description: Self.followUps[index % Self.followUps.count], assignedUserID: adviser),
                            for: personID)
                    }
                    if index % 7 == 0 {
                        let past = index % 14 == 0
                        try await tx.bookAppointment(
                            NewAppointment(
                                startsAt: Self.appointmentTime(today, daysAway: past ? -(1 + index % 5) : 1 + index % 6, slot: index / 7) ?? now, place: "Youth hub, Northmere", userID: adviser,
                                status: past ? .missed : .booked),
                            for: personID)
                    }
                }
            }
        }
    }

    /// A weekday appointment `daysAway` from today (a weekend moves to the
    /// Friday before or the Monday after), in half-hour slots from 9:30, UK time.
    static func appointmentTime(_ today: CalendarDate, daysAway: Int, slot: Int) -> Date? {
        var day = today.adding(days: daysAway)
        while day.weekdayFromMonday >= 5 { day = day.adding(days: daysAway < 0 ? -1 : 1) }
        let minutes = 9 * 60 + 30 + (slot % 13) * 30
        return UKClock.calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: minutes / 60, minute: minutes % 60))
    }

    static let methods: [NewContact.Method] = [.phone, .faceToFace, .sms, .email]
    static let followUps = ["Check college application went in", "Call about apprenticeship interview", "Chase CV feedback", "Review action plan"]
}
