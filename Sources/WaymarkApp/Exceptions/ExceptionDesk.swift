public import Foundation
public import WaymarkCore
import WaymarkMatching
public import WaymarkRecords
import WaymarkStore

/// The exception queue as its page shows it.
public struct ExceptionQueue: Sendable {
    public let exceptions: [StoredMatchException]
    /// Names of the people in scope the queue mentions; a pair with someone out of scope shows no name.
    public let names: [Int64: String]
    public let scan: JobState
    public let scanned: DuplicateScanSummary?
}

/// One exception: a suspected duplicate with both records, or an incoming
/// row with the record the matcher thought it might be.
public enum ExceptionCase: Sendable {
    case duplicate(StoredMatchException, left: PersonBundle, right: PersonBundle)
    case importRow(StoredMatchException, candidate: PersonBundle?)
}

/// A merge as its page shows it.
public struct MergeView: Sendable {
    public let merge: StoredMerge
    public let keptName: String
    public let mergedName: String
}

/// The match exception queue: suspected duplicates and unsure import rows,
/// decided by merging, linking, creating or rejecting; and every merge can
/// be undone. Pages that show people are audited with who they showed.
public struct ExceptionDesk: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry
    let laCode: LocalAuthorityCode

    init(store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode) {
        self.store = store
        self.registry = registry
        self.laCode = laCode
    }

    static let noSuchMerge = Refusal.notFound("There is no merge with that id in the records you can see.")
    static let alreadyDecided = Refusal.conflict("This exception has already been decided.")

    public func queue(for grant: AccessGrant, at now: Date) async throws -> ExceptionQueue {
        try grant.require(.resolveMatches)
        let (exceptions, names) = try await openExceptions(for: grant)
        let scan = try await JobDesk(store: store).state(of: .duplicateScan(scope: grant.scope))
        try await ViewAudit.record(
            store, grant, at: now, entity: "match_exception", detail: "open exceptions; \(ViewAudit.shown(names.keys.sorted()))")
        return ExceptionQueue(
            exceptions: exceptions, names: names, scan: scan, scanned: try scan.lastDone?.decodedResult(as: DuplicateScanSummary.self))
    }

    /// The open exceptions with the names of the people in scope they mention:
    /// one read for everyone named, limited to the scope (a pair with someone
    /// out of scope is not shown).
    func openExceptions(for grant: AccessGrant) async throws -> ([StoredMatchException], [Int64: String]) {
        let exceptions = try await MatchExceptionQueries(store: store).open()
        let ids = Set(exceptions.flatMap { [$0.personID, $0.otherPersonID].compactMap { $0 } })
        var names: [Int64: String] = [:]
        for person in try await ImportCandidatesQuery(store: store, scope: grant.scope).records(ids) {
            if let id = Int64(person.recordID) { names[id] = [person.givenName, person.familyName].compactMap { $0 }.joined(separator: " ") }
        }
        return (exceptions, names)
    }

    /// Queues a scan of everyone in scope, or joins the one under way.
    @discardableResult
    public func requestScan(for grant: AccessGrant, at now: Date) async throws -> StoredJob {
        try grant.require(.resolveMatches)
        return try await JobDesk(store: store).request(.duplicateScan(scope: grant.scope), by: grant.user.id, at: now)
    }

    public func exception(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> ExceptionCase {
        try grant.require(.resolveMatches)
        let any = try await load(id)
        let shown: ExceptionCase
        if any.kind == .importRow {
            shown = .importRow(any, candidate: try await any.personID.asyncFlatMap { try await person($0, grant: grant, now: now) })
        } else {
            let (exception, left, right) = try await duplicate(id, grant: grant, now: now)
            shown = .duplicate(exception, left: left, right: right)
        }
        let people: [Int64] = switch shown {
        case .duplicate(_, let left, let right): [left.id, right.id]
        case .importRow(_, let candidate): [candidate?.id].compactMap { $0 }
        }
        try await ViewAudit.record(
            store, grant, at: now, entity: "match_exception", entityID: id, detail: "\(any.kind.rawValue); \(ViewAudit.shown(people))")
        return shown
    }

    /// Merges the pair keeping `keep`, and closes the exception, in one transaction; returns the merge.
    public func merge(_ id: Int64, keep: Int64?, for grant: AccessGrant, at now: Date) async throws -> Int64 {
        try grant.require(.resolveMatches)
        let (exception, left, right) = try await duplicate(id, grant: grant, now: now)
        guard exception.status == .open else { throw Self.alreadyDecided }
        guard let keep, keep == left.id || keep == right.id else { throw Refusal.invalid("keep: choose which of the two records to keep.") }
        let merged = keep == left.id ? right.id : left.id
        let userID = grant.user.id
        return try await store.change(by: grant.actor, at: now) { tx in
            let mergeID = try await tx.mergePeople(kept: keep, merged: merged)
            guard try await tx.resolveException(exception.id, as: .merged, resolution: "merge \(mergeID)", by: userID) else {
                throw Self.alreadyDecided
            }
            return mergeID
        }
    }

    /// Not the same person: the exception closes and nothing else changes.
    public func reject(_ id: Int64, for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.resolveMatches)
        let exception = try await load(id)
        let userID = grant.user.id
        _ = try await store.change(by: grant.actor, at: now) { tx in
            try await tx.resolveException(exception.id, as: .rejected, resolution: "not the same person", by: userID)
        }
    }

    /// Links an incoming row to a young person the user can see; returns that person.
    public func link(_ id: Int64, to personID: Int64?, for grant: AccessGrant, at now: Date) async throws -> Int64 {
        try grant.require(.resolveMatches)
        let exception = try await load(id)
        guard exception.kind == .importRow else { throw Refusal.notFound("Only an incoming row can be linked.") }
        guard let personID, try await CaseloadLookup(store: store).placement(of: personID, in: grant.scope) != nil else {
            throw Refusal.invalid("person: enter the record number of a young person you can see.")
        }
        return try resolved(try await ImportExceptionDesk(store: store, laCode: laCode).link(exception, to: personID, by: grant.user.id, now: now))
    }

    /// Makes a new young person from an incoming row; returns them.
    public func create(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> Int64 {
        try grant.require(.resolveMatches)
        let exception = try await load(id)
        guard exception.kind == .importRow else { throw Refusal.notFound("Only an incoming row can make a new record.") }
        return try resolved(try await ImportExceptionDesk(store: store, laCode: laCode).create(exception, by: grant.user.id, now: now))
    }

    /// A merge, with both names, while the record it concerns is in scope.
    public func merge(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> MergeView {
        try grant.require(.resolveMatches)
        let merge = try await loadMerge(id)
        guard try await CaseloadLookup(store: store).placement(of: merge.undoneAt == nil ? merge.keptPersonID : merge.mergedPersonID, in: grant.scope) != nil
        else { throw Self.noSuchMerge }
        let people = PersonQueries(store: store, registry: registry)
        func name(_ id: Int64) async throws -> String {
            try await people.person(id).map { "\($0.person.identity.givenName) \($0.person.identity.familyName)" } ?? "young person \(id)"
        }
        let view = MergeView(merge: merge, keptName: try await name(merge.keptPersonID), mergedName: try await name(merge.mergedPersonID))
        try await ViewAudit.record(
            store, grant, at: now, entity: "person_merge", entityID: id, detail: ViewAudit.shown([merge.keptPersonID, merge.mergedPersonID]))
        return view
    }

    /// Moves back exactly the rows the merge moved.
    public func undo(_ id: Int64, for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.resolveMatches)
        let merge = try await loadMerge(id)
        guard try await CaseloadLookup(store: store).placement(of: merge.keptPersonID, in: grant.scope) != nil else { throw Self.noSuchMerge }
        let userID = grant.user.id
        do {
            _ = try await store.change(by: grant.actor, at: now) { tx in try await tx.undoMerge(merge.id, by: userID) }
        } catch let error as MergeError {
            throw Refusal.conflict(error.description)
        }
    }

    private func resolved(_ result: ImportResolution) throws -> Int64 {
        switch result {
        case .linked(let personID, _), .created(let personID): personID
        case .alreadyDecided: throw Self.alreadyDecided
        case .unreadable(let why): throw Refusal.invalid("This row cannot be used: \(why).")
        }
    }

    private func load(_ id: Int64) async throws -> StoredMatchException {
        guard let exception = try await MatchExceptionQueries(store: store).exception(id) else {
            throw Refusal.notFound("There is no exception with that id.")
        }
        return exception
    }

    private func duplicate(_ id: Int64, grant: AccessGrant, now: Date) async throws -> (StoredMatchException, PersonBundle, PersonBundle) {
        guard let exception = try await MatchExceptionQueries(store: store).exception(id), exception.kind == .duplicate,
            let leftID = exception.personID, let rightID = exception.otherPersonID,
            let left = try await person(leftID, grant: grant, now: now), let right = try await person(rightID, grant: grant, now: now)
        else { throw Refusal.notFound("There is no open exception with that id in the records you can see.") }
        return (exception, left, right)
    }

    /// A person in scope as the grant may see them, or nil.
    private func person(_ id: Int64, grant: AccessGrant, now: Date) async throws -> PersonBundle? {
        guard let whole = try await PersonBundleReader(store: store, registry: registry).person(id, responsibleLA: grant.scope.laCode),
            try await CaseloadLookup(store: store).placement(of: id, in: grant.scope) != nil
        else { return nil }
        let today = CalendarDate.today(from: now)
        return RecordRedaction.withholding(whole, showing: grant.visibleClasses, current: ActivityHistory.current(in: whole.activities, on: today))
    }

    private func loadMerge(_ id: Int64) async throws -> StoredMerge {
        guard let merge = try await MergeQueries(store: store).merge(id) else { throw Self.noSuchMerge }
        return merge
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
