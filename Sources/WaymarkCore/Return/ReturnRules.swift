/// One error found in one record of a return.
///
/// Findings are logged and shown in the readiness report, so `detail` carries
/// codes, ids, ages and counts only: never a name, a date of birth or any part
/// of an address.
public struct ReturnFinding: Sendable, Hashable {
    public let error: ReturnError
    /// The store's id of the young person, for links from the report.
    public let personID: Int64
    public let youngPersonsID: String
    /// What exactly is wrong in this record, e.g. "Ethnicity code 'ZZZZ'".
    public let detail: String?

    public init(error: ReturnError, personID: Int64, youngPersonsID: String, detail: String?) {
        self.error = error
        self.personID = personID
        self.youngPersonsID = youngPersonsID
        self.detail = detail
    }
}

/// The record-level NCCIS validation rules (Appendix D) for one monthly return.
///
/// Rules that compare records with each other (902, 907, 908) are in
/// ``ReturnFileChecks``. Where Waymark already checks a rule when data is
/// entered (``ActivityEntryRules``, ``PersonActivityRules``, ``GuaranteeRecord``),
/// the return reuses that rule on the typed record, so the two can never
/// disagree; a record whose codes do not parse gets the "not recognised" error
/// instead, plus the checks that do not depend on the broken code.
public struct ReturnRules: Sendable {
    public let header: ReturnHeader
    public let registry: LocalAuthorityRegistry
    public let cohort: CohortPolicy
    /// Whether a missing Year 11 intended destination is an error (301).
    /// NCCIS dropped the rule in 2020-21, so it is off unless asked for.
    public let requireIntendedDestination: Bool

    /// The oldest academic age the return may hold (error 9): the year someone
    /// with SEND turns 25.
    static let oldestAcademicAge = 25
    /// From this academic age only young people with SEND are returned (errors 33, 40).
    static let sendOnlyFromAcademicAge = 20

    public init(
        header: ReturnHeader, registry: LocalAuthorityRegistry, cohort: CohortPolicy = .standard,
        requireIntendedDestination: Bool = false
    ) {
        self.header = header
        self.registry = registry
        self.cohort = cohort
        self.requireIntendedDestination = requireIntendedDestination
    }

    /// Every record-level error in one record, in the order of the record's
    /// elements (personal details, guarantee, level of need, activity,
    /// intended destination).
    public func check(_ record: ReturnRecord) -> [ReturnFinding] {
        var found = FindingCollector(record: record)
        checkIdentifiers(record, into: &found)
        checkIdentity(record, into: &found)
        checkCohortAndAuthorities(record, into: &found)
        checkAddress(record, into: &found)
        checkYouthContract(record, into: &found)
        checkGuarantees(record, into: &found)
        checkLevelOfNeed(record, into: &found)
        checkActivity(record, into: &found)
        checkIntendedDestination(record, into: &found)
        return found.findings
    }

    /// Academic age at the period end, when the date of birth is known.
    func academicAge(of record: ReturnRecord) -> Int? {
        record.dateOfBirth.map { AcademicAge.of(dateOfBirth: $0, on: header.periodEnd) }
    }

    /// Whether a code is in the registry (and so in Appendix B or added locally).
    func isRecognisedLA(_ code: String) -> Bool {
        (try? registry.code(code)) != nil
    }
}

/// Gathers one record's findings, stamping each with the record's ids.
struct FindingCollector {
    let record: ReturnRecord
    private(set) var findings: [ReturnFinding] = []

    init(record: ReturnRecord) {
        self.record = record
    }

    mutating func report(_ number: Int, _ detail: String? = nil) {
        findings.append(
            ReturnFinding(
                error: ReturnErrorCatalogue.error(number), personID: record.personID,
                youngPersonsID: record.youngPersonsID, detail: detail))
    }

    /// Reports an entry-time rule under its Appendix D number, keeping the
    /// rule's own sentence (which names codes and year groups, never people)
    /// as the detail.
    mutating func report(_ violation: RuleViolation, numberIfUnnumbered: Int? = nil) {
        let prefix = "NCCIS "
        let number = violation.rule.hasPrefix(prefix) ? Int(violation.rule.dropFirst(prefix.count)) : nil
        guard let number = number ?? numberIfUnnumbered else {
            preconditionFailure("rule \(violation.rule) has no Appendix D number")
        }
        report(number, violation.message)
    }
}

extension Optional where Wrapped == String {
    /// The value without surrounding white space, or nil when it is absent or blank:
    /// an empty element is as missing as an absent one.
    var nonBlank: String? {
        guard let trimmed = self?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension String {
    /// Exactly `count` ASCII digits.
    func isDigits(count: Int) -> Bool {
        self.count == count && allSatisfy(\.isASCIIDigit)
    }
}

extension CalendarDate {
    /// Whether the date can be written as CCYY-MM-DD: day arithmetic can carry a
    /// date past year 9999, which the checked initialisers never produce.
    var isWritableAsCCYYMMDD: Bool { (1...9999).contains(year) }
}
