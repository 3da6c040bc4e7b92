import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

struct ExceptionsPage: PageModel {
    static let template = "exceptions"

    struct Row: Sendable {
        let id: Int64
        let kind: String
        let people: String
        let probability: String
        /// The engine's reason not to merge, as a person would say it; nil if none.
        let reason: String?
    }

    let title = "Exceptions"
    let frame: StaffFrame
    let rows: [Row]
    let hasRows: Bool
    let scannedMessage: String?
    let scan: JobPanel
    var downloads: DownloadLinks?

    init(frame: StaffFrame, exceptions: [StoredMatchException], names: [Int64: String], scan: JobPanel, scanned: DuplicateScanSummary?) {
        self.frame = frame
        // The least certain first: they most need a person. Pairs with someone out of scope are not shown at all.
        let ordered = ExceptionDesk.ordered(exceptions)
        rows = ordered.compactMap { exception in
            if exception.kind == .importRow, let incoming = exception.incoming.flatMap(IncomingRow.decode) {
                let candidate = exception.personID.flatMap { names[$0] }.map { " – perhaps \($0)" } ?? ""
                return Row(id: exception.id, kind: "Incoming row: \(incoming.reason)", people: "row \(incoming.row) of an import\(candidate)",
                           probability: exception.personID == nil ? "–" : MatchProbabilityText.percent(exception.probability),
                           reason: StoredExplanation.reason(exception.explanation))
            }
            guard let left = exception.personID.flatMap({ names[$0] }), let right = exception.otherPersonID.flatMap({ names[$0] }) else { return nil }
            return Row(id: exception.id, kind: "Suspected duplicate", people: "\(left) and \(right)",
                       probability: MatchProbabilityText.percent(exception.probability), reason: StoredExplanation.reason(exception.explanation))
        }
        hasRows = !rows.isEmpty
        self.scan = scan
        scannedMessage = scanned.map { "Last scan: \($0.people.formatted()) people, \($0.queued.formatted()) new suspected duplicates queued." }
    }
}

/// Two records side by side, with how much each field counted for or against.
struct ExceptionPage: PageModel {
    static let template = "exception"

    struct Side: Sendable {
        let id: Int64
        let name: String
        let dateOfBirth: String
        let gender: String
        let postcode: String
        let upn: String
        let uln: String
        let school: String
        let activity: String
        let histories: String

        init(_ person: PersonBundle, today: CalendarDate) {
            id = person.id
            name = [person.givenName, person.middleNames, person.familyName].compactMap { $0 }.joined(separator: " ")
            dateOfBirth = person.dateOfBirth?.longDescription ?? "–"
            gender = person.gender ?? "–"
            postcode = person.address(on: today)?.postcode ?? "–"
            upn = person.upn ?? "–"
            uln = person.uln ?? "–"
            school = person.schoolName ?? "–"
            let current = person.activities.filter { $0.startDate <= today }.max { ($0.startDate, 0) < ($1.startDate, 1) }
            activity = current.map { "\($0.code.rawValue) – \($0.code.meaning) since \($0.startDate.longDescription)" } ?? "None recorded"
            histories = "\(person.activities.count) activities, \(person.addresses.count) addresses"
        }
    }

    struct Weight: Sendable {
        let field: String
        let level: String
        let weight: String
        let counts: String

        /// Each field of a stored explanation, and whether it counted for or against.
        static func rows(_ explanation: String) -> [Weight] {
            StoredExplanation.fields(explanation).map { field in
                Weight(field: field.field, level: field.level, weight: String(format: "%+.2f", field.weight),
                       counts: field.weight > 0.5 ? "for" : field.weight < -0.5 ? "against" : "little either way")
            }
        }
    }

    let title = "Suspected duplicate"
    let frame: StaffFrame
    let id: Int64
    let isOpen: Bool
    let status: String
    let probability: String
    /// Why the engine would not merge them, if it would not.
    let reason: String?
    let left: Side
    let right: Side
    let weights: [Weight]

    init(frame: StaffFrame, exception: StoredMatchException, left: Side, right: Side) {
        self.frame = frame
        id = exception.id
        isOpen = exception.status == .open
        status = exception.status.rawValue
        probability = MatchProbabilityText.percent(exception.probability)
        reason = StoredExplanation.reason(exception.explanation)
        self.left = left
        self.right = right
        weights = Weight.rows(exception.explanation)
    }
}

struct MergePage: PageModel {
    static let template = "merge"

    let title = "Merge"
    let frame: StaffFrame
    let id: Int64
    let keptID: Int64
    let mergedID: Int64
    let keptName: String
    let mergedName: String
    let movedRows: Int
    let isUndone: Bool
    let notice: String?

    init(frame: StaffFrame, merge: StoredMerge, keptName: String, mergedName: String, justUndone: Bool) {
        self.frame = frame
        id = merge.id
        keptID = merge.keptPersonID
        mergedID = merge.mergedPersonID
        self.keptName = keptName
        self.mergedName = mergedName
        movedRows = merge.movedRows
        isUndone = merge.undoneAt != nil
        notice = justUndone ? "Merge undone: both records and their histories are back as they were." : nil
    }
}

/// An incoming row beside the person the matcher thought it might be.
struct ImportExceptionPage: PageModel {
    static let template = "exception-row"

    struct Cell: Sendable {
        let header: String
        let value: String
    }

    let title = "Incoming row"
    let frame: StaffFrame
    let id: Int64
    let isOpen: Bool
    let status: String
    let reason: String
    let rowNumber: Int
    let cells: [Cell]
    let candidate: ExceptionPage.Side?
    let candidateID: String
    let probability: String
    let weights: [ExceptionPage.Weight]
    let personError: String?
    let createError: String?

    /// `typed` is the record number as entered when linking was refused, kept for correcting.
    init(frame: StaffFrame, exception: StoredMatchException, candidate: ExceptionPage.Side?, problems: FormProblems = FormProblems(), typed: String? = nil) {
        self.frame = frame
        id = exception.id
        isOpen = exception.status == .open
        status = exception.resolution ?? exception.status.rawValue
        let incoming = exception.incoming.flatMap(IncomingRow.decode)
        reason = incoming?.reason ?? "–"
        rowNumber = incoming?.row ?? 0
        cells = (incoming?.cells ?? []).map { Cell(header: $0.header, value: $0.value) }
        self.candidate = candidate
        candidateID = typed ?? candidate.map { String($0.id) } ?? ""
        personError = problems.message(for: "person")
        createError = problems.message(for: "create")
        probability = MatchProbabilityText.percent(exception.probability)
        weights = ExceptionPage.Weight.rows(exception.explanation)
    }
}
