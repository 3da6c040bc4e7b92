import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// A neighbouring authority (Kent, 886) on its own database: it sends the
/// fixture's LA (990) signed transfer packages, and publishes to the
/// "known elsewhere?" index.
struct APIOtherAuthority: Sendable {
    static let code = "886"
    static let regionKey = Data(repeating: 7, count: 32).base64EncodedString()

    let store: Store
    let manager: AccessGrant
    let la: LocalAuthorityCode

    var desk: TransferDesk { TransferDesk(store: store, registry: DemoAuthority.registry, laCode: la) }
    var elsewhere: KnownElsewhereDesk { KnownElsewhereDesk(store: store, registry: DemoAuthority.registry, laCode: la) }

    static func run(_ engine: DatabaseEngine, _ body: @Sendable (APIOtherAuthority) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let id = try await store.change(by: .system("test"), at: APIFixture.now) { tx in
                let la = try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: "Kent", laCode: Self.code))
                return try await tx.createUser(
                    NewUser(organisationID: la, email: "dm@886.example", displayName: "Data manager", role: .dataManager, passwordHash: "x"))
            }
            guard let user = try await UserQueries(store: store).user(id: id) else { throw OtherAuthorityError.noUser }
            let other = APIOtherAuthority(
                store: store, manager: AccessGrant(user: user, scope: .authority(laCode: Self.code)), la: try DemoAuthority.registry.code(Self.code))
            try await body(other)
        }
    }

    func addPerson(given: String, family: String, born: String, uln: String? = nil) async throws -> Int64 {
        let la = self.la
        return try await store.change(by: .system("test"), at: APIFixture.now) { tx in
            let id = try await tx.createPerson(
                NewYoungPerson(
                    identity: YoungPersonIdentity(
                        givenName: given, familyName: family, dateOfBirth: try CalendarDate(iso: born), gender: .male, ethnicity: .whiteBritish, uln: uln),
                    cohortStatus: .primary, responsibleLA: la, educatedLA: la))
            let september = try CalendarDate(iso: "2025-09-01")
            _ = try await tx.recordActivity(
                ActivityRecord(
                    code: try ActivityCode.parse("210"), startDate: september, dateAscertained: september, predictedEndDate: try CalendarDate(iso: "2027-07-31")),
                for: id)
            return id
        }
    }

    /// The signed file Kent sends to 990 for this young person.
    func package(for person: Int64) async throws -> Data {
        try await desk.export(person: person, to: DemoAuthority.code, movedOn: try CalendarDate(iso: "2026-11-01"), by: .system("test"), at: APIFixture.now).data
    }

    /// Puts Kent's public key in the receiving authority's keyring.
    func trusted(by app: AppServices) async throws {
        let key = try await desk.publicKey(for: manager, at: APIFixture.now)
        _ = try await app.transfers.addPeerKey(la: key.laCode, base64: key.publicKey, by: .system("test"), at: APIFixture.now)
    }

    /// Kent's digests, published under the region key into a file; its path.
    func publish() async throws -> String {
        try await elsewhere.setRegionKey(id: "region-1", base64: Self.regionKey, by: .system("test"), at: APIFixture.now)
        return try await Self.publish(elsewhere)
    }

    static func publish(_ desk: KnownElsewhereDesk) async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("api-ke-\(UUID().uuidString).txt").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw OtherAuthorityError.noFile }
        defer { try? handle.close() }
        _ = try await desk.publish(by: .system("test"), at: APIFixture.now) { try handle.write(contentsOf: Data($0.utf8)) }
        return path
    }
}

enum OtherAuthorityError: Error { case noUser, noFile }
