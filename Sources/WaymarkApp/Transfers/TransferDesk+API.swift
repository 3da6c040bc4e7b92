public import Foundation
public import WaymarkRecords
import WaymarkStore

/// One received package as a system reads it: the receipt and its state,
/// and while it waits, the package and who it may be here.
public struct TransferInRead: Sendable {
    public let stored: StoredTransferIn
    /// Only while the package waits for a decision: a decided one keeps nothing of the young person to show.
    public let waiting: TransferInView?
}

extension TransferDesk {
    /// Packages received, newest first, a page at a time (ids below `before`).
    /// Like the list page, receipts only: no view of anyone's record.
    public func received(for grant: AccessGrant, before: Int64?, limit: Int) async throws -> [StoredTransferIn] {
        try grant.require(.transferPeople)
        return try await TransferQueries(store: store).transfersIn(before: before, limit: limit)
    }

    /// One received package whatever its state: while it waits, the page's
    /// view (audited there as a view of the package); once decided, the
    /// receipt and the decision, as the list shows them.
    public func transferIn(for grant: AccessGrant, id: Int64, at now: Date) async throws -> TransferInRead {
        try grant.require(.transferPeople)
        guard let stored = try await TransferQueries(store: store).transferIn(id) else { throw Refusal.notFound("There is no transfer \(id).") }
        guard stored.status == .received else { return TransferInRead(stored: stored, waiting: nil) }
        return TransferInRead(stored: stored, waiting: try await transferInView(for: grant, id: id, at: now))
    }
}
