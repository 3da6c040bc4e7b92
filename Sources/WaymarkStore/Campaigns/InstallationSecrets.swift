public import Foundation
import SQLKit
import WaymarkRecords

/// Secrets the whole installation shares, kept in the database so every
/// server behind a load balancer signs and checks links with the same key.
public struct InstallationSecrets: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The named secret, made from 32 random bytes the first time it is asked for.
    public func secret(named name: String, now: Date) async throws -> Data {
        if let existing = try await read(name) { return existing }
        var bytes = SystemRandomNumberGenerator()
        let fresh = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &bytes) })
        // Two servers starting together may both try; the primary key keeps the first and the loser reads it back.
        do {
            try await store.sql.insert(into: "installation_secret").columns("name", "value", "created_at")
                .values(SQLBind(name), SQLBind(fresh.base64EncodedString()), SQLBind(Timestamp.format(now))).run()
        } catch {
            if let existing = try await read(name) { return existing }
            throw error
        }
        return try await read(name) ?? fresh
    }

    private func read(_ name: String) async throws -> Data? {
        try await store.sql.select().column("value").from("installation_secret").where("name", .equal, name).first()
            .flatMap { Data(base64Encoded: try $0.decode(column: "value", as: String.self)) }
    }
}
