import Foundation

extension StorageOptions {
    /// Where the server keeps generated returns: `returns` in the data directory.
    var returnsDirectory: String {
        let dataDirectory = dataDir ?? ProcessInfo.processInfo.environment["WAYMARK_DATA_DIR"] ?? "data"
        return URL(fileURLWithPath: dataDirectory).appendingPathComponent("returns").path
    }
}
