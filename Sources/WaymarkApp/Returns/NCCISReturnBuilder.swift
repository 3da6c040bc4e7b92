public import WaymarkCore
import WaymarkFormats
import WaymarkRecords
public import WaymarkStore

/// Builds the NCCIS monthly return for one LA and period end: selects the
/// cohort, derives currency, validates every record and the file, and hands
/// the XML to `write` piece by piece so memory does not grow with the LA.
public struct NCCISReturnBuilder: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry
    let laCode: LocalAuthorityCode
    let databaseID: String
    let currency: CurrencyPolicy
    let selection: ReturnSelection

    public init(
        store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode, databaseID: String? = nil,
        currency: CurrencyPolicy = .waymarkDefault, cohort: CohortPolicy = .standard
    ) {
        self.store = store
        self.registry = registry
        self.laCode = laCode
        // Documented default (docs/POLICIES.md): the database id is the LA code.
        self.databaseID = databaseID ?? laCode.code
        self.currency = currency
        self.selection = ReturnSelection(cohort: cohort)
    }

    public func header(periodEnd: CalendarDate, dateOfSend: CalendarDate) -> ReturnHeader {
        ReturnHeader(databaseIDs: [databaseID], sourceLAs: [laCode.code], dateOfSend: dateOfSend, periodEnd: periodEnd)
    }

    /// Validates the whole return; with `write`, also produces the XML.
    public func build(
        periodEnd: CalendarDate, dateOfSend: CalendarDate, write: ((String) throws -> Void)? = nil, progress: PersonBundleReader.ReadProgress? = nil
    ) async throws -> ReturnReadiness {
        let header = header(periodEnd: periodEnd, dateOfSend: dateOfSend)
        let rules = ReturnRules(header: header, registry: registry, cohort: selection.cohort)
        let mapper = ReturnRecordMapper(databaseID: databaseID, periodEnd: periodEnd, currency: currency)
        var readiness = ReturnReadiness(periodEnd: periodEnd)
        var fileChecks = ReturnFileChecks()
        try write?(NCCISXML.start(header))
        try await PersonBundleReader(store: store, registry: registry).forEachBatch(responsibleLA: laCode.code, progress: progress) { batch in
            for person in batch where includes(person, periodEnd: periodEnd) {
                let record = mapper.record(person)
                readiness.records += 1
                readiness.add(unreadable: person.unreadable)
                for finding in rules.check(record) + fileChecks.add(record) { readiness.add(finding) }
                try write?(NCCISXML.record(record))
            }
        }
        try write?(NCCISXML.end)
        return readiness
    }

    private func includes(_ person: PersonBundle, periodEnd: CalendarDate) -> Bool {
        selection.includes(
            cohortStatus: person.cohortStatus, statusSince: person.cohortStatusSince, dateOfBirth: person.dateOfBirth,
            hasSEND: person.need(on: periodEnd)?.hasSEND ?? false, periodEnd: periodEnd)
    }
}
