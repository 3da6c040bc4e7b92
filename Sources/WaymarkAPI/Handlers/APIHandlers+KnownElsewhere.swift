import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// "Known elsewhere?": identifiers of a young person in the client's own
/// records in, other authorities' codes out, through KnownElsewhereDesk
/// (scope, hourly limit, audit as the client).
extension APIHandlers {
    func lookUpElsewhere(_ input: Operations.LookUpElsewhere.Input) async throws -> Operations.LookUpElsewhere.Output {
        let access = try APIRequest.require(.lookUpElsewhere)
        guard case .json(let sent) = input.body else { throw APIProblem.badRequest("Send the identifiers as application/json.") }
        let question = try Self.question(sent)
        let answer: KnownElsewhereAnswer
        do {
            answer = try await app.knownElsewhere.lookUp(for: access.grant, identifiers: question, at: now())
        } catch let limit as KnownElsewhereLimitReached {
            throw APIProblem(status: 429, title: "Too many requests", detail: limit.description, retryAfter: limit.retryAfterSeconds)
        }
        return .ok(.init(body: .json(.init(laCodes: answer.authorities.map(\.code), lookupsLeft: max(0, answer.lookupsLeft)))))
    }

    /// One UPN, one ULN, or a name with a date of birth — exactly one of the three.
    static func question(_ sent: Components.Schemas.KnownElsewhereLookup) throws -> KnownElsewhereQuestion {
        let named = [sent.givenName, sent.familyName, sent.dateOfBirth].contains { $0 != nil }
        let ways = [sent.upn != nil, sent.uln != nil, named].filter { $0 }.count
        guard ways == 1 else {
            throw APIProblem.invalid(
                field: "body", rule: "one-of", "Send one of: upn; uln; or givenName, familyName and dateOfBirth together (\(ways == 0 ? "none was" : "more than one was") sent).")
        }
        if let upn = sent.upn {
            guard KnownElsewhereIdentifiers.upn(upn) != nil else { throw APIProblem.invalid(field: "upn", rule: "format", "upn is 13 letters and digits.") }
            return .upn(upn)
        }
        if let uln = sent.uln {
            guard KnownElsewhereIdentifiers.uln(uln) != nil else { throw APIProblem.invalid(field: "uln", rule: "format", "uln is 10 digits.") }
            return .uln(uln)
        }
        var missing: [APIProblem.FieldError] = []
        for (field, value) in [("givenName", sent.givenName), ("familyName", sent.familyName), ("dateOfBirth", sent.dateOfBirth)] where value == nil {
            missing.append(.init(field: field, rule: "required", message: "\(field) goes with the other two: a name is asked about with its date of birth."))
        }
        guard missing.isEmpty, let given = sent.givenName, let family = sent.familyName, let born = sent.dateOfBirth else { throw APIProblem.invalid(missing) }
        let date = try APIInput.date(born, field: "dateOfBirth")
        for (field, value) in [("givenName", given), ("familyName", family)] where KnownElsewhereIdentifiers.name(value).isEmpty {
            throw APIProblem.invalid(field: field, rule: "letters", "\(field) needs at least one letter.")
        }
        return .name(given: given, family: family, born: date)
    }
}
