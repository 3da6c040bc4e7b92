import SQLKit
public import WaymarkRecords

extension TransferQueries {
    /// Packages received, newest first, a page at a time: those with an id
    /// below `before` (all when nil). Ids only grow, so a page never shifts
    /// when a package is decided between two calls.
    public func transfersIn(before: Int64?, limit: Int) async throws -> [StoredTransferIn] {
        var query = db.select().column("*").from("transfer_in")
        if let before { query = query.where("id", .lessThan, before) }
        return try await query.orderBy("id", .descending).limit(limit).all().map(Self.transferIn)
    }
}
