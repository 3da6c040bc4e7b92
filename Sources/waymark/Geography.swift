import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkFormats
import WaymarkStore

/// The LA's wards: boundaries for the figures' map and the postcode lookup
/// that puts each young person in a ward.
struct Geography: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load ward boundaries and the postcode-to-ward lookup from the ONS.", subcommands: [GeographyImportCommand.self])
}

struct GeographyImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load ward boundaries (GeoJSON) and/or the ONS Postcode Directory (CSV); each replaces what was loaded before.",
        discussion: """
            Boundaries: a GeoJSON FeatureCollection of Polygon or MultiPolygon wards in longitude and latitude (WGS 84), \
            as the ONS Open Geography Portal publishes them, with the code and name in properties like WD24CD and WD24NM. \
            Postcodes: the ONS Postcode Directory's CSV (pcds and osward columns), or one postcode area's file of it; \
            postcodes of wards not loaded are left out, so load the boundaries first or together. \
            A file with any problem is refused whole and nothing is loaded; loading the same file again changes nothing.
            """)

    @OptionGroup var storage: StorageOptions

    @Option(help: "The ward boundaries, GeoJSON.")
    var boundaries: String?

    @Option(help: "The postcode-to-ward lookup, CSV (ONS Postcode Directory).")
    var postcodes: String?

    @Option(help: "The property holding a ward's code (default: the one named like WD24CD).")
    var codeProperty: String?

    @Option(help: "The property holding a ward's name (default: the one named like WD24NM).")
    var nameProperty: String?

    @Option(help: "Keep only the wards of this local authority district (e.g. E08000035), from a national boundaries file.")
    var district: String?

    @Option(help: "The postcode file's ward code column (default: osward, or one named like WD24CD).")
    var wardColumn: String?

    func run() async throws {
        guard boundaries != nil || postcodes != nil else {
            throw ValidationError("Give --boundaries, --postcodes or both.")
        }
        func contents(_ path: String) throws -> Data {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes?[.size] as? Int, size > GeographyLimits.standard.maxBytes {
                throw ValidationError("\(path): \(size) bytes; at most \(GeographyLimits.standard.maxBytes) are read")
            }
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot be read") }
            return data
        }
        let boundaryFile = try boundaries.map { (data: try contents($0), name: URL(fileURLWithPath: $0).lastPathComponent) }
        let postcodeFile = try postcodes.map { (bytes: [UInt8](try contents($0)), name: URL(fileURLWithPath: $0).lastPathComponent) }
        let options = WardBoundaryReader.Options(codeProperty: codeProperty, nameProperty: nameProperty, district: district)
        do {
            let summary = try await storage.withStore(logger: CommandLogging.logger("geography")) { store in
                try await GeographyImport(store: store).run(
                    boundaries: boundaryFile, options: options, postcodes: postcodeFile, wardColumn: wardColumn, at: Date())
            }
            if let wards = summary.wards {
                print("wards: \(wards.added) added, \(wards.changed) changed, \(wards.removed) removed, \(wards.unchanged) unchanged")
            }
            if let postcodes = summary.postcodes {
                print("postcodes: \(postcodes.added) added, \(postcodes.changed) changed, \(postcodes.removed) removed, \(postcodes.unchanged) unchanged; "
                    + "\(summary.otherWards) in wards not loaded, \(summary.withoutWard) in no ward")
            }
        } catch let refused as GeographyImport.FileRefused {
            print(refused.description)
            throw ExitCode(1)
        }
    }
}
