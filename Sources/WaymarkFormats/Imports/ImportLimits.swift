/// Bounds on what one file may hold, so that a wrong or hostile file is
/// refused with a message instead of exhausting memory. The defaults are far
/// above any real list: a large authority's Year 11 is about 15,000 pupils.
public struct ImportLimits: Hashable, Sendable {
    /// Characters in one cell (or one CTF element's text).
    public var maxCellCharacters: Int
    /// Data rows (or CTF pupils) in one file.
    public var maxRows: Int
    /// Bytes of one part of an XLSX once unzipped (guards against zip bombs).
    public var maxUnzippedBytes: Int
    /// Cells a file may make the reader hold: in an XLSX sheet counting the
    /// empty cells left of a filled one (and shared strings), in a CSV every
    /// field. A few bytes of XML can name column XFD, and each comma is a
    /// cell, so without this a small file could ask for gigabytes.
    public var maxCells: Int

    public init(
        maxCellCharacters: Int = 10_000, maxRows: Int = 200_000, maxUnzippedBytes: Int = 256 * 1024 * 1024,
        maxCells: Int = 10_000_000
    ) {
        self.maxCellCharacters = maxCellCharacters
        self.maxRows = maxRows
        self.maxUnzippedBytes = maxUnzippedBytes
        self.maxCells = maxCells
    }

    public static let standard = ImportLimits()
}
