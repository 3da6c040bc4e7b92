import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Why a correction was not made, in words for the person who asked.
public enum CorrectionError: Error, Equatable, CustomStringConvertible {
    case nothingChanged
    case notFound(Int64)
    case invalid([RuleViolation])

    public var description: String {
        switch self {
        case .nothingChanged: "The new values are the same as the record's: nothing to correct."
        case .notFound(let id): "no young person with id \(id)"
        case .invalid(let violations): violations.map(\.message).joined(separator: "; ")
        }
    }
}

extension ChangeTransaction {
    /// Corrects a name or date of birth: the record takes the new values, and
    /// each field that changed keeps its old value, new value and the reason.
    /// A legal change of name also keeps the old name as an alias, so search
    /// still finds the young person by it. Returns the fields changed.
    @discardableResult
    public func correctIdentity(of personID: Int64, _ correction: IdentityCorrection) async throws -> [CorrectedField] {
        guard let row = try await db.select().columns("given_name", "family_name", "date_of_birth").from("young_person")
            .where("id", .equal, personID).first()
        else { throw CorrectionError.notFound(personID) }
        let oldGiven = try row.decode(column: "given_name", as: String.self)
        let oldFamily = try row.decode(column: "family_name", as: String.self)
        let changes = correction.changes(
            givenName: oldGiven, familyName: oldFamily, dateOfBirth: try row.decode(column: "date_of_birth", as: String.self))
        guard !changes.isEmpty else { throw CorrectionError.nothingChanged }
        let checked = YoungPersonIdentity(
            givenName: correction.givenName ?? oldGiven, familyName: correction.familyName ?? oldFamily,
            dateOfBirth: correction.dateOfBirth ?? .init(dayNumber: 0), gender: .unknown, ethnicity: .notObtained)
        let violations = checked.violations()
        guard violations.isEmpty else { throw CorrectionError.invalid(violations) }
        var update = db.update("young_person")
        for change in changes {
            let column = switch change.field {
            case .givenName: "given_name"
            case .familyName: "family_name"
            case .dateOfBirth: "date_of_birth"
            }
            update = update.set(SQLIdentifier(column), to: SQLBind(change.new))
        }
        try await update.where("id", .equal, personID).run()
        for change in changes {
            let id = try await insertReturningID(
                into: "identity_correction",
                [("person_id", personID), ("field", change.field.rawValue), ("old_value", change.old), ("new_value", change.new),
                 ("reason", correction.reason.rawValue), ("explanation", correction.explanation)])
            try await audit(.create, entity: "identity_correction", entityID: id, personID: personID,
                            detail: "field=\(change.field.rawValue); reason=\(correction.reason.rawValue)")
        }
        let namesChanged = changes.contains { $0.field != .dateOfBirth }
        if namesChanged, correction.reason == .legalChangeOfName {
            try await addAlias(to: personID, givenName: oldGiven, familyName: oldFamily, kind: "former")
        } else if namesChanged {
            try await PersonNameKeys.refresh(personID: personID, on: db)
        }
        try await audit(.update, entity: "young_person", entityID: personID, personID: personID,
                        detail: "corrected=\(changes.map(\.field.rawValue).joined(separator: ","))")
        return changes.map(\.field)
    }
}
