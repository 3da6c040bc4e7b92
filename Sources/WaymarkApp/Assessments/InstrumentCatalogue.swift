public import Foundation
public import WaymarkCore
public import WaymarkFormats
import WaymarkRecords
public import WaymarkStore

/// The instruments an installation offers: the two Waymark ships (JSON in
/// this module's resources) and every version an LA loaded. The newest
/// version of each key is offered for new assessments; any version an
/// assessment was made with can still be read.
public struct InstrumentCatalogue: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The instruments Waymark ships, by file name in `Resources/instruments`.
    public static let shippedFiles = ["needs-assessment", "eet-readiness"]
    /// The one offered first, and to the young person when their adviser has used none.
    public static let defaultKey = "needs-assessment"

    /// Read once: they are part of the build, and a broken one is a build fault shown at first use.
    public static let shipped: [Instrument] = shippedFiles.compactMap { name in
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/instruments"),
            let data = try? Data(contentsOf: url), case .success(let instrument) = InstrumentReader.read(data)
        else { return nil }
        return instrument
    }

    /// Every version of every instrument, shipped first.
    public func all() async throws -> [Instrument] {
        let loaded = try await AssessmentQueries(store: store).loadedInstruments().compactMap { row -> Instrument? in
            guard case .success(let instrument) = InstrumentReader.read(Data(row.definition.utf8)) else { return nil }
            return instrument
        }
        return Self.shipped + loaded
    }

    /// The newest version of each key, the default first, then by title.
    public func current() async throws -> [Instrument] {
        var newest: [String: Instrument] = [:]
        for instrument in try await all() where (newest[instrument.key]?.version ?? 0) < instrument.version { newest[instrument.key] = instrument }
        return newest.values.sorted { first, second in
            if (first.key == Self.defaultKey) != (second.key == Self.defaultKey) { return first.key == Self.defaultKey }
            return first.title < second.title
        }
    }

    public func instrument(_ reference: InstrumentReference) async throws -> Instrument? {
        try await all().first { $0.reference == reference }
    }

    /// Loads an LA's instrument after checking it: a new key, or a higher version of one
    /// already offered. Returns the instrument, or every problem by field and rule.
    public func load(_ data: Data, at now: Date, by actor: Actor = .system("cli")) async throws -> Result<Instrument, InstrumentReadError> {
        let instrument: Instrument
        switch InstrumentReader.read(data) {
        case .failure(let error): return .failure(error)
        case .success(let read): instrument = read
        }
        if let newest = try await current().first(where: { $0.key == instrument.key }), newest.version >= instrument.version {
            return .failure(InstrumentReadError(problems: [InstrumentProblem(
                field: "version",
                rule: "must be higher than \(newest.version), the version of '\(instrument.key)' already in use: a changed instrument is a new version, so completed assessments keep theirs")]))
        }
        try await store.change(by: actor, at: now) { tx in
            _ = try await tx.loadInstrument(instrument, definition: String(decoding: data, as: UTF8.self))
        }
        return .success(instrument)
    }
}
