/// One entry in a young person's activity history: the fields of the NCCIS
/// current activity record, before currency is derived.
public struct ActivityRecord: Equatable, Hashable, Sendable {
    public var code: ActivityCode
    public var startDate: CalendarDate
    /// When the activity was found out (must not be before the start).
    public var dateAscertained: CalendarDate
    /// When it was last confirmed with the young person or the provider.
    public var dateVerified: CalendarDate?
    public var reviewDate: CalendarDate?
    /// Expected end of a course or programme; currency never runs past it.
    public var predictedEndDate: CalendarDate?
    /// When a NEET spell began; only for NEET activities.
    public var neetStartDate: CalendarDate?
    /// Seven digits: the LA code and the DfE establishment number.
    public var establishmentNumber: String?
    public var establishmentName: String?
    /// Eight digits starting with 1.
    public var ukprn: String?

    public init(
        code: ActivityCode, startDate: CalendarDate, dateAscertained: CalendarDate, dateVerified: CalendarDate? = nil,
        reviewDate: CalendarDate? = nil, predictedEndDate: CalendarDate? = nil, neetStartDate: CalendarDate? = nil,
        establishmentNumber: String? = nil, establishmentName: String? = nil, ukprn: String? = nil
    ) {
        self.code = code
        self.startDate = startDate
        self.dateAscertained = dateAscertained
        self.dateVerified = dateVerified
        self.reviewDate = reviewDate
        self.predictedEndDate = predictedEndDate
        self.neetStartDate = neetStartDate
        self.establishmentNumber = establishmentNumber
        self.establishmentName = establishmentName
        self.ukprn = ukprn
    }

    /// The last time anyone confirmed the activity: the anchor for currency.
    public var lastConfirmed: CalendarDate { max(dateAscertained, dateVerified ?? dateAscertained) }

    /// Builds a record and rejects it unless every entry rule holds.
    public static func validated(
        code: ActivityCode, startDate: CalendarDate, dateAscertained: CalendarDate, dateVerified: CalendarDate? = nil,
        reviewDate: CalendarDate? = nil, predictedEndDate: CalendarDate? = nil, neetStartDate: CalendarDate? = nil,
        establishmentNumber: String? = nil, establishmentName: String? = nil, ukprn: String? = nil
    ) throws -> ActivityRecord {
        let record = ActivityRecord(
            code: code, startDate: startDate, dateAscertained: dateAscertained, dateVerified: dateVerified,
            reviewDate: reviewDate, predictedEndDate: predictedEndDate, neetStartDate: neetStartDate,
            establishmentNumber: establishmentNumber, establishmentName: establishmentName, ukprn: ukprn)
        let violations = ActivityEntryRules.check(record)
        guard violations.isEmpty else { throw ValidationFailure(violations) }
        return record
    }
}
