public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkMatching
import WaymarkStore

/// The return page for a period end: the latest readiness a job found, the
/// file being generated, and the history of generated returns.
public struct ReturnsView: Sendable {
    public let readiness: JobState
    public let generation: JobState?
    public let history: [StoredReturn]
    /// The names of the young people the readiness gives as examples, so a
    /// data manager knows whose record to open (the view is audited).
    public let exampleNames: [Int64: String]
}

/// A generated statutory file, for download.
public struct ReturnFile: Sendable {
    public let fileName: String
    public let data: Data
}

/// The data manager's statutory return: readiness, generating the XML (both
/// jobs, never computed in a request) and downloading it, audited as an export.
public struct ReturnDesk: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode
    let returnsDirectory: String
    let resultLifetime: TimeInterval

    init(store: Store, laCode: LocalAuthorityCode, returnsDirectory: String, resultLifetime: TimeInterval) {
        self.store = store
        self.laCode = laCode
        self.returnsDirectory = returnsDirectory
        self.resultLifetime = resultLifetime
    }

    var jobs: JobDesk { JobDesk(store: store) }

    /// Never computes: asks for a fresh readiness when the latest is old.
    public func returns(periodEnd: CalendarDate, for grant: AccessGrant, at now: Date) async throws -> ReturnsView {
        try grant.require(.statutoryReturns)
        let readiness = try await jobs.refreshed(.readiness(periodEnd: periodEnd), by: grant.user.id, now: now, lifetime: resultLifetime)
        let found = try readiness.lastDone?.decodedResult(as: ReturnReadiness.self)
        return ReturnsView(
            readiness: readiness, generation: try await generationState(periodEnd),
            history: try await ReturnHistoryQuery(store: store).returns(laCode: laCode.code),
            exampleNames: try await exampleNames(found, for: grant, at: now))
    }

    /// The page shows at most this many examples of each finding.
    public static let examplesShown = 20

    private func exampleNames(_ readiness: ReturnReadiness?, for grant: AccessGrant, at now: Date) async throws -> [Int64: String] {
        guard let readiness else { return [:] }
        let ids = Set(readiness.errors.flatMap { $0.examples.prefix(Self.examplesShown).map(\.personID) })
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for person in try await ImportCandidatesQuery(store: store, scope: grant.scope).records(ids) {
            if let id = Int64(person.recordID) { names[id] = [person.givenName, person.familyName].compactMap { $0 }.joined(separator: " ") }
        }
        try await ViewAudit.record(
            store, grant, at: now, entity: "return_readiness", detail: "readiness examples; \(ViewAudit.shown(names.keys.sorted()))")
        return names
    }

    public func requestReturn(periodEnd: CalendarDate, force: Bool, for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.statutoryReturns)
        try await jobs.request(.nccisReturn(periodEnd: periodEnd, force: force), by: grant.user.id, at: now)
    }

    /// Asks for the readiness again now, whatever its age.
    public func requestReadiness(periodEnd: CalendarDate, for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.statutoryReturns)
        try await jobs.request(.readiness(periodEnd: periodEnd), by: grant.user.id, at: now)
    }

    public func download(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> ReturnFile {
        try grant.require(.statutoryReturns)
        guard let stored = try await ReturnHistoryQuery(store: store).returns(laCode: laCode.code, limit: 500).first(where: { $0.id == id }) else {
            throw Refusal.notFound("There is no such return.")
        }
        let path = URL(fileURLWithPath: returnsDirectory).appendingPathComponent(stored.generated.fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Refusal.notFound("The file for this return is no longer on this server; generate it again.")
        }
        try await store.change(by: grant.actor, at: now) { tx in
            try await tx.audit(.export, entity: "generated_return", entityID: id, personID: nil, detail: "download; flow=\(DataFlowDefaults.Key.nccisReturn)")
        }
        return ReturnFile(fileName: stored.generated.fileName, data: data)
    }

    /// The generation for the period that is under way, or else the latest one (with or without "anyway").
    private func generationState(_ periodEnd: CalendarDate) async throws -> JobState? {
        var states: [JobState] = []
        for force in [false, true] { states.append(try await jobs.state(of: .nccisReturn(periodEnd: periodEnd, force: force))) }
        if let running = states.first(where: { $0.active != nil }) { return running }
        func newest(_ state: JobState) -> Int64 { max(state.lastDone?.id ?? 0, state.lastFailed?.id ?? 0) }
        return states.filter { newest($0) > 0 }.max { newest($0) < newest($1) }
    }
}
