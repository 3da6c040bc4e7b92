import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkAPI
@testable import WaymarkWeb

/// Every route the router has, tried as every role and signed out. The
/// expected table is written out by hand, not derived from ``AccessPolicy``,
/// so a change to the policy that nobody meant shows up here; and it is
/// checked against the router's own list of routes, so a route added
/// without an entry for every role fails.
@Suite struct PermissionMatrixTests {
    /// What a request came to: `yes` the page or its action, `no` a 403,
    /// `hidden` the same 404 as an unknown id, `signIn` a redirect to sign in.
    enum Outcome: String, Equatable, Sendable {
        case yes = "allowed", no = "denied", hidden = "not found", signIn = "sign in"
        /// The API: a session is no way in, only a client's bearer token (401); WaymarkAPITests tries the tokens.
        case bearer = "client token needed"
        /// The API: a method its document does not give for the path (405).
        case notAllowed = "method not allowed"
    }

    /// The outcome for every role and for a visitor who is signed out. No
    /// defaults: an entry names them all, and a new role will not compile
    /// until every entry says what it may do.
    struct Expected: Sendable {
        let a, d, t, p, m, c: Outcome
        /// A partner service's worker (the youth justice service's, in the fixture).
        let w: Outcome
        /// Signed out.
        let out: Outcome

        // swiftlint:disable:next identifier_name
        init(a: Outcome, d: Outcome, t: Outcome, p: Outcome, m: Outcome, c: Outcome, w: Outcome, out: Outcome) {
            (self.a, self.d, self.t, self.p, self.m, self.c, self.w, self.out) = (a, d, t, p, m, c, w, out)
        }

        subscript(role: Role) -> Outcome {
            switch role {
            case .administrator: a
            case .dataManager: d
            case .trackingOfficer: t
            case .personalAdviser: p
            case .manager: m
            case .careersLeader: c
            case .partnerWorker: w
            }
        }
    }

    /// What a route that shows personal data must leave in the audit trail.
    enum Audit: Sendable {
        /// A `view` event on this entity (and, if given, with this in its detail) by the user who asked.
        case view(entity: String, detailContains: String? = nil)
        /// The route shows no young person's data, or records a change (audited by its own transaction).
        case none
    }

    /// One request to make on a route.
    struct Case: Sendable {
        let path: @Sendable (AccessFixture) -> String
        let expected: Expected
        var fields: [String: String] = [:]
        /// The permission the route group declares; roles without it must be refused.
        var permission: Permission?
        var audit: Audit = .none
        /// Signing out ends the session: it gets one of its own.
        var freshSession = false
    }

    // The usual rows, each still naming every role.
    static let signedInOnly = Expected(a: .yes, d: .yes, t: .yes, p: .yes, m: .yes, c: .yes, w: .yes, out: .signIn)
    static let anyone = Expected(a: .yes, d: .yes, t: .yes, p: .yes, m: .yes, c: .yes, w: .yes, out: .yes)
    static let adminOnly = Expected(a: .yes, d: .no, t: .no, p: .no, m: .no, c: .no, w: .no, out: .signIn)
    static let dataManagerOnly = Expected(a: .no, d: .yes, t: .no, p: .no, m: .no, c: .no, w: .no, out: .signIn)
    static let figureReaders = Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .yes, c: .no, w: .no, out: .signIn)
    static let laReaders = Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .yes, c: .no, w: .no, out: .signIn)
    static let allReaders = Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .yes, c: .yes, w: .no, out: .signIn)
    /// A school's or college's own users: the portal.
    static let portalUsers = Expected(a: .no, d: .no, t: .no, p: .no, m: .no, c: .yes, w: .no, out: .signIn)
    /// Who sees every school's risk-of-NEET list: the LA's data managers, tracking officers and managers.
    static let riskListReaders = Expected(a: .no, d: .yes, t: .yes, p: .no, m: .yes, c: .no, w: .no, out: .signIn)
    /// Who may change the record of a young person on the adviser's caseload.
    static let changers = Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .no, c: .no, w: .no, out: .signIn)
    /// The same, for an unknown item on that record.
    static let changersUnknownItem = Expected(a: .no, d: .hidden, t: .hidden, p: .hidden, m: .no, c: .no, w: .no, out: .signIn)
    /// Who keeps consent: the LA staff who work with young people, not managers (who record no casework) nor schools.
    static let consentKeepers = Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .no, c: .no, w: .no, out: .signIn)
    static let assigners = Expected(a: .no, d: .yes, t: .no, p: .no, m: .yes, c: .no, w: .no, out: .signIn)
    /// Who sees the tracking queues, campaigns and answers.
    static let queueReaders = Expected(a: .no, d: .yes, t: .yes, p: .no, m: .yes, c: .no, w: .no, out: .signIn)
    static let queueReadersUnknown = Expected(a: .no, d: .hidden, t: .hidden, p: .no, m: .hidden, c: .no, w: .no, out: .signIn)
    /// Who records tracking work: verifying answers, outcomes, letters, campaigns.
    static let trackers = Expected(a: .no, d: .yes, t: .yes, p: .no, m: .no, c: .no, w: .no, out: .signIn)
    static let trackersUnknown = Expected(a: .no, d: .hidden, t: .hidden, p: .no, m: .no, c: .no, w: .no, out: .signIn)
    /// Who adds young people by hand: the LA's staff who work with them, not managers, schools or administrators.
    static let adders = Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .no, c: .no, w: .no, out: .signIn)
    /// Who sees parents, carers and professionals: those who see contact details (not managers, not schools).
    static let contactReaders = Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .no, c: .no, w: .no, out: .signIn)
    /// Who reads assessments and plans: those who see casework notes (advisers and managers; not tracking, data managers or schools).
    static let caseworkReaders = Expected(a: .no, d: .no, t: .no, p: .yes, m: .yes, c: .no, w: .no, out: .signIn)
    static let caseworkReadersUnknownItem = Expected(a: .no, d: .no, t: .no, p: .hidden, m: .hidden, c: .no, w: .no, out: .signIn)
    /// Who changes them: the adviser whose caseload it is (managers record no casework).
    static let caseworkChangers = Expected(a: .no, d: .no, t: .no, p: .yes, m: .no, c: .no, w: .no, out: .signIn)
    static let caseworkChangersUnknownItem = Expected(a: .no, d: .no, t: .no, p: .hidden, m: .no, c: .no, w: .no, out: .signIn)
    /// Who refers young people to partner services: the LA's advisers, tracking officers and data managers.
    static let referrers = Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .no, c: .no, w: .no, out: .signIn)
    /// Who works referrals: those who refer, and the partner services' workers.
    static let referralWorkers = Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .no, c: .no, w: .yes, out: .signIn)
    static let referralWorkersUnknown = Expected(a: .no, d: .hidden, t: .hidden, p: .hidden, m: .no, c: .no, w: .hidden, out: .signIn)
    /// Who asks the regional index whether another authority knows a young person.
    static let elsewhereLookers = Expected(a: .no, d: .yes, t: .yes, p: .no, m: .no, c: .no, w: .no, out: .signIn)
    /// Who resolves matches: imports, exceptions, merges.
    static let matchers = trackers
    static let matchersUnknown = trackersUnknown

    static func at(_ path: String) -> @Sendable (AccessFixture) -> String { { _ in path } }

    /// Every route, keyed as the router lists it: "METHOD /path/{parameter}".
    /// The pages' routes and the API's, one table.
    static let table: [String: [Case]] = pages.merging(api) { page, _ in page }

    /// The API's operations answer a session with 401 (they take a client's bearer token); a
    /// method the document does not give, 405. Who may do what with which token is tried in
    /// WaymarkAPITests; here, that no session of any role is a way in.
    static let api: [String: [Case]] = {
        let bearerOnly = Expected(a: .bearer, d: .bearer, t: .bearer, p: .bearer, m: .bearer, c: .bearer, w: .bearer, out: .bearer)
        let notAllowed = Expected(a: .notAllowed, d: .notAllowed, t: .notAllowed, p: .notAllowed, m: .notAllowed, c: .notAllowed, w: .notAllowed, out: .notAllowed)
        var table: [String: [Case]] = [:]
        for (path, documented) in MethodNotAllowed.documentedMethods() {
            let route = APIDocument.basePath + path
            let concrete = route.replacingOccurrences(of: #"\{[A-Za-z]+\}"#, with: "1", options: .regularExpression)
            for method in documented {
                table["\(method) \(route)"] = [Case(path: at(concrete), expected: bearerOnly)]
            }
            for method in MethodNotAllowed.refused(allowed: documented) {
                table["\(method) \(route)"] = [Case(path: at(concrete), expected: notAllowed)]
            }
        }
        return table
    }()

    static let pages: [String: [Case]] = [
        // The API's document and its reference page: public, like the API's description of itself.
        "GET /openapi.yaml": [Case(path: at("/openapi.yaml"), expected: anyone)],
        "GET /api": [Case(path: at("/api"), expected: anyone)],
        "GET /admin/api-clients": [Case(path: at("/admin/api-clients"), expected: adminOnly, permission: .manageUsers)],
        "POST /admin/api-clients": [Case(path: at("/admin/api-clients"), expected: adminOnly.posted, fields: ["name": "x"], permission: .manageUsers)],
        "POST /admin/api-clients/{client}/revoke": [Case(path: at("/admin/api-clients/999/revoke"),
                                                         expected: Expected(a: .hidden, d: .no, t: .no, p: .no, m: .no, c: .no, w: .no, out: .no), permission: .manageUsers)],
        // The edge: no session needed.
        "GET /health": [Case(path: at("/health"), expected: anyone)],
        "GET /metrics": [Case(path: at("/metrics"), expected: anyone)],
        "POST /webhooks/sms/delivery": [Case(path: at("/webhooks/sms/delivery"),
                                             expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .hidden))],
        "POST /webhooks/sms/inbound": [Case(path: at("/webhooks/sms/inbound"),
                                            expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .hidden))],
        "GET /s/{token}": [Case(path: at("/s/not-a-link"),
                                expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .hidden))],
        "POST /s/{token}": [Case(path: at("/s/not-a-link"),
                                 expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .no))],
        "GET /s/{token}/you": [Case(path: at("/s/not-a-link/you"),
                                    expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .hidden))],
        "POST /s/{token}/you": [Case(path: at("/s/not-a-link/you"),
                                     expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .no))],
        "POST /s/{token}/choices": [Case(path: at("/s/not-a-link/choices"),
                                         expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .no))],
        "POST /s/{token}/own-view": [Case(path: at("/s/not-a-link/own-view"),
                                          expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .no))],
        // A letter's short code: typed, or scanned as a link. A link with no code in it is not found, whoever asks.
        "GET /code": [Case(path: at("/code"), expected: anyone)],
        "POST /code": [Case(path: at("/code"), expected: Expected(a: .yes, d: .yes, t: .yes, p: .yes, m: .yes, c: .yes, w: .yes, out: .no))],
        // (A code-shaped guess would meet the throttle after five roles; this one is never looked up.)
        "GET /c/{code}": [Case(path: at("/c/not-a-code"),
                               expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .hidden))],
        // A new user's invitation: the link is the only key.
        "GET /invitation/{token}": [Case(path: at("/invitation/not-a-link"),
                                         expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .hidden))],
        "POST /invitation/{token}": [Case(path: at("/invitation/not-a-link"),
                                          expected: Expected(a: .hidden, d: .hidden, t: .hidden, p: .hidden, m: .hidden, c: .hidden, w: .hidden, out: .no))],
        "GET /sign-in": [Case(path: at("/sign-in"), expected: anyone)],
        "POST /sign-in": [Case(path: at("/sign-in"), expected: Expected(a: .yes, d: .yes, t: .yes, p: .yes, m: .yes, c: .yes, w: .yes, out: .no))],
        "POST /sign-out": [Case(path: at("/sign-out"), expected: Expected(a: .signIn, d: .signIn, t: .signIn, p: .signIn, m: .signIn, c: .signIn, w: .signIn, out: .no),
                                freshSession: true)],
        // Every signed-in user.
        "GET /": [
            Case(path: at("/"), expected: signedInOnly),
            // The manager's team table as a download: counts per adviser, no young person, so no view to audit.
            Case(path: at("/?format=csv"), expected: Expected(a: .no, d: .no, t: .no, p: .no, m: .yes, c: .no, w: .no, out: .signIn)),
        ],
        "GET /account/password": [Case(path: at("/account/password"), expected: signedInOnly)],
        "POST /account/password": [Case(path: at("/account/password"), expected: Expected(a: .yes, d: .yes, t: .yes, p: .yes, m: .yes, c: .yes, w: .yes, out: .no),
                                        fields: ["current": ""])],
        // Accounts.
        "GET /admin/users": [Case(path: at("/admin/users"), expected: adminOnly, permission: .manageUsers)],
        "POST /admin/users": [Case(path: at("/admin/users"), expected: adminOnly.posted, fields: ["email": "x"], permission: .manageUsers)],
        "POST /admin/users/{user}": [Case(path: { "/admin/users/\($0.users[.personalAdviser]!)" }, expected: adminOnly.posted, fields: ["status": "active"],
                                          permission: .manageUsers)],
        "POST /admin/users/{user}/password": [Case(path: at("/admin/users/999/password"),
                                                   expected: Expected(a: .hidden, d: .no, t: .no, p: .no, m: .no, c: .no, w: .no, out: .no), permission: .manageUsers)],
        "POST /admin/users/{user}/invitation": [Case(path: at("/admin/users/999/invitation"),
                                                     expected: Expected(a: .hidden, d: .no, t: .no, p: .no, m: .no, c: .no, w: .no, out: .no), permission: .manageUsers)],
        // Figures and returns.
        "GET /figures": [Case(path: at("/figures"), expected: figureReaders, permission: .figures)],
        "POST /figures": [Case(path: at("/figures"), expected: figureReaders.posted, permission: .figures)],
        // The survey: every LA role that reads figures, and a careers leader for their own school's line.
        "GET /activity-survey": [
            Case(path: at("/activity-survey"), expected: allReaders, permission: .activitySurvey),
            // The named list is for LA staff: a careers leader asking for it is refused.
            Case(path: at("/activity-survey?school=Millbrook%20Park%20School"), expected: figureReaders,
                 permission: .activitySurvey,
                 audit: .view(entity: "activity_survey_named_list", detailContains: "school=Millbrook Park School")),
            // Its downloads: the schools' counts for every reader (not audited), the named list as the page's.
            Case(path: at("/activity-survey?format=xlsx"), expected: allReaders, permission: .activitySurvey),
            Case(path: at("/activity-survey?school=Millbrook%20Park%20School&format=csv"), expected: figureReaders, permission: .activitySurvey,
                 audit: .view(entity: "activity_survey_named_list", detailContains: "export; format=csv; year=")),
        ],
        "GET /returns": [Case(path: at("/returns"), expected: dataManagerOnly, permission: .statutoryReturns)],
        "POST /returns": [Case(path: at("/returns"), expected: dataManagerOnly.posted, fields: ["period-end": "1999-02-30"], permission: .statutoryReturns)],
        "POST /returns/check": [Case(path: at("/returns/check"), expected: dataManagerOnly.posted, fields: ["period-end": "x"], permission: .statutoryReturns)],
        "GET /returns/{id}/download": [Case(path: at("/returns/999/download"),
                                            expected: Expected(a: .no, d: .hidden, t: .no, p: .no, m: .no, c: .no, w: .no, out: .signIn), permission: .statutoryReturns)],
        // Reading records.
        "GET /people/{id}": [
            Case(path: { "/people/\($0.onCaseload)" }, expected: allReaders, permission: .readRecords, audit: .view(entity: "young_person")),
            Case(path: { "/people/\($0.elsewhere)" }, expected: Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .yes, c: .hidden, w: .no, out: .signIn),
                 permission: .readRecords, audit: .view(entity: "young_person")),
        ],
        "GET /search": [Case(path: at("/search?q=okafor"), expected: allReaders, permission: .readRecords, audit: .view(entity: "search"))],
        "GET /my-work/{list}": [
            Case(path: at("/my-work/new"), expected: Expected(a: .no, d: .no, t: .no, p: .yes, m: .no, c: .no, w: .no, out: .signIn),
                 permission: .changeOwnCaseload, audit: .view(entity: "caseload_list", detailContains: "list=new")),
            Case(path: at("/my-work/tier-2?format=xlsx"), expected: Expected(a: .no, d: .no, t: .no, p: .yes, m: .no, c: .no, w: .no, out: .signIn),
                 permission: .changeOwnCaseload, audit: .view(entity: "caseload_list", detailContains: "export; format=xlsx; my work; list=tier-2")),
        ],
        "GET /team/{adviser}": [
            Case(path: { "/team/\($0.users[.personalAdviser]!)" }, expected: Expected(a: .no, d: .no, t: .no, p: .no, m: .yes, c: .no, w: .no, out: .signIn),
                 permission: .teamOverview, audit: .view(entity: "caseload_list", detailContains: "list=caseload")),
            Case(path: { "/team/\($0.users[.personalAdviser]!)?format=csv" }, expected: Expected(a: .no, d: .no, t: .no, p: .no, m: .yes, c: .no, w: .no, out: .signIn),
                 permission: .teamOverview, audit: .view(entity: "caseload_list", detailContains: "export; format=csv; team")),
        ],
        // The route needs readRecords; the desk opens diaries only to advisers (their own) and managers (their team's).
        "GET /diary": [
            Case(path: at("/diary"), expected: Expected(a: .no, d: .no, t: .no, p: .yes, m: .yes, c: .no, w: .no, out: .signIn),
                 permission: .readRecords, audit: .view(entity: "diary")),
            Case(path: at("/diary?format=xlsx"), expected: Expected(a: .no, d: .no, t: .no, p: .yes, m: .yes, c: .no, w: .no, out: .signIn),
                 permission: .readRecords, audit: .view(entity: "diary", detailContains: "export; format=xlsx; diary")),
        ],
        // Changing records: the route needs readRecords; the record decides the rest.
        "GET /people/{id}/contacts/new": [Case(path: { "/people/\($0.onCaseload)/contacts/new" }, expected: changers, permission: .readRecords,
                                               audit: .view(entity: "young_person", detailContains: "form=contact"))],
        "POST /people/{id}/contacts": [
            Case(path: { "/people/\($0.onCaseload)/contacts" }, expected: changers.posted, permission: .readRecords),
            Case(path: { "/people/\($0.elsewhere)/contacts" }, expected: Expected(a: .no, d: .yes, t: .yes, p: .no, m: .no, c: .hidden, w: .no, out: .no),
                 permission: .readRecords),
        ],
        "GET /people/{id}/activity/new": [Case(path: { "/people/\($0.onCaseload)/activity/new" }, expected: changers, permission: .readRecords,
                                               audit: .view(entity: "young_person", detailContains: "form=activity"))],
        "POST /people/{id}/activity": [Case(path: { "/people/\($0.onCaseload)/activity" }, expected: changers.posted, permission: .readRecords)],
        "GET /people/{id}/details": [Case(path: { "/people/\($0.onCaseload)/details" }, expected: changers, permission: .readRecords,
                                          audit: .view(entity: "young_person", detailContains: "details"))],
        "POST /people/{id}/addresses": [Case(path: { "/people/\($0.onCaseload)/addresses" }, expected: changers.posted, permission: .readRecords)],
        "POST /people/{id}/contact-details": [Case(path: { "/people/\($0.onCaseload)/contact-details" }, expected: changers.posted, permission: .readRecords)],
        "POST /people/{id}/characteristics": [Case(path: { "/people/\($0.onCaseload)/characteristics" }, expected: changers.posted, permission: .readRecords)],
        "POST /people/{id}/characteristics/{item}/end": [Case(path: { "/people/\($0.onCaseload)/characteristics/999/end" }, expected: changersUnknownItem.posted,
                                                              permission: .readRecords)],
        "POST /people/{id}/preferences": [Case(path: { "/people/\($0.onCaseload)/preferences" }, expected: changers.posted, permission: .readRecords)],
        "POST /people/{id}/corrections": [Case(path: { "/people/\($0.onCaseload)/corrections" }, expected: changers.posted, permission: .readRecords)],
        // Adding a young person by hand.
        "GET /people/new": [Case(path: at("/people/new"), expected: adders, permission: .addPeople)],
        "POST /people/new": [Case(path: at("/people/new"), expected: adders.posted, fields: ["given-name": ""], permission: .addPeople)],
        // Parents, carers and professionals: read by those who see contact details, changed by those who change the record.
        "GET /people/{id}/family-and-professionals": [
            Case(path: { "/people/\($0.onCaseload)/family-and-professionals" }, expected: contactReaders, permission: .readRecords,
                 audit: .view(entity: "person_contact", detailContains: "contacts")),
            Case(path: { "/people/\($0.elsewhere)/family-and-professionals" }, expected: Expected(a: .no, d: .yes, t: .yes, p: .yes, m: .no, c: .hidden, w: .no, out: .signIn),
                 permission: .readRecords),
        ],
        "POST /people/{id}/family-and-professionals": [Case(path: { "/people/\($0.onCaseload)/family-and-professionals" }, expected: changers.posted,
                                                            permission: .readRecords)],
        "GET /people/{id}/family-and-professionals/{contact}/edit": [Case(path: { "/people/\($0.onCaseload)/family-and-professionals/999/edit" },
                                                                          expected: changersUnknownItem, permission: .readRecords)],
        "POST /people/{id}/family-and-professionals/{contact}": [Case(path: { "/people/\($0.onCaseload)/family-and-professionals/999" },
                                                                      expected: changersUnknownItem.posted, permission: .readRecords)],
        "POST /people/{id}/family-and-professionals/{contact}/end": [Case(path: { "/people/\($0.onCaseload)/family-and-professionals/999/end" },
                                                                          expected: changersUnknownItem.posted, permission: .readRecords)],
        // Assessments and action plans are casework: read by those who see notes (advisers, managers), changed by the record's adviser.
        "GET /people/{id}/assessments": [Case(path: { "/people/\($0.onCaseload)/assessments" }, expected: caseworkReaders, permission: .readRecords,
                                              audit: .view(entity: "assessment", detailContains: "assessments"))],
        "POST /people/{id}/assessments": [Case(path: { "/people/\($0.onCaseload)/assessments" }, expected: caseworkChangers.posted,
                                               fields: ["instrument": "needs-assessment"], permission: .readRecords)],
        "GET /people/{id}/assessments/{assessment}": [Case(path: { "/people/\($0.onCaseload)/assessments/999" }, expected: caseworkReadersUnknownItem,
                                                           permission: .readRecords)],
        "POST /people/{id}/assessments/{assessment}": [Case(path: { "/people/\($0.onCaseload)/assessments/999" }, expected: caseworkChangersUnknownItem.posted,
                                                            fields: ["action": "save"], permission: .readRecords)],
        "GET /people/{id}/plan": [Case(path: { "/people/\($0.onCaseload)/plan" }, expected: caseworkReaders, permission: .readRecords,
                                       audit: .view(entity: "action_plan", detailContains: "action plan"))],
        "POST /people/{id}/plan/schedule": [Case(path: { "/people/\($0.onCaseload)/plan/schedule" }, expected: caseworkChangers.posted,
                                                 fields: ["interval": "12"], permission: .readRecords)],
        "POST /people/{id}/plan/review": [Case(path: { "/people/\($0.onCaseload)/plan/review" }, expected: caseworkChangers.posted, permission: .readRecords)],
        "POST /people/{id}/plan/goals": [Case(path: { "/people/\($0.onCaseload)/plan/goals" }, expected: caseworkChangers.posted,
                                              fields: ["title": "Start college", "need-text": "No place"], permission: .readRecords)],
        "POST /people/{id}/plan/steps": [Case(path: { "/people/\($0.onCaseload)/plan/steps" }, expected: caseworkChangers.posted,
                                              fields: ["description": "Visit"], permission: .readRecords)],
        "POST /people/{id}/plan/steps/{step}": [Case(path: { "/people/\($0.onCaseload)/plan/steps/999" }, expected: caseworkChangersUnknownItem.posted,
                                                     fields: ["status": "done"], permission: .readRecords)],
        "POST /people/{id}/plan/steps/{step}/follow-up": [Case(path: { "/people/\($0.onCaseload)/plan/steps/999/follow-up" },
                                                               expected: caseworkChangersUnknownItem.posted, permission: .readRecords)],
        // Distance travelled: counts for the manager's team, no young person named, so no view to audit.
        "GET /distance-travelled": [
            Case(path: at("/distance-travelled"), expected: Expected(a: .no, d: .no, t: .no, p: .no, m: .yes, c: .no, w: .no, out: .signIn), permission: .teamOverview),
            Case(path: at("/distance-travelled?format=csv"), expected: Expected(a: .no, d: .no, t: .no, p: .no, m: .yes, c: .no, w: .no, out: .signIn),
                 permission: .teamOverview),
        ],
        "GET /people/{id}/follow-ups/new": [Case(path: { "/people/\($0.onCaseload)/follow-ups/new" }, expected: changers, permission: .readRecords,
                                                 audit: .view(entity: "young_person", detailContains: "form=follow-up"))],
        "POST /people/{id}/follow-ups": [Case(path: { "/people/\($0.onCaseload)/follow-ups" }, expected: changers.posted, permission: .readRecords)],
        "POST /people/{id}/follow-ups/{item}/done": [Case(path: { "/people/\($0.onCaseload)/follow-ups/999/done" }, expected: changersUnknownItem.posted,
                                                          permission: .readRecords)],
        "GET /people/{id}/appointments/new": [Case(path: { "/people/\($0.onCaseload)/appointments/new" }, expected: changers, permission: .readRecords,
                                                   audit: .view(entity: "young_person", detailContains: "form=appointment"))],
        "POST /people/{id}/appointments": [Case(path: { "/people/\($0.onCaseload)/appointments" }, expected: changers.posted, permission: .readRecords)],
        "POST /people/{id}/appointments/{item}": [Case(path: { "/people/\($0.onCaseload)/appointments/999" }, expected: changers.posted,
                                                       permission: .readRecords)],
        "GET /people/{id}/caseload": [Case(path: { "/people/\($0.elsewhere)/caseload" }, expected: assigners, permission: .assignCaseload,
                                           audit: .view(entity: "young_person", detailContains: "form=caseload"))],
        "POST /people/{id}/caseload": [Case(path: { "/people/\($0.onCaseload)/caseload" }, expected: assigners.posted, fields: ["tier": "9"],
                                            permission: .assignCaseload)],
        // Break the glass: any reader's route group; the use case refuses careers leaders.
        "GET /people/{id}/break-glass": [
            Case(path: { "/people/\($0.onCaseload)/break-glass" }, expected: laReaders, permission: .readRecords,
                 audit: .view(entity: "young_person", detailContains: "break-glass form")),
            Case(path: { "/people/\($0.elsewhere)/break-glass" }, expected: laReaders, permission: .readRecords),
        ],
        "POST /people/{id}/break-glass": [Case(path: { "/people/\($0.onCaseload)/break-glass" }, expected: laReaders.posted, fields: ["reason": ""],
                                               permission: .readRecords)],
        // Data protection.
        "GET /data-protection/break-glass": [
            Case(path: at("/data-protection/break-glass"), expected: dataManagerOnly, permission: .reviewAccess,
                 audit: .view(entity: "break_glass_access", detailContains: "break-glass review")),
            Case(path: at("/data-protection/break-glass?format=xlsx"), expected: dataManagerOnly, permission: .reviewAccess,
                 audit: .view(entity: "break_glass_access", detailContains: "export; format=xlsx; break-glass review")),
        ],
        "GET /people/{id}/access-log": [
            Case(path: { "/people/\($0.elsewhere)/access-log" }, expected: dataManagerOnly, permission: .reviewAccess,
                 audit: .view(entity: "audit_event", detailContains: "access log")),
            Case(path: { "/people/\($0.elsewhere)/access-log?format=csv" }, expected: dataManagerOnly, permission: .reviewAccess,
                 audit: .view(entity: "audit_event", detailContains: "export; format=csv; access log")),
        ],
        // Referrals: the LA's staff who may refer (not managers, schools or administrators) and the partner services' workers.
        "GET /referrals": [Case(path: at("/referrals"), expected: referralWorkers, audit: .view(entity: "referral", detailContains: "referrals"))],
        "GET /referrals/{referral}": [Case(path: at("/referrals/999"), expected: referralWorkersUnknown)],
        "POST /referrals/{referral}": [Case(path: at("/referrals/999"), expected: referralWorkersUnknown.posted, fields: ["step": "acknowledge"])],
        "GET /people/{id}/referrals/new": [Case(path: { "/people/\($0.onCaseload)/referrals/new" }, expected: referrers, permission: .makeReferrals,
                                                audit: .view(entity: "young_person", detailContains: "referral form"))],
        "POST /people/{id}/referrals": [Case(path: { "/people/\($0.onCaseload)/referrals" }, expected: referrers.posted, permission: .makeReferrals)],
        // The known-to register: the LA's readers (schools are refused by the use case).
        "GET /people/{id}/known-to": [Case(path: { "/people/\($0.onCaseload)/known-to" }, expected: laReaders, permission: .readRecords,
                                           audit: .view(entity: "involvement", detailContains: "known-to"))],
        "POST /people/{id}/lead-professional": [Case(path: { "/people/\($0.onCaseload)/lead-professional" }, expected: referrers.posted,
                                                     permission: .recordInvolvement)],
        "POST /people/{id}/involvements": [Case(path: { "/people/\($0.onCaseload)/involvements" }, expected: referrers.posted,
                                                permission: .recordInvolvement)],
        "POST /people/{id}/involvements/end": [Case(path: { "/people/\($0.onCaseload)/involvements/end" }, expected: referrers.posted,
                                                    permission: .recordInvolvement)],
        // The team view: who may open the known-to register.
        "GET /people/{id}/team": [Case(path: { "/people/\($0.onCaseload)/team" }, expected: laReaders, permission: .readRecords,
                                       audit: .view(entity: "involvement", detailContains: "team"))],
        // Consent and sharing: advisers, tracking officers and data managers; overrides and the register for data managers.
        "GET /people/{id}/consent": [Case(path: { "/people/\($0.onCaseload)/consent" }, expected: consentKeepers, permission: .manageConsent,
                                          audit: .view(entity: "young_person", detailContains: "consent and sharing"))],
        "POST /people/{id}/consent": [Case(path: { "/people/\($0.onCaseload)/consent" }, expected: consentKeepers.posted, permission: .manageConsent)],
        "POST /people/{id}/consent/{item}/withdraw": [Case(path: { "/people/\($0.onCaseload)/consent/999/withdraw" }, expected: consentKeepers.posted,
                                                           permission: .manageConsent)],
        "POST /people/{id}/consent/override": [Case(path: { "/people/\($0.onCaseload)/consent/override" }, expected: dataManagerOnly.posted,
                                                    permission: .overrideSharing)],
        "GET /data-protection/flows": [Case(path: at("/data-protection/flows"), expected: dataManagerOnly, permission: .manageDataFlows)],
        "GET /data-protection/flows/{flow}": [Case(path: at("/data-protection/flows/school-portal"), expected: dataManagerOnly, permission: .manageDataFlows)],
        "POST /data-protection/flows/{flow}": [Case(path: at("/data-protection/flows/school-portal"), expected: dataManagerOnly.posted, fields: ["name": ""],
                                                    permission: .manageDataFlows)],
        // The school and college portal: a school's or college's own users; LA staff read the records themselves.
        "GET /portal": [
            Case(path: at("/portal"), expected: portalUsers, permission: .schoolPortal, audit: .view(entity: "portal_leavers", detailContains: "year=all")),
            Case(path: at("/portal?format=xlsx"), expected: portalUsers, permission: .schoolPortal,
                 audit: .view(entity: "portal_leavers", detailContains: "export; format=xlsx; organisation=")),
        ],
        "GET /portal/destinations": [
            Case(path: at("/portal/destinations?year=2026"), expected: portalUsers, permission: .schoolPortal,
                 audit: .view(entity: "portal_destinations", detailContains: "year=2026")),
            Case(path: at("/portal/destinations?year=2026&format=xlsx"), expected: portalUsers, permission: .schoolPortal,
                 audit: .view(entity: "portal_destinations", detailContains: "year=2026; format=xlsx")),
        ],
        "GET /portal/students": [
            Case(path: at("/portal/students"), expected: portalUsers, permission: .schoolPortal, audit: .view(entity: "portal_students")),
            Case(path: at("/portal/students?format=csv"), expected: portalUsers, permission: .schoolPortal,
                 audit: .view(entity: "portal_students", detailContains: "export; format=csv; organisation=")),
        ],
        "GET /portal/people/{id}": [
            Case(path: { "/portal/people/\($0.onCaseload)" }, expected: portalUsers, permission: .schoolPortal, audit: .view(entity: "portal_pupil")),
            Case(path: { "/portal/people/\($0.elsewhere)" }, expected: Expected(a: .no, d: .no, t: .no, p: .no, m: .no, c: .hidden, w: .no, out: .signIn),
                 permission: .schoolPortal),
        ],
        "POST /portal/people/{id}/intended-destination": [Case(path: { "/portal/people/\($0.onCaseload)/intended-destination" }, expected: portalUsers.posted,
                                                               fields: ["code": "211"], permission: .postPupilInformation)],
        "POST /portal/people/{id}/offer": [Case(path: { "/portal/people/\($0.onCaseload)/offer" }, expected: portalUsers.posted, fields: ["code": "110"],
                                                permission: .postPupilInformation)],
        "POST /portal/people/{id}/concern": [
            Case(path: { "/portal/people/\($0.onCaseload)/concern" }, expected: portalUsers.posted, fields: ["code": "attendance"],
                 permission: .postPupilInformation),
            Case(path: { "/portal/people/\($0.elsewhere)/concern" }, expected: Expected(a: .no, d: .no, t: .no, p: .no, m: .no, c: .hidden, w: .no, out: .no),
                 fields: ["code": "attendance"], permission: .postPupilInformation),
        ],
        // A school's leavers come from its roll: the careers leader of a school is refused (a college's is walked in PortalPagesTests).
        "POST /portal/people/{id}/left-early": [Case(path: { "/portal/people/\($0.onCaseload)/left-early" },
                                                     expected: Expected(a: .no, d: .no, t: .no, p: .no, m: .no, c: .no, w: .no, out: .no), permission: .postPupilInformation)],
        "GET /portal/upload": [Case(path: at("/portal/upload"), expected: portalUsers, permission: .postPupilInformation)],
        "POST /portal/upload": [Case(path: at("/portal/upload"), expected: portalUsers.posted, permission: .postPupilInformation)],
        // Subject access and retention: data managers.
        "GET /people/{id}/subject-access": [Case(path: { "/people/\($0.onCaseload)/subject-access" }, expected: dataManagerOnly, permission: .subjectAccess,
                                                 audit: .view(entity: "young_person", detailContains: "subject access page"))],
        "POST /people/{id}/subject-access": [Case(path: { "/people/\($0.onCaseload)/subject-access" }, expected: dataManagerOnly.posted,
                                                  permission: .subjectAccess)],
        "GET /data-protection/retention": [Case(path: at("/data-protection/retention"), expected: dataManagerOnly, permission: .runRetention)],
        "POST /data-protection/retention": [Case(path: at("/data-protection/retention"), expected: dataManagerOnly.posted, permission: .runRetention)],
        // Moving between authorities (data managers) and "known elsewhere?" (tracking officers and data managers).
        "GET /people/{id}/transfer": [Case(path: { "/people/\($0.onCaseload)/transfer" }, expected: dataManagerOnly, permission: .transferPeople,
                                           audit: .view(entity: "young_person", detailContains: "transfer page"))],
        "POST /people/{id}/transfer": [Case(path: { "/people/\($0.onCaseload)/transfer" }, expected: dataManagerOnly.posted, permission: .transferPeople)],
        "GET /transfers": [Case(path: at("/transfers"), expected: dataManagerOnly, permission: .transferPeople)],
        "POST /transfers": [Case(path: at("/transfers"), expected: dataManagerOnly.posted, permission: .transferPeople)],
        "POST /transfers/acknowledgements": [Case(path: at("/transfers/acknowledgements"), expected: dataManagerOnly.posted, permission: .transferPeople)],
        "GET /transfers/{transfer}/acknowledgement": [Case(path: at("/transfers/999/acknowledgement"),
                                                           expected: Expected(a: .no, d: .hidden, t: .no, p: .no, m: .no, c: .no, w: .no, out: .signIn),
                                                           permission: .transferPeople)],
        "GET /transfers/{transfer}": [Case(path: at("/transfers/999"), expected: Expected(a: .no, d: .hidden, t: .no, p: .no, m: .no, c: .no, w: .no, out: .signIn),
                                           permission: .transferPeople)],
        "POST /transfers/{transfer}/accept": [Case(path: at("/transfers/999/accept"), expected: Expected(a: .no, d: .hidden, t: .no, p: .no, m: .no, c: .no, w: .no, out: .no),
                                                   fields: ["choice": "create"], permission: .transferPeople)],
        "POST /transfers/{transfer}/decline": [Case(path: at("/transfers/999/decline"), expected: Expected(a: .no, d: .hidden, t: .no, p: .no, m: .no, c: .no, w: .no, out: .no),
                                                    fields: ["reason": "Not one of ours"], permission: .transferPeople)],
        "GET /people/{id}/known-elsewhere": [Case(path: { "/people/\($0.onCaseload)/known-elsewhere" }, expected: elsewhereLookers, permission: .lookUpElsewhere,
                                                  audit: .view(entity: "young_person", detailContains: "known elsewhere page"))],
        "POST /people/{id}/known-elsewhere": [Case(path: { "/people/\($0.onCaseload)/known-elsewhere" }, expected: elsewhereLookers.posted,
                                                   permission: .lookUpElsewhere)],
        "POST /people/{id}/known-elsewhere/request": [Case(path: { "/people/\($0.onCaseload)/known-elsewhere/request" }, expected: elsewhereLookers.posted,
                                                           fields: ["la": "886"], permission: .lookUpElsewhere)],
        // Risk of NEET: the model (data managers), every school's list (LA staff), a school's own list (its careers leader).
        "GET /risk/settings": [Case(path: at("/risk/settings"), expected: dataManagerOnly, permission: .riskModel)],
        "POST /risk/settings": [Case(path: at("/risk/settings"), expected: dataManagerOnly.posted, fields: ["reason": ""], permission: .riskModel)],
        "GET /risk/back-test": [Case(path: at("/risk/back-test"), expected: dataManagerOnly, permission: .riskModel)],
        "POST /risk/back-test": [Case(path: at("/risk/back-test"), expected: dataManagerOnly.posted, permission: .riskModel)],
        "GET /risk/transparency": [
            Case(path: at("/risk/transparency"), expected: dataManagerOnly, permission: .riskModel),
            Case(path: at("/risk/transparency?format=md"), expected: dataManagerOnly, permission: .riskModel),
        ],
        "GET /risk/schools": [Case(path: at("/risk/schools"), expected: riskListReaders, permission: .riskLists,
                                   audit: .view(entity: "risk_list", detailContains: "schools"))],
        "GET /risk/schools/{school}": [
            Case(path: { "/risk/schools/\($0.schoolA)" }, expected: riskListReaders, permission: .riskLists,
                 audit: .view(entity: "risk_list", detailContains: "school=")),
            Case(path: { "/risk/schools/\($0.schoolA)?format=xlsx" }, expected: riskListReaders, permission: .riskLists,
                 audit: .view(entity: "risk_list", detailContains: "export; format=xlsx; school=")),
        ],
        "GET /portal/risk": [
            Case(path: at("/portal/risk"), expected: portalUsers, permission: .schoolPortal, audit: .view(entity: "risk_list", detailContains: "school=")),
            Case(path: at("/portal/risk?format=csv"), expected: portalUsers, permission: .schoolPortal,
                 audit: .view(entity: "risk_list", detailContains: "export; format=csv; school=")),
        ],
        // Nobody in the fixture has a score, so no pupil is on the school's list to change: the same 404 as a stranger.
        "POST /portal/risk/{id}": [Case(path: { "/portal/risk/\($0.onCaseload)" }, expected: Expected(a: .no, d: .no, t: .no, p: .no, m: .no, c: .hidden, w: .no, out: .no),
                                        fields: ["action": "add", "reason": "Worried about attendance"], permission: .postPupilInformation)],
        // Tracking: queues, campaigns, answers.
        "GET /queues": [Case(path: at("/queues"), expected: queueReaders, permission: .workQueues, audit: .view(entity: "queue", detailContains: "queue=not-known"))],
        "GET /queues/export": [
            Case(path: at("/queues/export?queue=not-known"), expected: queueReaders, permission: .workQueues,
                 audit: .view(entity: "queue", detailContains: "export; format=csv; queue=not-known")),
            Case(path: at("/queues/export?queue=not-known&format=xlsx"), expected: queueReaders, permission: .workQueues,
                 audit: .view(entity: "queue", detailContains: "export; format=xlsx; queue=not-known")),
        ],
        "POST /queues/assign": [Case(path: at("/queues/assign"), expected: queueReaders.posted, permission: .workQueues)],
        "GET /campaigns": [Case(path: at("/campaigns"), expected: queueReaders, permission: .workQueues)],
        "GET /campaigns/new": [Case(path: at("/campaigns/new?queue=not-known"), expected: trackers, permission: .recordTrackingWork)],
        "POST /campaigns": [Case(path: at("/campaigns"), expected: trackers.posted, fields: ["channel": "sms"], permission: .recordTrackingWork)],
        "GET /campaigns/{campaign}": [
            Case(path: { "/campaigns/\($0.campaign ?? 0)" }, expected: queueReaders, permission: .workQueues,
                 audit: .view(entity: "campaign", detailContains: "members")),
            Case(path: { "/campaigns/\($0.campaign ?? 0)?format=csv" }, expected: queueReaders, permission: .workQueues,
                 audit: .view(entity: "campaign", detailContains: "export; format=csv; members")),
        ],
        "POST /campaigns/{campaign}/send": [Case(path: at("/campaigns/999/send"), expected: trackersUnknown.posted, permission: .recordTrackingWork)],
        "GET /campaigns/{campaign}/letters": [Case(path: { "/campaigns/\($0.campaign ?? 0)/letters" }, expected: trackers,
                                                   permission: .recordTrackingWork, audit: .view(entity: "campaign", detailContains: "letters"))],
        "POST /campaigns/{campaign}/members/{member}/outcome": [Case(path: at("/campaigns/999/members/999/outcome"), expected: trackersUnknown.posted,
                                                                     permission: .recordTrackingWork)],
        "GET /campaigns/{campaign}/report": [
            Case(path: at("/campaigns/999/report"), expected: queueReadersUnknown, permission: .workQueues),
            // Counts by channel and group: nobody named, so not audited.
            Case(path: { "/campaigns/\($0.campaign ?? 0)/report?format=xlsx" }, expected: queueReaders, permission: .workQueues),
        ],
        "GET /answers": [Case(path: at("/answers"), expected: queueReaders, permission: .workQueues, audit: .view(entity: "self_service_answer"))],
        "POST /answers/{answer}/verify": [Case(path: at("/answers/999/verify"), expected: trackersUnknown.posted, permission: .recordTrackingWork)],
        "POST /answers/{answer}/reject": [Case(path: at("/answers/999/reject"), expected: trackers.posted, permission: .recordTrackingWork)],
        // Matching: imports, exceptions, merges.
        "GET /imports": [Case(path: at("/imports"), expected: matchers, permission: .resolveMatches)],
        "POST /imports": [Case(path: at("/imports"), expected: matchers.posted, permission: .resolveMatches)],
        "GET /imports/templates/{file}": [Case(path: at("/imports/templates/dwp_claimants.csv"), expected: matchers, permission: .resolveMatches)],
        "GET /exceptions": [
            Case(path: at("/exceptions"), expected: matchers, permission: .resolveMatches, audit: .view(entity: "match_exception")),
            Case(path: at("/exceptions?format=csv"), expected: matchers, permission: .resolveMatches,
                 audit: .view(entity: "match_exception", detailContains: "export; format=csv; open exceptions")),
        ],
        "POST /exceptions/scan": [Case(path: at("/exceptions/scan"), expected: matchers.posted, permission: .resolveMatches)],
        "GET /exceptions/{exception}": [Case(path: { "/exceptions/\($0.exception ?? 0)" }, expected: matchers, permission: .resolveMatches,
                                             audit: .view(entity: "match_exception", detailContains: "duplicate"))],
        "POST /exceptions/{exception}/merge": [Case(path: at("/exceptions/999/merge"), expected: matchersUnknown.posted, permission: .resolveMatches)],
        "POST /exceptions/{exception}/reject": [Case(path: at("/exceptions/999/reject"), expected: matchersUnknown.posted, permission: .resolveMatches)],
        "POST /exceptions/{exception}/link": [Case(path: at("/exceptions/999/link"), expected: matchersUnknown.posted, permission: .resolveMatches)],
        "POST /exceptions/{exception}/create": [Case(path: at("/exceptions/999/create"), expected: matchersUnknown.posted, permission: .resolveMatches)],
        "GET /merges/{merge}": [Case(path: { "/merges/\($0.merge ?? 0)" }, expected: matchers, permission: .resolveMatches,
                                     audit: .view(entity: "person_merge"))],
        "POST /merges/{merge}/undo": [Case(path: at("/merges/999/undo"), expected: matchersUnknown.posted, permission: .resolveMatches)],
    ]

    static func key(_ route: Router<WebContext>.RouteDescription) -> String {
        "\(route.method) \(route.path.description)"
    }

    @Test func everyRouteHasAnEntryAndEveryEntryARoute() async throws {
        let routes = try await Self.routes()
        let listed = Set(routes)
        for key in listed.sorted() {
            #expect(Self.table[key]?.isEmpty == false, "\(key) has no expected outcome for each role: add it to PermissionMatrixTests.table")
        }
        for key in Self.table.keys.sorted() where !listed.contains(key) {
            Issue.record("\(key) is in the table but the router has no such route")
        }
    }

    /// The table follows AccessPolicy: a role without the route group's permission is refused on every case.
    @Test func theTableFollowsTheAccessPolicy() {
        for (key, cases) in Self.table {
            for entry in cases {
                guard let permission = entry.permission else { continue }
                for role in Role.allCases where !AccessPolicy.allows(role, permission) {
                    #expect(entry.expected[role] == .no, "\(key) as \(role.rawValue): \(role.rawValue) lacks \(permission.rawValue)")
                }
                #expect(entry.expected.out == (Self.isGet(key) ? .signIn : .no), "\(key) signed out")
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func everyRouteAsEveryRoleAndSignedOut(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine, withCasework: true) { client, _, fixture in
            var sessions: [Role: Session] = [:]
            for role in Role.allCases { sessions[role] = try await Self.session(role, client: client) }
            for (key, cases) in Self.table.sorted(by: { $0.key < $1.key }) {
                let method = Self.method(key)
                for entry in cases {
                    for role in Role.allCases {
                        let session = entry.freshSession ? try await Self.session(role, client: client) : try #require(sessions[role])
                        let outcome = try await Self.attempt(method, entry, fixture: fixture, client: client, session: session)
                        #expect(outcome == entry.expected[role], "\(key) (\(entry.path(fixture))) as \(role.rawValue)")
                    }
                    let signedOut = try await Self.attempt(method, entry, fixture: fixture, client: client, session: Session(cookies: [:], csrf: nil))
                    #expect(signedOut == entry.expected.out, "\(key) (\(entry.path(fixture))) signed out")
                }
            }
        }
    }

    /// Every route that shows personal data, opened by each role allowed to
    /// see it, leaves a `view` event by that user in the audit trail.
    @Test(arguments: TestDatabases.engines)
    func everyViewOfPersonalDataIsAudited(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine, withCasework: true) { client, store, fixture in
            // The survey's named list is shown, and so audited, once a job has computed the survey.
            let asker = try await Self.session(.dataManager, client: client)
            _ = try await client.get("/activity-survey", cookies: asker.cookies)
            #expect(try await WebTestHarness.runJobs(store) >= 1)
            var checked = 0
            for (key, cases) in Self.table.sorted(by: { $0.key < $1.key }) {
                for entry in cases {
                    guard case .view(let entity, let detail) = entry.audit else { continue }
                    for role in Role.allCases where entry.expected[role] == .yes {
                        let session = try await Self.session(role, client: client)
                        let before = try await Self.lastAuditID(store)
                        let response = try await client.get(entry.path(fixture), cookies: session.cookies)
                        #expect(response.status == .ok, "\(key) as \(role.rawValue): \(response.status)")
                        let events = try await Self.views(after: before, by: fixture.users[role]!, store: store)
                        #expect(events.contains { $0.entity == entity && detail.map($0.detail.contains) ?? true },
                                "\(key) (\(entry.path(fixture))) as \(role.rawValue) left no view of \(entity) in the audit trail: \(events)")
                        checked += 1
                    }
                }
            }
            #expect(checked >= 40, "the walk reached the pages that show personal data")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func postsWithoutTheSessionsTokenAreRefusedAndChangeNothing(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(.administrator))
            let before = try await UserQueries(store: store).count()
            let forged = try await client.form(
                "/admin/users", ["name": "Mallory", "email": "m@northmere.example", "role": "data-manager", "organisation": "1",
                                 "csrf": "not-the-token"], cookies: cookies)
            #expect(forged.status == .forbidden)
            let missing = try await client.form("/admin/users/\(fixture.users[.manager]!)", ["status": "disabled"], cookies: cookies)
            #expect(missing.status == .forbidden)
            #expect(try await UserQueries(store: store).count() == before)
            #expect(try await UserQueries(store: store).user(id: fixture.users[.manager]!)?.disabled == false)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theNavigationOffersOnlyWhatTheRoleMayOpen(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, _ in
            for role in Role.allCases {
                let (_, cookies) = try await client.signIn(email: AccessFixture.email(role))
                let home = try await client.get("/", cookies: cookies)
                let nav = try #require(home.text.firstRange(of: "<nav class=\"site-nav\"").map { String(home.text[$0.lowerBound...].prefix { $0 != "§" }) })
                let block = String(nav[..<(nav.range(of: "</nav>")?.lowerBound ?? nav.endIndex)])
                let links = block.matches(of: try Regex("href=\"([^\"]+)\"")).compactMap { $0.output[1].substring.map(String.init) }
                #expect(links.count >= 1, "\(role) has a navigation")
                for link in links {
                    #expect(try await client.get(link, cookies: cookies).status == .ok, "\(role.rawValue) is offered \(link)")
                }
                #expect(block.contains("action=\"/search\"") == AccessPolicy.allows(role, .readRecords), "\(role.rawValue): search only for those who read records")
                #expect(links.contains("/returns") == (role == .dataManager))
            }
        }
    }

    // MARK: Helpers

    struct Session: Sendable {
        let cookies: [String: String]
        let csrf: String?
    }

    static func session(_ role: Role, client: any TestClientProtocol) async throws -> Session {
        let (_, cookies) = try await client.signIn(email: AccessFixture.email(role))
        let home = try await client.get("/", cookies: cookies)
        return Session(cookies: cookies, csrf: home.csrfField)
    }

    static func isGet(_ key: String) -> Bool { key.hasPrefix("GET ") }

    static func method(_ key: String) -> HTTPRequest.Method {
        HTTPRequest.Method(String(key.prefix { $0 != " " })) ?? .get
    }

    /// The router's own list, as "METHOD /path/{parameter}".
    static func routes() async throws -> [String] {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4)
            return buildRouter(services: services, templates: try await Templates.load()).routes.map(Self.key)
        }
    }

    static func attempt(
        _ method: HTTPRequest.Method, _ entry: Case, fixture: AccessFixture, client: any TestClientProtocol, session: Session
    ) async throws -> Outcome {
        let path = entry.path(fixture)
        let response: TestResponse
        if ![.get, .post].contains(method) {
            var headers = HTTPFields()
            headers[.cookie] = session.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            response = try await client.execute(uri: path, method: method, headers: headers)
        } else if method == .get {
            response = try await client.get(path, cookies: session.cookies)
        } else {
            var fields = entry.fields
            if let csrf = session.csrf { fields["csrf"] = csrf }
            response = try await client.form(path, fields, cookies: session.cookies)
        }
        switch response.status {
        case .unauthorized: return .bearer
        case .methodNotAllowed: return .notAllowed
        case .forbidden: return .no
        case .notFound: return .hidden
        case .seeOther, .found: return response.headers[.location] == Paths.signIn ? .signIn : .yes
        default: return .yes
        }
    }

    static func lastAuditID(_ store: Store) async throws -> Int64 {
        try await store.sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM audit_event").first(decodingColumn: "n", as: Int64.self) ?? 0
    }

    static func views(after id: Int64, by userID: Int64, store: Store) async throws -> [(entity: String, detail: String)] {
        try await store.sql.raw(
            "SELECT entity, detail FROM audit_event WHERE id > \(bind: id) AND action = 'view' AND actor_user_id = \(bind: userID) ORDER BY id"
        ).all().map { (try $0.decode(column: "entity", as: String.self), try $0.decode(column: "detail", as: String?.self) ?? "") }
    }
}

extension PermissionMatrixTests.Expected {
    /// The same row for a form post: signed out, the missing CSRF token is refused before anything else.
    var posted: Self { .init(a: a, d: d, t: t, p: p, m: m, c: c, w: w, out: .no) }
}
