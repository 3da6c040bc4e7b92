import Foundation
import WaymarkCore

/// Where the pages live. Every redirect a controller sends is built here, so
/// a path and its query keys are written once and a typo is a compile error.
enum Paths {
    static let home = "/"
    static let signIn = "/sign-in"
    static let signOut = "/sign-out"
    static let password = "/account/password"
    static let passwordChanged = password + "?changed=1"
    static let figures = "/figures"
    static let activitySurvey = "/activity-survey"
    static let returns = "/returns"
    static let queues = "/queues"
    static let queueExport = "/queues/export"
    static let campaigns = "/campaigns"
    static let answers = "/answers"
    static let exceptions = "/exceptions"
    static let imports = "/imports"
    static let users = "/admin/users"
    static let apiClients = "/admin/api-clients"
    /// The API's reference page, made from its document.
    static let apiReference = "/api"
    static let breakGlassReview = "/data-protection/break-glass"
    static let portal = "/portal"
    static let portalStudentsList = "/portal/students"
    static let portalDestinations = "/portal/destinations"
    static let portalUpload = "/portal/upload"
    static let diary = "/diary"

    /// A diary page: whose (nil for the viewer's own), a day or a week, around which date.
    static func diary(adviser: Int64?, _ period: DiaryPeriod) -> String {
        let parts = [adviser.map { "adviser=\($0)" }, "view=\(period.span.rawValue)", "date=\(period.first.iso)"].compactMap { $0 }
        return diary + "?" + parts.joined(separator: "&")
    }

    static func portal(year: Int?, attentionOnly: Bool, page: Int = 1) -> String {
        let parts = [year.map { "year=\($0)" }, attentionOnly ? "show=attention" : nil, page > 1 ? "page=\(page)" : nil].compactMap { $0 }
        return portal + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }

    static func portalDestinations(year: Int, format: String? = nil) -> String {
        "\(portalDestinations)?year=\(year)" + (format.map { "&format=\($0)" } ?? "")
    }

    static func portalPupil(_ id: Int64, saved: String? = nil) -> String {
        "/portal/people/\(id)" + (saved.map { "?saved=\($0)" } ?? "")
    }

    static func portalStudents(page: Int = 1, left: Int64? = nil) -> String {
        "/portal/students" + (page > 1 ? "?page=\(page)" : "") + (left.map { "\(page > 1 ? "&" : "?")left=\($0)" } ?? "")
    }

    /// A page of search results; the controller reads "+" as a space, so spaces are sent as %20.
    static func search(query: String, page: Int = 1) -> String {
        "/search?q=\(query.addingPercentEncodingForQuery)" + (page > 1 ? "&page=\(page)" : "")
    }

    static func person(_ id: Int64, saved: SavedNotice? = nil, anchor: String? = nil) -> String {
        "/people/\(id)" + (saved.map { "?saved=\($0.rawValue)" } ?? "") + (anchor.map { "#\($0)" } ?? "")
    }

    /// The break-the-glass form of a record, or its confirmation of the access just granted.
    static func breakGlass(_ id: Int64, opened access: Int64? = nil) -> String {
        "/people/\(id)/break-glass" + (access.map { "?opened=\($0)" } ?? "")
    }

    static func accessLog(_ id: Int64) -> String { "/people/\(id)/access-log" }

    static let referrals = "/referrals"

    static func referral(_ id: Int64, saved: String? = nil) -> String {
        "/referrals/\(id)" + (saved.map { "?saved=\($0)" } ?? "")
    }

    static func knownTo(_ person: Int64, saved: String? = nil) -> String {
        "/people/\(person)/known-to" + (saved.map { "?saved=\($0)" } ?? "")
    }

    static func consent(_ id: Int64, saved: String? = nil) -> String {
        "/people/\(id)/consent" + (saved.map { "?saved=\($0)" } ?? "")
    }

    static let dataFlows = "/data-protection/flows"
    static let retention = "/data-protection/retention"
    static let riskSettings = "/risk/settings"
    static let riskBackTest = "/risk/back-test"
    static let riskTransparency = "/risk/transparency"
    static let riskSchools = "/risk/schools"
    static func riskSchool(_ id: Int64) -> String { "/risk/schools/\(id)" }
    static let portalRisk = "/portal/risk"

    static func subjectAccess(_ id: Int64) -> String { "/people/\(id)/subject-access" }

    static func dataFlow(_ key: String, saved: Bool = false) -> String {
        "/data-protection/flows/\(key)" + (saved ? "?saved=1" : "")
    }

    static func details(_ id: Int64) -> String { "/people/\(id)/details" }

    static let newPerson = "/people/new"

    /// A record's parents, carers and professionals.
    static let distanceTravelled = "/distance-travelled"

    static func assessments(_ id: Int64) -> String { "/people/\(id)/assessments" }

    static func plan(_ id: Int64) -> String { "/people/\(id)/plan" }

    static func personContacts(_ id: Int64, saved: SavedNotice? = nil) -> String {
        "/people/\(id)/family-and-professionals" + (saved.map { "?saved=\($0.rawValue)" } ?? "")
    }

    static func details(_ id: Int64, saved: SavedNotice) -> String {
        "/people/\(id)/details?saved=\(saved.rawValue)"
    }

    static func campaign(_ id: Int64, sent: Int? = nil) -> String {
        "/campaigns/\(id)" + (sent.map { "?sent=\($0)" } ?? "")
    }

    static func campaignMember(campaign: Int64, member: Int64) -> String {
        "/campaigns/\(campaign)#member-\(member)"
    }

    static func answers(verified id: Int64) -> String { "\(answers)?verified=\(id)" }
    static func answers(rejected id: Int64) -> String { "\(answers)?rejected=\(id)" }

    static func merge(_ id: Int64, undone: Bool = false) -> String {
        "/merges/\(id)" + (undone ? "?undone=1" : "")
    }

    /// The upload page with what the upload did, so a repeat of the form is shown the first result.
    static func portalUpload(rows: Int, updated: Int, unchanged: Int, created: Int, excepted: Int) -> String {
        "/portal/upload?rows=\(rows)&updated=\(updated)&unchanged=\(unchanged)&created=\(created)&excepted=\(excepted)"
    }

    static func imports(batch: Int64?, again: Bool = false) -> String {
        imports + (batch.map { "?batch=\($0)" + (again ? "&again=1" : "") } ?? "")
    }

    /// A CSV holding only the header row of a kind's template (its raw value).
    static func importTemplate(_ kind: String) -> String { "/imports/templates/\(kind).csv" }

    static func users(added id: Int64) -> String { "\(users)?added=\(id)" }
    static func users(updated id: Int64) -> String { "\(users)?updated=\(id)" }

    static func returns(periodEnd: CalendarDate) -> String { "/returns?period-end=\(periodEnd.iso)" }
    /// A period end as typed, for a page that will say what is wrong with it.
    static func returns(periodEndAsTyped text: String) -> String { "/returns?period-end=\(text.addingPercentEncodingForQuery)" }

    static func figures(monthEnd: CalendarDate) -> String { "/figures?month=\(monthEnd.iso.prefix(7))" }
    static func activitySurvey(year: Int, school: String?) -> String {
        "\(activitySurvey)?year=\(year)" + (school.map { "&school=\($0.addingPercentEncodingForQuery)" } ?? "")
    }

    /// Back to the queue the assignment was made from, saying how many were assigned.
    static func queue(_ back: String?, assigned: Int) -> String {
        queue(back, adding: "assigned=\(assigned)")
    }

    /// Back to the queue the person was on, with the problem its assign form had.
    static func queue(_ back: String?, problem: QueueAssignProblem) -> String {
        queue(back, adding: "assign-problem=\(problem.rawValue)")
    }

    private static func queue(_ back: String?, adding parameter: String) -> String {
        let back = back.flatMap { $0.hasPrefix(queues) ? $0 : nil } ?? queues
        // A repeated problem or count replaces the last one rather than piling up.
        var kept = URLComponents(string: back) ?? URLComponents()
        kept.queryItems = (kept.queryItems ?? []).filter { $0.name != "assigned" && $0.name != "assign-problem" && $0.name != "select" }
        let base = kept.queryItems?.isEmpty == false ? (kept.string ?? queues) : (kept.path.isEmpty ? queues : kept.path)
        return base + (base.contains("?") ? "&" : "?") + parameter
    }
}

/// What a record page confirms after a save (`?saved=`): the key is the raw value.
enum SavedNotice: String, CaseIterable, Sendable {
    case contact, activity, caseload
    case followUp = "follow-up"
    case followUpDone = "follow-up-done"
    case appointment
    case appointmentBooked = "appointment-booked"
    case address
    case contactDetail = "contact-detail"
    case characteristic
    case characteristicEnded = "characteristic-ended"
    case preferences
    case personAdded = "person-added"
    case corrected
    case personContact = "person-contact"
    case personContactChanged = "person-contact-changed"
    case personContactEnded = "person-contact-ended"

    /// The details page's confirmations; the record page keeps its own for the rest.
    var detailsConfirmation: String? {
        switch self {
        case .address: "Address saved; the old one is kept in the history."
        case .contactDetail: "Saved; the old one is kept in the history."
        case .characteristic: "Characteristic added."
        case .characteristicEnded: "Characteristic ended."
        case .preferences: "Contact preferences saved."
        case .corrected: "Corrected. The old value and the reason are kept in the correction history below."
        default: nil
        }
    }
}
