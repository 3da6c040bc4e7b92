import Foundation
import SQLKit
import Testing
@testable import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Invitations on both engines: one use, seven days, a new one voids the old,
/// and nothing signs in to an invited account before its user sets a password.
@Suite struct InvitationTests {
    static let now = BreakGlassFixture.now
    static let hasher = PasswordHasher(threads: 2, queueLimit: 1_000)

    static func services(_ store: Store) throws -> AppServices {
        AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: Self.hasher,
                    publicURL: "https://waymark.example.gov.uk/")
    }

    @Test(arguments: TestDatabases.engines)
    func anInvitationExpiresAfterSevenDaysAndANewOneVoidsTheOld(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let app = try Self.services(store)
            let admin = try fixture.grant(.administrator)
            let organisation = try #require(fixture.users[.manager]).organisationID
            let first = try await app.users.invite(
                email: "Omar.Shah@northmere.example", displayName: "Omar Shah", role: .manager, organisationID: organisation, for: admin, at: Self.now)
            #expect(first.link.hasPrefix("https://waymark.example.gov.uk/invitation/") && first.queuedByEmail == false)
            #expect(first.expiresAt == Self.now.addingTimeInterval(7 * 86_400))
            let token = String(first.link.dropFirst("https://waymark.example.gov.uk/invitation/".count))
            #expect(try await app.invitations.invitee(token: token, now: first.expiresAt.addingTimeInterval(-1))?.id == first.account.id)
            #expect(try await app.invitations.invitee(token: token, now: first.expiresAt) == nil, "expired after seven days")
            #expect(try await app.users.invitations(for: admin, at: first.expiresAt)[first.account.id] == .expired, "the list says it expired")
            let stored = try await store.sql.select().column("token_hash").from("user_invitation").all(decodingColumn: "token_hash", as: String.self)
            #expect(stored.count == 1 && stored[0] != token, "only the hash is kept")

            let later = first.expiresAt.addingTimeInterval(3_600)
            let second = try await app.users.reissueInvitation(for: first.account.id, grant: admin, at: later)
            let secondToken = String(second.link.dropFirst("https://waymark.example.gov.uk/invitation/".count))
            #expect(try await app.invitations.invitee(token: token, now: Self.now) == nil, "the old link is void, even at a time it would have worked")
            #expect(try await app.invitations.accept(token: secondToken, password: "short", confirmation: "short", now: later) == .refused(.newTooShort(minimum: 10)))
            guard case .accepted(let accepted) = try await app.invitations.accept(
                token: secondToken, password: "a long password", confirmation: "a long password", now: later)
            else {
                Issue.record("the new link was refused")
                return
            }
            #expect(accepted.id == first.account.id)
            #expect(try await app.invitations.accept(token: secondToken, password: "another long one", confirmation: "another long one", now: later)
                    == .linkNotValid, "one use")
            #expect(try await app.users.invitations(for: admin, at: later).isEmpty)
            let user = try #require(try await UserQueries(store: store).user(id: first.account.id))
            #expect(try await Self.hasher.verify("a long password", hash: user.passwordHash))
            await #expect(throws: Refusal.self) { try await app.users.reissueInvitation(for: user.id, grant: admin, at: later) }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func nobodyButAnAdministratorInvites(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let app = try Self.services(store)
            let organisation = try #require(fixture.users[.manager]).organisationID
            await #expect(throws: (any Error).self) {
                _ = try await app.users.invite(
                    email: "x@northmere.example", displayName: "X", role: .manager, organisationID: organisation, for: try fixture.grant(.dataManager), at: Self.now)
            }
            #expect(try await UserQueries(store: store).user(email: "x@northmere.example") == nil)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anInvitedAccountIsReinvitedNotReset(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let app = try Self.services(store)
            let admin = try fixture.grant(.administrator)
            let organisation = try #require(fixture.users[.manager]).organisationID
            let invited = try await app.users.invite(
                email: "Ada.Lowe@northmere.example", displayName: "Ada Lowe", role: .manager, organisationID: organisation, for: admin, at: Self.now)
            await #expect(throws: Refusal.conflict(
                "Ada Lowe has not set up their account yet. Send them a new invitation instead of resetting a password.")) {
                _ = try await app.users.resetPassword(of: invited.account.id, for: admin, at: Self.now)
            }
            let user = try #require(try await UserQueries(store: store).user(id: invited.account.id))
            #expect(user.passwordHash == Invitations.noPasswordYet && !user.mustChangePassword, "nothing was set")
            let manager = try #require(fixture.users[.manager])
            let reset = try await app.users.resetPassword(of: manager.id, for: admin, at: Self.now)
            #expect(reset.account.id == manager.id, "an account in use is still reset")
        }
    }

    @Test func anInvitedAccountsMarkerIsNoPassword() async throws {
        #expect(try await Self.hasher.verify(Invitations.noPasswordYet, hash: Invitations.noPasswordYet) == false)
        #expect(try await Self.hasher.verify("", hash: Invitations.noPasswordYet) == false)
    }
}
