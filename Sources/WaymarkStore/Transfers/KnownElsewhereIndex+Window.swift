import SQLKit

extension KnownElsewhereIndex {
    /// When `userID`'s oldest look-up since `since` (ISO 8601) was made: the
    /// one whose hour ends first, so the next look-up is allowed then.
    public func oldestLookup(by userID: Int64, since: String) async throws -> String? {
        try await store.sql.select().column("looked_at").from("known_elsewhere_lookup")
            .where("user_id", .equal, userID).where("looked_at", .greaterThanOrEqual, since)
            .orderBy("looked_at").limit(1).first()
            .map { try $0.decode(column: "looked_at", as: String.self) }
    }
}
