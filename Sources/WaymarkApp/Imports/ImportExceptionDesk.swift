public import Foundation
public import WaymarkCore
import WaymarkFormats
public import WaymarkRecords
public import WaymarkStore

/// What became of an import exception.
public enum ImportResolution: Sendable, Equatable {
    /// Linked to the person, and the row's change recorded (or, with a reason, not).
    case linked(personID: Int64, note: String?)
    case created(personID: Int64)
    case alreadyDecided
    case unreadable(String)
}

/// A person's decision on an incoming row the matcher was not sure of:
/// link it to a young person on record, or create a new one.
public struct ImportExceptionDesk: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode
    let policy: ImportPolicy

    public init(store: Store, laCode: LocalAuthorityCode, policy: ImportPolicy = ImportPolicy()) {
        self.store = store
        self.laCode = laCode
        self.policy = policy
    }

    public func link(_ exception: StoredMatchException, to personID: Int64, by userID: Int64, now: Date) async throws -> ImportResolution {
        guard let incoming = exception.incoming.flatMap(IncomingRow.decode) else { return .unreadable("the incoming row cannot be read") }
        let today = CalendarDate.today(from: now)
        let targets = ImportTargetsQuery(store: store)
        let current = try await targets.currentActivities(of: [personID], on: today)[personID]
        let destination = try await targets.latestIntendedDestinations(of: [personID])[personID]
        let schools = try await targets.organisationsByNumber()
        // A CTF pupil cannot be read again (its school is the file's): linking says who they are.
        let row = incoming.reread()
        let change = row.map {
            ImportChange.decide($0.event, current: current, latestDestination: destination, today: today, toleranceDays: policy.toleranceDays)
        } ?? .unchanged
        let laCode = laCode
        return try await store.change(by: .user(userID), at: now) { tx in
            var note: String?
            if case .conflict(let reason) = change { note = "linked; not recorded: \(reason)" }
            guard try await tx.resolveException(exception.id, as: .linked, resolution: note ?? "linked to \(personID)", by: userID) else {
                return .alreadyDecided
            }
            let writer = ImportRowWriter(tx: tx, batchID: incoming.batch, laCode: laCode, today: today, schools: schools)
            _ = try await writer.apply(change, to: personID)
            if let row { _ = try await writer.recordRoll(row.event, for: personID) }
            return .linked(personID: personID, note: note)
        }
    }

    public func create(_ exception: StoredMatchException, by userID: Int64, now: Date) async throws -> ImportResolution {
        guard let incoming = exception.incoming.flatMap(IncomingRow.decode), let row = incoming.reread() else {
            return .unreadable("this row cannot make a new record (a CTF pupil is created by importing the file again)")
        }
        let today = CalendarDate.today(from: now)
        let schools = try await ImportTargetsQuery(store: store).organisationsByNumber()
        let laCode = laCode
        let toleranceDays = policy.toleranceDays
        return try await store.change(by: .user(userID), at: now) { tx in
            let writer = ImportRowWriter(tx: tx, batchID: incoming.batch, laCode: laCode, today: today, schools: schools)
            guard let person = writer.newPerson(row) else { return .unreadable("the row has no gender, or is a leaver, so a record cannot be made from it") }
            let violations = person.violations()
            guard violations.isEmpty else { return .unreadable(violations.map(\.description).joined(separator: "; ")) }
            guard try await tx.resolveException(exception.id, as: .created, resolution: nil, by: userID) else { return .alreadyDecided }
            return .created(personID: try await writer.create(person, from: row, toleranceDays: toleranceDays))
        }
    }
}
