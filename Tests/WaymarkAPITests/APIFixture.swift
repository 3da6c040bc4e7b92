import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SQLKit
import WaymarkAPI
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
import WaymarkWeb

/// An LA with two schools; at school A a Year 11 pupil (Kai) and a 2025
/// leaver (Amara), at school B a leaver (Zara). Three API clients: school A's
/// (careers leader: read people, post destinations, send files, read figures),
/// the LA's (data manager: everything) and one with no scope but people.
struct APIFixture: Sendable {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 18 November 2026

    let schoolA: Int64
    let schoolB: Int64
    let year11: Int64
    let leaverA: Int64
    let leaverB: Int64
    let schoolClient: IssuedAPIClient
    let laClient: IssuedAPIClient
    let readOnlyClient: IssuedAPIClient

    static func run(
        _ engine: DatabaseEngine, clock: APITestClock = APITestClock(), returnsDirectory: String? = nil,
        _ body: @escaping @Sendable (any TestClientProtocol, Store, AppServices, APIFixture) async throws -> Void
    ) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let app = AppServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode,
                returnsDirectory: returnsDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("waymark-api-test-returns").path,
                passwordCost: 4)
            let fixture = try await build(store, app: app)
            let services = WebServices(app: app, now: { clock.now })
            let application = try await buildApplication(services: services, configuration: WebConfiguration(), logger: .init(label: "api-test"))
            try await application.test(.router) { client in try await body(client, store, app, fixture) }
        }
    }

    static func build(_ store: Store, app: AppServices) async throws -> APIFixture {
        let la = try DemoAuthority.registry.code(DemoAuthority.code)
        let (laID, schoolA, schoolB) = try await store.change(by: .system("test"), at: now) { tx in
            (
                try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: DemoAuthority.name, laCode: DemoAuthority.code)),
                try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Millbrook Park School", laCode: DemoAuthority.code, establishmentNumber: "9904001")),
                try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Harbour Academy", laCode: DemoAuthority.code, establishmentNumber: "9904002"))
            )
        }
        let (year11, leaverA, leaverB) = try await store.change(by: .system("test"), at: now) { tx in
            func person(_ given: String, born: String, school: Int64, year11From: String, to: String) async throws -> Int64 {
                let id = try await tx.createPerson(
                    NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: given, familyName: "Okafor", dateOfBirth: try CalendarDate(iso: born), gender: .female, ethnicity: .blackAfrican,
                            upn: nil),
                        cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: school))
                try await tx.recordEnrolment(
                    NewEnrolment(organisationID: school, kind: .schoolRoll, yearGroup: 11, from: try CalendarDate(iso: year11From), to: try CalendarDate(iso: to)),
                    for: id)
                return id
            }
            return (
                try await person("Kai", born: "2011-02-03", school: schoolA, year11From: "2026-09-01", to: "2027-08-31"),
                try await person("Amara", born: "2009-03-14", school: schoolA, year11From: "2024-09-01", to: "2025-08-31"),
                try await person("Zara", born: "2009-04-20", school: schoolB, year11From: "2024-09-01", to: "2025-08-31")
            )
        }
        let desk = app.apiClients
        let schoolClient = try await desk.issue(
            name: "Millbrook MIS", organisationID: schoolA, role: .careersLeader, scopes: [.readPeople, .writeDestinations, .writeImports, .readFigures],
            by: .system("test"), at: now)
        let laClient = try await desk.issue(
            name: "County BI", organisationID: laID, role: .dataManager, scopes: Set(APIScopePolicy.scopes(for: .dataManager)), by: .system("test"), at: now)
        let readOnlyClient = try await desk.issue(
            name: "Read only", organisationID: schoolA, role: .careersLeader, scopes: [.readPeople], rateLimitPerMinute: 3, by: .system("test"), at: now)
        return APIFixture(
            schoolA: schoolA, schoolB: schoolB, year11: year11, leaverA: leaverA, leaverB: leaverB, schoolClient: schoolClient, laClient: laClient,
            readOnlyClient: readOnlyClient)
    }
}

/// A clock a test moves by hand.
final class APITestClock: @unchecked Sendable {
    private var current: Date
    private let lock = NSLock()

    init(_ start: Date = APIFixture.now) {
        current = start
    }

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

/// Calls as a client's system makes them.
extension TestClientProtocol {
    func call(
        _ method: HTTPRequest.Method, _ path: String, token: String?, json: String? = nil, body: ByteBuffer? = nil,
        contentType: String? = nil
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        if let contentType { headers[.contentType] = contentType }
        return try await execute(uri: "/api/v1" + path, method: method, headers: headers, body: body ?? json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as JSON.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }

    /// The fields a problem names.
    var problemFields: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}
