public import WaymarkCore

/// What to generate.
public struct SyntheticLAConfiguration: Sendable, Equatable {
    public var seed: UInt64
    public var people: Int
    /// "Today" for the data: ages, pathways and currency are relative to it.
    public var referenceDate: CalendarDate
    public var laCode: String
    public var laName: String
    /// Share of records that are planted variants of another person (the truth for matching).
    public var duplicateRate: Double
    /// Share of records with a deliberately broken national rule (work for the readiness page).
    public var plantedErrorRate: Double

    public init(
        seed: UInt64 = 1, people: Int = 30_000, referenceDate: CalendarDate, laCode: String = "990", laName: String = "Northmere",
        duplicateRate: Double = 0.01, plantedErrorRate: Double = 0.002
    ) {
        self.seed = seed
        self.people = people
        self.referenceDate = referenceDate
        self.laCode = laCode
        self.laName = laName
        self.duplicateRate = duplicateRate
        self.plantedErrorRate = plantedErrorRate
    }
}

/// A school, college, provider, agency or the LA itself.
public struct SyntheticOrganisation: Sendable, Equatable {
    /// 1-based and stable for a configuration; key 1 is the local authority.
    public let key: Int
    public let kind: OrganisationKind
    public let name: String
    public let laCode: String
    /// Seven digits: the LA code and a four-digit DfE number.
    public let establishmentNumber: String?
    /// Eight digits starting with 1.
    public let ukprn: String?
    public let phase: String?
}

/// An activity with the organisation it happens at.
public struct SyntheticActivity: Sendable, Equatable {
    public let record: ActivityRecord
    public let organisationKey: Int?
}

/// One generated young person with their whole history.
public struct SyntheticPerson: Sendable, Equatable {
    public let key: Int
    public let identity: YoungPersonIdentity
    public let cohortStatus: CohortStatus
    public let responsibleLA: String
    public let educatedLA: String
    public let laCodeAtYear11: String?
    public let transferredToLA: String?
    public let schoolKey: Int?
    /// Oldest first; earlier ones closed.
    public let addresses: [AddressRecord]
    public let contactDetails: [ContactDetailRecord]
    /// Oldest first: the pathway.
    public let activities: [SyntheticActivity]
    public let characteristics: [CharacteristicRecord]
    public let needs: [NeedAssessment]
    public let intendedDestination: IntendedDestinationRecord?
    public let guarantees: [GuaranteeRecord]
    /// The key of the person this record is a planted variant of.
    public let duplicateOf: Int?
    /// National rules deliberately broken, e.g. ["NCCIS 259"].
    public let plantedErrors: [String]
    /// What the school reported: attendance, suspensions, attainment, free
    /// school meals, first language, moves (drawn from a stream of its own).
    public let schoolFacts: [SchoolFact]
}

extension SyntheticPerson {
    /// The same person held a second time under another key, as a variant.
    func recorded(again key: Int, identity: YoungPersonIdentity, postcode: String?) -> SyntheticPerson {
        var addresses = self.addresses
        if let postcode, let last = addresses.popLast() {
            addresses.append(AddressRecord(
                lines: last.lines, town: last.town, county: last.county, postcode: postcode, ward: PlaceTables.ward(ofPostcode: postcode)?.name ?? last.ward, validFrom: last.validFrom, validTo: last.validTo))
        }
        return SyntheticPerson(
            key: key, identity: identity, cohortStatus: cohortStatus, responsibleLA: responsibleLA, educatedLA: educatedLA,
            laCodeAtYear11: laCodeAtYear11, transferredToLA: transferredToLA, schoolKey: schoolKey, addresses: addresses,
            contactDetails: contactDetails, activities: activities, characteristics: characteristics, needs: needs,
            intendedDestination: intendedDestination, guarantees: guarantees, duplicateOf: self.key, plantedErrors: plantedErrors, schoolFacts: schoolFacts)
    }
}
