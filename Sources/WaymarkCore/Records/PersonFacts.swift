/// A postal address held for a period.
public struct AddressRecord: Equatable, Hashable, Sendable {
    public var lines: [String]
    public var town: String?
    public var county: String?
    public var postcode: String
    /// The electoral ward, for local breakdowns.
    public var ward: String?
    public var validFrom: CalendarDate
    public var validTo: CalendarDate?

    public init(lines: [String], town: String?, county: String?, postcode: String, ward: String?, validFrom: CalendarDate, validTo: CalendarDate? = nil) {
        self.lines = lines
        self.town = town
        self.county = county
        self.postcode = postcode
        self.ward = ward
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// A phone number or e-mail address held for a period.
public struct ContactDetailRecord: Equatable, Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case mobile, landline, email
    }

    public var kind: Kind
    public var value: String
    public var validFrom: CalendarDate
    public var validTo: CalendarDate?

    public init(kind: Kind, value: String, validFrom: CalendarDate, validTo: CalendarDate? = nil) {
        self.kind = kind
        self.value = value
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// A characteristic that applies from one date until another (or still applies).
public struct CharacteristicRecord: Equatable, Hashable, Sendable {
    public var code: CharacteristicCode
    public var startDate: CalendarDate
    public var endDate: CalendarDate?

    public init(code: CharacteristicCode, startDate: CalendarDate, endDate: CalendarDate? = nil) {
        self.code = code
        self.startDate = startDate
        self.endDate = endDate
    }

    public func isCurrent(on date: CalendarDate) -> Bool {
        startDate <= date && (endDate.map { $0 >= date } ?? true)
    }
}

/// Level of need, SEND (EHC plan) and SEN support as assessed from a date.
public struct NeedAssessment: Equatable, Hashable, Sendable {
    public var levelOfNeed: LevelOfNeed
    /// An education, health and care plan (or statement / LDA).
    public var hasSEND: Bool
    public var hasSENSupport: Bool
    public var validFrom: CalendarDate

    public init(levelOfNeed: LevelOfNeed, hasSEND: Bool, hasSENSupport: Bool, validFrom: CalendarDate) {
        self.levelOfNeed = levelOfNeed
        self.hasSEND = hasSEND
        self.hasSENSupport = hasSENSupport
        self.validFrom = validFrom
    }

    /// A young person cannot be both SEND and SEN support (error 306).
    public func violations() -> [RuleViolation] {
        hasSEND && hasSENSupport
            ? [.nccis(306, field: "SENSupportFlag", "A young person cannot have both an EHC plan (SEND) and SEN support")]
            : []
    }
}

/// A Year 11 pupil's intended destination, as recorded on a date.
public struct IntendedDestinationRecord: Equatable, Hashable, Sendable {
    public var code: IntendedDestination
    public var recordedOn: CalendarDate

    public init(code: IntendedDestination, recordedOn: CalendarDate) {
        self.code = code
        self.recordedOn = recordedOn
    }
}

/// A September Guarantee record for one year group in one academic year.
public struct GuaranteeRecord: Equatable, Hashable, Sendable {
    public var year: GuaranteeYear
    public var academicYear: AcademicYear
    public var status: GuaranteeStatus
    /// The LA making the offer (must be recognised, error 261).
    public var laCode: LocalAuthorityCode
    /// The day it was recorded (its provenance); nil where that is not known, and then it counts from the start.
    public var recordedOn: CalendarDate?

    public init(year: GuaranteeYear, academicYear: AcademicYear, status: GuaranteeStatus, laCode: LocalAuthorityCode, recordedOn: CalendarDate? = nil) {
        self.year = year
        self.academicYear = academicYear
        self.status = status
        self.laCode = laCode
        self.recordedOn = recordedOn
    }

    /// Whether the record had been made by the end of a day.
    public func isRecorded(by date: CalendarDate) -> Bool { recordedOn.map { $0 <= date } ?? true }

    public func violations() -> [RuleViolation] {
        status.isAllowed(for: year)
            ? []
            : [RuleViolation(field: "GuaranteeStatus", rule: "NCCIS SG", message: "Status \(status.rawValue) is for Year 12 only")]
    }
}
