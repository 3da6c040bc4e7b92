/// An assessment instrument as data: areas in groups, one ordered scale
/// with a descriptor for every point, and how often it is reviewed. Waymark
/// ships two (see WaymarkApp's `Resources/instruments`); an LA loads others
/// with `waymark instruments load FILE`. Nothing about a particular
/// instrument is written in code, so a loaded one works the same way.
public struct Instrument: Sendable, Equatable, Codable {
    /// Lowercase letters, digits and hyphens; with `version`, names one definition for ever.
    public let key: String
    /// A changed definition is a new version: completed assessments keep the one they were made with.
    public let version: Int
    public let title: String
    /// What the instrument is for, shown above the form.
    public let description: String
    /// Weeks from one completed assessment to the next review.
    public let reviewIntervalWeeks: Int
    /// Whether a higher point is better (readiness) or worse (difficulty).
    public let higherIsBetter: Bool
    /// The points that mark an area as a need, from which a plan's goal may start.
    public let needPoints: [Int]
    /// In order, lowest value first.
    public let scale: [ScalePoint]
    public let groups: [AreaGroup]

    public init(
        key: String, version: Int, title: String, description: String, reviewIntervalWeeks: Int, higherIsBetter: Bool, needPoints: [Int],
        scale: [ScalePoint], groups: [AreaGroup]
    ) {
        self.key = key
        self.version = version
        self.title = title
        self.description = description
        self.reviewIntervalWeeks = reviewIntervalWeeks
        self.higherIsBetter = higherIsBetter
        self.needPoints = needPoints
        self.scale = scale
        self.groups = groups
    }

    public struct ScalePoint: Sendable, Equatable, Codable {
        public let value: Int
        public let label: String
        /// What the point means, in words an adviser and a young person share.
        public let descriptor: String

        public init(value: Int, label: String, descriptor: String) {
            self.value = value
            self.label = label
            self.descriptor = descriptor
        }
    }

    public struct AreaGroup: Sendable, Equatable, Codable {
        public let key: String
        public let title: String
        public let areas: [Area]

        public init(key: String, title: String, areas: [Area]) {
            self.key = key
            self.title = title
            self.areas = areas
        }
    }

    public struct Area: Sendable, Equatable, Codable {
        public let key: String
        public let title: String
        /// The question as put to the young person rating themselves.
        public let question: String

        public init(key: String, title: String, question: String) {
            self.key = key
            self.title = title
            self.question = question
        }
    }

    /// Every area, in the order of the groups.
    public var areas: [Area] { groups.flatMap(\.areas) }

    public func area(_ key: String) -> Area? { areas.first { $0.key == key } }

    public func point(_ value: Int) -> ScalePoint? { scale.first { $0.value == value } }

    public var lowest: Int { scale.first?.value ?? 0 }
    public var highest: Int { scale.last?.value ?? 0 }

    /// How far a rating is from the worst end, 0…(points − 1): the radar's distance from its centre, so "further out" is always better.
    public func progress(_ value: Int) -> Int { higherIsBetter ? value - lowest : highest - value }

    public func isNeed(_ value: Int) -> Bool { needPoints.contains(value) }

    /// "key v2", as stored and as audit details name it.
    public var reference: InstrumentReference { InstrumentReference(key: key, version: version) }
}

/// Which definition an assessment was made with.
public struct InstrumentReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public let key: String
    public let version: Int

    public init(key: String, version: Int) {
        self.key = key
        self.version = version
    }

    public var description: String { "\(key) v\(version)" }
}
