import Foundation
import SQLKit
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// One local authority's Waymark: its store, its code and a data manager and
/// tracking officer. Two of these stand for two LAs exchanging transfers.
struct TransferLA: Sendable {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static var today: CalendarDate { CalendarDate.today(from: now) }
    static let registry = DemoAuthority.registry

    let store: Store
    let code: LocalAuthorityCode
    let dataManager: StoredUser
    let trackingOfficer: StoredUser

    var desk: TransferDesk { TransferDesk(store: store, registry: Self.registry, laCode: code) }
    func grant(_ user: StoredUser) -> AccessGrant { AccessGrant(user: user, scope: .authority(laCode: code.code)) }
    var manager: AccessGrant { grant(dataManager) }

    static func build(_ store: Store, code text: String) async throws -> TransferLA {
        let code = try registry.code(text)
        let ids = try await store.change(by: .system("test"), at: now) { tx in
            let la = try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: "LA \(text)", laCode: text))
            let manager = try await tx.createUser(
                NewUser(organisationID: la, email: "dm@\(text).example", displayName: "Data manager", role: .dataManager, passwordHash: "x"))
            let tracker = try await tx.createUser(
                NewUser(organisationID: la, email: "to@\(text).example", displayName: "Tracking officer", role: .trackingOfficer, passwordHash: "x"))
            return (manager, tracker)
        }
        let users = UserQueries(store: store)
        return TransferLA(
            store: store, code: code, dataManager: try await users.user(id: ids.0).orThrow(), trackingOfficer: try await users.user(id: ids.1).orThrow())
    }

    /// A young person with two activities, an EHC plan, a care status and a youth justice characteristic.
    func addPerson(given: String = "Amara", family: String = "Okafor", born: String = "2009-03-14", uln: String? = "1234567897") async throws -> Int64 {
        let code = self.code
        return try await store.change(by: .system("test"), at: Self.now) { tx in
            let id = try await tx.createPerson(
                NewYoungPerson(
                    identity: YoungPersonIdentity(
                        givenName: given, familyName: family, dateOfBirth: try CalendarDate(iso: born), gender: .female, ethnicity: .blackAfrican, uln: uln),
                    cohortStatus: .primary, responsibleLA: code, educatedLA: code))
            let september = try CalendarDate(iso: "2025-09-01")
            _ = try await tx.recordActivity(
                ActivityRecord(code: try ActivityCode.parse("210"), startDate: september, dateAscertained: september, predictedEndDate: try CalendarDate(iso: "2027-07-31")),
                for: id)
            _ = try await tx.recordNeed(NeedAssessment(levelOfNeed: .supported, hasSEND: true, hasSENSupport: false, validFrom: september), for: id)
            _ = try await tx.addCharacteristic(CharacteristicRecord(code: .lookedAfter, startDate: september), for: id)
            _ = try await tx.addCharacteristic(CharacteristicRecord(code: .supervisedByYOT, startDate: september), for: id)
            return id
        }
    }

    /// Puts the other LA's public key in this LA's keyring.
    func trust(_ other: TransferLA) async throws {
        let key = try await other.desk.publicKey(for: other.manager, at: Self.now)
        _ = try await desk.addPeerKey(for: manager, la: key.laCode, base64: key.publicKey, at: Self.now)
    }

    func count(_ table: String) async throws -> Int {
        let row = try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// Two LAs on one engine: Northmere (990) sends to Kent (886).
    static func pair(_ engine: DatabaseEngine, _ body: (TransferLA, TransferLA) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { first in
            try await TestDatabases.withFreshStore(engine) { second in
                let sender = try await build(first, code: DemoAuthority.code)
                let receiver = try await build(second, code: "886")
                try await receiver.trust(sender)
                try await body(sender, receiver)
            }
        }
    }
}

extension Optional {
    func orThrow() throws -> Wrapped {
        guard let value = self else { throw TransferTestError.missing }
        return value
    }
}

enum TransferTestError: Error { case missing }
