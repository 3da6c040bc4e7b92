public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

extension CaseworkDesk {
    /// Corrects a name or date of birth, keeping the old value and the
    /// reason. Refused with no reason, or when nothing would change.
    public func correctIdentity(_ correction: IdentityCorrection, on record: RecordForChange, at now: Date) async throws {
        guard record.visible.contains(.identity) else {
            throw Refusal.forbidden("Names and dates of birth are restricted for your role, so you cannot correct them.")
        }
        if correction.reason == .other, (correction.explanation ?? "").isEmpty {
            throw Refusal.invalid("correction-explanation: say why the record is being corrected.")
        }
        let personID = record.personID
        do {
            try await store.change(by: record.grant.actor, at: now) { tx in try await tx.correctIdentity(of: personID, correction) }
        } catch let error as CorrectionError {
            switch error {
            case .notFound: throw Self.notFound
            case .nothingChanged, .invalid: throw Refusal.invalid(error.description)
            }
        }
    }

    /// The corrections to show with the details page, newest first, with who made each.
    func corrections(of personID: Int64, visible: Set<SensitivityClass>) async throws -> (corrections: [StoredCorrection], names: [Int64: String]) {
        guard visible.contains(.identity) else { return ([], [:]) }
        let corrections = try await PersonContactQueries(store: store).corrections(of: personID)
        let names = try await CaseworkQueries(store: store).userNames(Set(corrections.compactMap(\.recordedBy)))
        return (corrections, names)
    }
}
