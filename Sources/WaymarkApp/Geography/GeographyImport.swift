public import Foundation
public import WaymarkCore
public import WaymarkFormats
public import WaymarkStore

/// Loads ward boundaries and the postcode lookup (`waymark geography import`,
/// and the demo's own). Both files are read and checked before anything is
/// written; then one transaction replaces the wards and the lookup, so a
/// refused file or a failure half way keeps nothing, and a file loaded again
/// changes nothing.
public struct GeographyImport: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public struct Summary: Sendable, Equatable {
        public var wards: GeographyChange?
        public var postcodes: GeographyChange?
        /// Postcodes of wards not loaded (the ONS directory covers the whole country).
        public var otherWards = 0
        /// Postcodes the directory places in no ward.
        public var withoutWard = 0
    }

    /// A file that was refused, named, with its problems.
    public struct FileRefused: Error, CustomStringConvertible {
        public let file: String
        public let error: GeographyFileError
        public var description: String { "\(file): nothing was loaded.\n" + error.description }
    }

    /// Reads the files as given (either may be absent), then stores them in one transaction.
    public func run(
        boundaries: (data: Data, name: String)?, options: WardBoundaryReader.Options = .init(),
        postcodes: (bytes: [UInt8], name: String)?, wardColumn: String? = nil, limits: GeographyLimits = .standard,
        by userID: Int64? = nil, at now: Date
    ) async throws -> Summary {
        var wards: [WardShape]?
        if let boundaries {
            do {
                wards = try WardBoundaryReader.read(boundaries.data, options: options, limits: limits)
            } catch {
                throw FileRefused(file: boundaries.name, error: error)
            }
        }
        var lookup: PostcodeWardReader.Reading?
        if let postcodes {
            do {
                lookup = try PostcodeWardReader.read(postcodes.bytes, wardColumn: wardColumn, limits: limits)
            } catch {
                throw FileRefused(file: postcodes.name, error: error)
            }
        }
        let source = "geography:" + [boundaries?.name, postcodes?.name].compactMap { $0 }.joined(separator: "+")
        return try await store(wards: wards, postcodes: lookup?.entries, withoutWard: lookup?.withoutWard ?? 0,
                               actor: Actor(userID: userID, source: String(source.prefix(200)), label: userID.map { "user:\($0)" } ?? "system:geography"), at: now)
    }

    /// Stores wards and postcodes already read (the synthetic LA's, or a file's).
    public func store(wards: [WardShape]?, postcodes: [PostcodeWard]?, withoutWard: Int = 0, actor: Actor, at now: Date) async throws -> Summary {
        try await store.change(by: actor, at: now) { tx in
            var summary = Summary(withoutWard: withoutWard)
            if let wards { summary.wards = try await tx.replaceWards(wards) }
            if let postcodes {
                let (change, other) = try await tx.replaceWardPostcodes(postcodes)
                summary.postcodes = change
                summary.otherWards = other
            }
            return summary
        }
    }
}

/// The wards for the figures page's map: boundaries, not people, so no view is audited.
public struct GeographyDesk: Sendable {
    let store: Store

    public func wards(for grant: AccessGrant) async throws -> [WardShape] {
        try grant.require(.figures)
        return try await WardStore(store: store).wards()
    }
}
