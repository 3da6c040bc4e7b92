import WaymarkCore

/// A fictional local authority, generated deterministically from a seed.
///
/// Any person can be generated on their own from (seed, key), so a loader can
/// stream the authority in batches and spread generation across cores.
public struct SyntheticLA: Sendable {
    public let configuration: SyntheticLAConfiguration
    public let organisations: [SyntheticOrganisation]
    let catalogue: OrganisationCatalogue
    /// The LA's own code, checked once rather than for every person.
    let laCode: LocalAuthorityCode?

    public init(_ configuration: SyntheticLAConfiguration) {
        self.configuration = configuration
        laCode = try? LocalAuthorityRegistry(additional: [configuration.laCode: configuration.laName]).code(configuration.laCode)
        catalogue = OrganisationCatalogue(laCode: configuration.laCode, laName: configuration.laName)
        organisations = catalogue.all
    }

    /// The person with this key (1-based). A planted duplicate is another
    /// person's record as a second source would hold it, with `duplicateOf` as the truth.
    public func person(_ key: Int) -> SyntheticPerson {
        var random = SeededGenerator(seed: configuration.seed, stream: UInt64(key))
        guard Self.drawIsVariant(key: key, rate: configuration.duplicateRate, random: &random) else {
            return PersonBuilder(la: self, key: key, random: random).build()
        }
        var original = random.int(1...(key - 1))
        while isVariant(original) { original = random.int(1...(key - 1)) }
        let truth = person(original)
        let variant = VariantGenerator.variant(of: truth, seed: configuration.seed ^ UInt64(key), in: self)
        return truth.recorded(again: key, identity: variant.identity, postcode: variant.postcode)
    }

    /// Whether a key is a planted duplicate (the first draw of its stream decides).
    func isVariant(_ key: Int) -> Bool {
        var random = SeededGenerator(seed: configuration.seed, stream: UInt64(key))
        return Self.drawIsVariant(key: key, rate: configuration.duplicateRate, random: &random)
    }

    private static func drawIsVariant(key: Int, rate: Double, random: inout SeededGenerator) -> Bool {
        let draw = random.chance(rate)
        return key > 50 && draw
    }

    public func people(_ keys: Range<Int>) -> [SyntheticPerson] {
        keys.map(person)
    }
}
