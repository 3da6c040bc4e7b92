import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

extension APIHandlers {
    func searchPeople(_ input: Operations.SearchPeople.Input) async throws -> Operations.SearchPeople.Output {
        let access = try APIRequest.require(.readPeople)
        let text = input.query.q
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIProblem.invalid(field: "q", rule: "required", "q: enter a name, a date of birth, a UPN or a ULN to search for.")
        }
        guard text.count <= 200 else { throw APIProblem.invalid(field: "q", rule: "maxLength", "q is at most 200 characters.") }
        let page = try APICursor.read(input.query.cursor, kind: "page", fallback: 1)
        guard page >= 1 else { throw APICursor.invalid }
        let instant = now()
        let outcome: PersonSearchOutcome
        do {
            outcome = try await app.search.search(text, for: access.grant, today: CalendarDate.today(from: instant), at: instant, page: page)
        } catch let error as SearchInputError {
            throw APIProblem.invalid(field: "q", rule: "search", "q: \(error)")
        }
        let items = outcome.results.map { result in
            Components.Schemas.PersonSummary(
                id: result.id, name: result.name, dateOfBirth: result.dateOfBirth, postcode: result.postcode, school: result.school,
                activityCode: result.activity?.rawValue, matchedBy: result.reasons)
        }
        // Past the last page the search brings the page back within range: no cursor leads there.
        let more = outcome.page == page && outcome.page * outcome.pageSize < outcome.total
        return .ok(.init(body: .json(.init(items: items, total: outcome.total, nextCursor: more ? APICursor.make("page", page + 1) : nil))))
    }

    func getPerson(_ input: Operations.GetPerson.Input) async throws -> Operations.GetPerson.Output {
        let access = try APIRequest.require(.readPeople)
        switch try await app.records(now: now).open(input.path.personId, for: access.grant, parts: .summary) {
        case .notFound:
            throw Self.noSuchPerson
        case .mergedInto(let kept):
            throw APIProblem(status: 404, title: "Not found", detail: "This record was merged into young person \(kept); read that one.")
        case .shown(let record):
            return .ok(.init(body: .json(Self.person(record))))
        }
    }

    static let noSuchPerson = APIProblem(
        status: 404, title: "Not found", detail: "There is no young person with that id in the records this client can see.")

    static func person(_ record: PersonRecord) -> Components.Schemas.Person {
        let person = record.person
        let activity = record.currentActivity.map { current in
            Components.Schemas.Activity(
                code: current.code.rawValue, meaning: current.code.meaning, startDate: current.startDate.iso, establishmentName: current.establishmentName)
        }
        return Components.Schemas.Person(
            id: person.id, givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth?.iso, upn: person.upn,
            uln: person.uln, school: person.schoolName, participation: record.state.map(participation), currentActivity: activity,
            intendedDestinations: person.intendedDestinations.map { .init(code: $0.code.rawValue, meaning: $0.code.meaning, recordedOn: $0.recordedOn.iso) },
            offers: person.guarantees.map {
                .init(code: $0.status.rawValue, meaning: $0.status.meaning, yearGroup: $0.year.rawValue, academicYear: academicYear($0.academicYear))
            },
            withheld: (record.withheld + record.consentRefused.map(\.dataClass)).map(\.rawValue))
    }

    static func participation(_ state: ParticipationState) -> Components.Schemas.Person.ParticipationPayload {
        switch state {
        case .eet: .eet
        case .neet: .neet
        case .notKnown: .notKnown
        case .other: .other
        case .notInCohort: .notInCohort
        }
    }

    static func academicYear(_ year: AcademicYear) -> String {
        "\(year.startYear)/\(String(year.startYear + 1).suffix(2))"
    }

    func postActivity(_ input: Operations.PostActivity.Input) async throws -> Operations.PostActivity.Output {
        let access = try APIRequest.require(.writeActivities)
        guard case .json(let update) = input.body else { throw APIProblem.badRequest("Send the activity as application/json.") }
        let instant = now()
        let today = CalendarDate.today(from: instant)
        let record = try await app.casework.forChange(input.path.personId, for: access.grant)
        let activity = try await ActivityUpdateReading(update: update, today: today).validated(
            person: try await app.casework.ruleContext(record, on: today))
        try await app.casework.recordActivity(activity, on: record, at: instant)
        return .created(.init(body: .json(.init(personId: input.path.personId, recordedAt: instant))))
    }

    func postIntendedDestination(_ input: Operations.PostIntendedDestination.Input) async throws -> Operations.PostIntendedDestination.Output {
        let access = try APIRequest.require(.writeDestinations)
        guard case .json(let post) = input.body, let code = IntendedDestination(rawValue: post.code.rawValue) else {
            throw APIProblem.invalid(field: "code", rule: "NCCIS IntendedDestinationYr11", "code is not an intended destination.")
        }
        let instant = now()
        try await app.portal.postIntendedDestination(code, for: access.grant, person: input.path.personId, at: instant)
        return .created(.init(body: .json(.init(personId: input.path.personId, recordedAt: instant))))
    }

    func postOffer(_ input: Operations.PostOffer.Input) async throws -> Operations.PostOffer.Output {
        let access = try APIRequest.require(.writeDestinations)
        guard case .json(let post) = input.body, let status = GuaranteeStatus(rawValue: post.code.rawValue) else {
            throw APIProblem.invalid(field: "code", rule: "NCCIS GuaranteeStatus", "code is not a September Guarantee status.")
        }
        let instant = now()
        try await app.portal.postOffer(status, for: access.grant, person: input.path.personId, at: instant)
        return .created(.init(body: .json(.init(personId: input.path.personId, recordedAt: instant))))
    }
}
