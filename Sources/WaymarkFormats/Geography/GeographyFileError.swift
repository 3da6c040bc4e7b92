/// What is wrong with a boundaries or postcode file: where (a feature or a
/// row, counted from 1 as a person would), which field, and which rule.
/// A file with any problem is refused whole, so each import either loads
/// everything or nothing.
public struct GeographyProblem: Sendable, Equatable, CustomStringConvertible {
    /// "feature 3" or "row 12"; "the file" for what concerns it all.
    public let location: String
    public let field: String
    /// A short name for the rule broken, e.g. "ward-code", "ring-closed".
    public let rule: String
    public let message: String

    public init(location: String, field: String, rule: String, message: String) {
        self.location = location
        self.field = field
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(location), \(field): \(message) [\(rule)]" }
}

/// A refused file, with its first few problems.
public struct GeographyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [GeographyProblem]
    /// How many problems there were in all (only the first few are kept).
    public let total: Int

    public init(_ problems: [GeographyProblem], total: Int? = nil) {
        self.problems = problems
        self.total = total ?? problems.count
    }

    init(location: String, field: String, rule: String, _ message: String) {
        self.init([GeographyProblem(location: location, field: field, rule: rule, message: message)])
    }

    public var description: String {
        let more = total > problems.count ? "\n(and \(total - problems.count) more)" : ""
        return problems.map(\.description).joined(separator: "\n") + more
    }

    /// The first problems kept in an error; the rest are counted.
    static let kept = 10
}

/// How much a geography file may hold: a file is read whole into memory,
/// so these keep a huge or hostile one from exhausting it.
public struct GeographyLimits: Sendable {
    public var maxBytes: Int
    public var maxFeatures: Int
    /// Points in all the wards together.
    public var maxPoints: Int
    /// Points in one ward's boundary.
    public var maxPointsPerWard: Int
    /// Cells of a postcode file (a row of the full ONS directory has about 50).
    public var maxCells: Int

    public init(maxBytes: Int, maxFeatures: Int, maxPoints: Int, maxPointsPerWard: Int, maxCells: Int) {
        self.maxBytes = maxBytes
        self.maxFeatures = maxFeatures
        self.maxPoints = maxPoints
        self.maxPointsPerWard = maxPointsPerWard
        self.maxCells = maxCells
    }

    /// Enough for every ward in the UK at the ONS's generalised resolution
    /// (about 9,000 wards), or one postcode area of the ONS Postcode
    /// Directory (its multi-CSV folder splits the country by area).
    public static let standard = GeographyLimits(
        maxBytes: 128 << 20, maxFeatures: 12_000, maxPoints: 4_000_000, maxPointsPerWard: 400_000, maxCells: 8_000_000)
}
