public import Foundation
public import WaymarkCore
import WaymarkFormats
import WaymarkRecords
public import WaymarkStore

/// A subject access pack as handed over: a ZIP of the JSON and the HTML document.
public struct SubjectAccessFile: Sendable {
    public let fileName: String
    public let data: Data
    public let pack: SubjectAccessPack
}

/// Reads everything held about one person into a ``SubjectAccessPack`` and
/// writes the ZIP. One person's record is a few hundred rows and its audit
/// trail a few thousand events, read a page at a time, so the pack is made
/// in the request that asks for it rather than left as a file of someone's
/// whole record waiting on disk for a job to finish; the trail is bounded
/// all the same.
public struct SubjectAccessPackWriter: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode
    let laName: String

    /// Events read at most: far beyond any real record's trail, so a runaway one cannot exhaust memory.
    public static let maximumEvents = 200_000

    public init(store: Store, laCode: LocalAuthorityCode, laName: String) {
        self.store = store
        self.laCode = laCode
        self.laName = laName
    }

    /// The pack for `person`, or nil when the LA holds no such record.
    public func pack(person: Int64, producedBy: String, at now: Date) async throws -> SubjectAccessPack? {
        let queries = SubjectAccessQueries(store: store)
        guard let record = try await queries.person(person, responsibleLA: laCode.code) else { return nil }
        var tables: [(key: String, title: String, explanation: String, rows: [StoredRow])] = []
        for section in SubjectAccessPack.sectionTitles {
            tables.append((section.key, section.title, section.explanation, try await queries.rows(of: person, in: section.key)))
        }
        let history = try await events(about: person)
        let all = [record] + tables.flatMap(\.rows)
        let users = try await queries.userNames(Set(all.flatMap { row in Self.userColumns.compactMap { row[$0].id } }))
        let organisations = try await queries.organisationNames(Set(all.flatMap { row in Self.organisationColumns.compactMap { row[$0].id } }))
        let words = RowWords(users: users, organisations: organisations)
        let classes = Dictionary(PersonTables.all.map { ($0.name, $0.dataClass) }, uniquingKeysWith: { first, _ in first })
        let name = [record["given_name"].display, record["family_name"].display].filter { !$0.isEmpty }.joined(separator: " ")
        return SubjectAccessPack(
            personID: person, name: name, localAuthority: laName, producedAt: now, producedBy: producedBy,
            record: words.row(record, table: "young_person"),
            sections: tables.map { table in
                SubjectAccessPack.Section(
                    key: table.key, title: table.title, explanation: table.explanation,
                    dataClass: table.key == "participation_position" ? .currentActivity : classes[table.key] ?? nil,
                    rows: table.rows.map { words.row($0, table: table.key) })
            },
            history: history)
    }

    /// The ZIP: `subject-access-<id>.json` and `.html`.
    public func file(_ pack: SubjectAccessPack) throws -> SubjectAccessFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let base = "subject-access-\(pack.personID)"
        let data = try ZIPPack.archive(
            [
                ZIPPack.Entry(path: "\(base).json", data: try encoder.encode(pack)),
                ZIPPack.Entry(path: "\(base).html", data: Data(SubjectAccessDocument.html(pack).utf8)),
            ], modified: pack.producedAt)
        return SubjectAccessFile(fileName: "\(base).zip", data: data, pack: pack)
    }

    /// The pack's readable document, as the ZIP holds it.
    public static func document(_ pack: SubjectAccessPack) -> String {
        SubjectAccessDocument.html(pack)
    }

    /// Produces the file and audits it, in that order: if the audit cannot be
    /// written, nothing is handed over. The audit says how much, never what.
    public func produce(person: Int64, producedBy: String, actor: Actor, purpose: String, at now: Date) async throws -> SubjectAccessFile? {
        guard let pack = try await pack(person: person, producedBy: producedBy, at: now) else { return nil }
        let file = try file(pack)
        try await store.record(
            .export, by: actor, at: now, entity: "young_person", entityID: person, personID: person,
            detail: "subject access pack; rows=\(pack.rowCount); events=\(pack.history.count); bytes=\(file.data.count); purpose=\(purpose)")
        return file
    }

    private func events(about person: Int64) async throws -> [SubjectAccessPack.Event] {
        let trail = PersonAuditTrail(store: store)
        var events: [SubjectAccessPack.Event] = []
        var before: Int64?
        while events.count < Self.maximumEvents {
            let page = try await trail.events(about: person, before: before, limit: 1_000)
            events += page.map { entry in
                SubjectAccessPack.Event(
                    id: entry.id, occurredAt: entry.occurredAt, who: entry.userName ?? entry.actor, role: entry.userRole?.displayName,
                    action: entry.action, entity: entry.entity, entityID: entry.entityID, detail: entry.detail)
            }
            guard page.count == 1_000, let last = page.last else { break }
            before = last.id
        }
        return events.reversed()
    }

    static let userColumns = ["recorded_by", "user_id", "assigned_user_id", "completed_by", "withdrawn_by", "verified_by", "told_user_id", "pa_user_id", "undone_by"]
    static let organisationColumns = ["organisation_id", "school_id", "recipient_organisation_id"]
}

/// Ids and codes in a row, in words.
struct RowWords {
    let users: [Int64: (name: String, role: Role?)]
    let organisations: [Int64: String]

    func row(_ row: StoredRow, table: String) -> SubjectAccessPack.Row {
        var meanings: [String: String] = [:]
        for (column, value) in row.columns {
            if SubjectAccessPackWriter.userColumns.contains(column), let id = value.id, let user = users[id] {
                meanings[column] = user.name + (user.role.map { " (\($0.displayName))" } ?? "")
            } else if SubjectAccessPackWriter.organisationColumns.contains(column), let id = value.id, let name = organisations[id] {
                meanings[column] = name
            } else if let meaning = Self.code(table: table, column: column, value: value) {
                meanings[column] = meaning
            }
        }
        return SubjectAccessPack.Row(values: Dictionary(row.columns.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }), meanings: meanings)
    }

    static func code(table: String, column: String, value: StoredValue) -> String? {
        let text = value.display
        switch (table, column) {
        case ("activity", "code"), ("participation_position", "activity_code"): return Int(text).flatMap(ActivityCode.init(rawValue:))?.meaning
        case ("characteristic", "code"): return Int(text).flatMap(CharacteristicCode.init(rawValue:))?.meaning
        case ("intended_destination", "code"): return Int(text).flatMap(IntendedDestination.init(rawValue:))?.meaning
        case ("september_guarantee", "status"): return Int(text).flatMap(GuaranteeStatus.init(rawValue:))?.meaning
        case ("need_assessment", "level_of_need"): return Int(text).flatMap(LevelOfNeed.init(rawValue:))?.meaning
        case ("young_person", "gender"): return Gender(rawValue: text)?.meaning
        case ("young_person", "ethnicity"): return Ethnicity(rawValue: text)?.meaning
        case ("young_person", "cohort_status"): return CohortStatus(rawValue: text)?.meaning
        default: return nil
        }
    }
}

extension StoredValue {
    /// The value as an id, when it is one.
    var id: Int64? {
        switch self {
        case .integer(let number): number
        case .text(let text): Int64(text)
        default: nil
        }
    }
}
