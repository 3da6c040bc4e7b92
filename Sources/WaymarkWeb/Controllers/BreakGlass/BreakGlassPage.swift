import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The break-the-glass form, and the confirmation after it.
struct BreakGlassPage: PageModel {
    static let template = "break-glass"

    /// What was opened, as the worker is told straight after.
    struct Confirmation: Sendable {
        let classes: String
        let until: String
        let adviserTold: String?
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let personID: Int64
    let personName: String
    let classes: [String]
    let canOpen: Bool
    let hours: Int
    let adviserToTell: String?
    let openUntil: String?
    let confirmation: Confirmation?
    let reason: String
    let reasonError: String?
    let hasProblems: Bool
    let minimumCharacters = BreakGlassReason.minimumCharacters
    let maximumCharacters = BreakGlassReason.maximumCharacters

    init(user: StoredUser, csrf: String, offer: BreakGlassOffer, opened: BreakGlassOpened?, now: Date, reason: String? = nil, problem: String? = nil) {
        title = "Break the glass – \(offer.personName)"
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        personID = offer.personID
        personName = offer.personName
        classes = offer.classes.map(\.label)
        canOpen = !offer.classes.isEmpty
        hours = offer.hours
        adviserToTell = offer.adviserToTell
        openUntil = opened == nil ? offer.openUntil.map { UKTime.describe(instant: $0, relativeTo: now) } : nil
        confirmation = opened.map {
            Confirmation(classes: $0.classes.map(\.label).joined(separator: ", "), until: UKTime.describe(instant: $0.until, relativeTo: now),
                         adviserTold: $0.adviserTold)
        }
        self.reason = reason ?? ""
        reasonError = problem
        hasProblems = problem != nil
    }
}
