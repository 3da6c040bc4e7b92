import Foundation
import OpenAPIRuntime
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The API's operations, implementing the protocol generated from
/// `openapi.yaml`. A thin adapter, like the pages' controllers: each checks
/// the client's scope, reads what was sent, calls the same use case as the
/// pages with the client's ``AccessGrant`` (which checks the role, the scope
/// of records, consent and withheld classes, and writes the audit), and
/// maps the answer. Errors are thrown and answered as problem+json by
/// ``APIClientMiddleware``.
struct APIHandlers: APIProtocol {
    let app: AppServices
    let now: @Sendable () -> Date

    func getClient(_ input: Operations.GetClient.Input) async throws -> Operations.GetClient.Output {
        let client = try APIRequest.client().client
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: client.id, name: client.name, organisation: client.organisationName, role: client.role.rawValue,
                        scopes: client.scopes.sorted().compactMap { Components.Schemas.Scope(rawValue: $0.rawValue) }, expiresAt: client.expiresAt,
                        rateLimitPerMinute: client.rateLimitPerMinute))))
    }
}

/// Reading what was sent, with the field and rule named when it cannot be used.
enum APIInput {
    static func date(_ text: String, field: String) throws -> CalendarDate {
        guard text.count == 10, let date = try? CalendarDate(iso: text, field: field) else {
            throw APIProblem.badRequest("\(field) must be a date written YYYY-MM-DD; '\(text.prefix(20))' is not.", field: field, rule: "format")
        }
        return date
    }

    static func date(_ text: String?, field: String) throws -> CalendarDate? {
        try text.map { try date($0, field: field) }
    }

    /// A month end given, or else the last month end before today.
    static func monthEnd(_ text: String?, field: String, today: CalendarDate) throws -> CalendarDate {
        guard let given = try date(text, field: field) else { return today.adding(days: -today.day) }
        guard given == given.endOfMonth else {
            throw APIProblem.invalid(field: field, rule: "month-end", "\(field) must be the last day of a month; \(given.iso) is not.")
        }
        guard given.adding(days: 1).adding(months: -1) <= today else {
            throw APIProblem.invalid(field: field, rule: "begun", "\(field) must be the end of a month that has begun; \(given.iso) is later.")
        }
        return given
    }

    /// A text within its documented length.
    static func text(_ text: String?, field: String, maxLength: Int) throws -> String? {
        guard let text else { return nil }
        guard text.count <= maxLength else {
            throw APIProblem.invalid(field: field, rule: "maxLength", "\(field) is at most \(maxLength) characters.")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
