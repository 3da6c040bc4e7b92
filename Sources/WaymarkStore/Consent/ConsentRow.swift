import Foundation
import SQLKit
import WaymarkCore
import WaymarkRecords

/// A consent provision as a `consent_provision` row and back.
enum ConsentRow {
    static func values(_ provision: ConsentProvision, personID: Int64) -> [(String, any Encodable & Sendable)] {
        let (kind, organisation): (String?, Int64?) = switch provision.recipient {
        case .anyone: (nil, nil)
        case .kind(let kind): (kind.rawValue, nil)
        case .organisation(let id): (nil, id)
        }
        // Who heard it: the worker for verbal consent, the LA's code for a choice carried in a transfer.
        let heardBy: String? = switch provision.method {
        case .verbal(let worker): worker
        case .transfer(let la): la
        case .selfService, .paper: nil
        }
        return [
            ("person_id", personID), ("decision", provision.decision.rawValue), ("purpose", provision.purpose?.rawValue),
            ("recipient_kind", kind), ("recipient_organisation_id", organisation), ("data_class", provision.dataClass?.rawValue),
            ("valid_from", provision.from.iso), ("valid_until", provision.until?.iso), ("given_by", provision.givenBy.rawValue),
            ("method", provision.method.code), ("heard_by", heardBy), ("origin", provision.origin.rawValue),
        ]
    }

    static let columns = [
        "id", "person_id", "decision", "purpose", "recipient_kind", "recipient_organisation_id", "data_class", "valid_from", "valid_until",
        "given_by", "method", "heard_by", "origin", "withdrawn_at", "recorded_at",
    ]

    static func decode(_ row: any SQLRow) throws -> ConsentProvision {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func bad(_ column: String, _ value: String) -> StoreError { .invalidStoredValue(table: "consent_provision", column: column, value: value) }
        func parse<T: RawRepresentable<String>>(_ column: String, _ value: String) throws -> T {
            guard let parsed = T(rawValue: value) else { throw bad(column, value) }
            return parsed
        }
        func instant(_ column: String, _ value: String) throws -> Date {
            guard let parsed = Timestamp.parse(value) else { throw bad(column, value) }
            return parsed
        }
        let recipient: ConsentRecipient =
            if let id = try row.decode(column: "recipient_organisation_id", as: Int64?.self) { .organisation(id) }
            else if let kind = try optional("recipient_kind") { .kind(try parse("recipient_kind", kind)) }
            else { .anyone }
        let methodCode = try text("method")
        let method: ConsentMethod = switch methodCode {
        case "self-service": .selfService
        case "paper": .paper
        case "verbal": .verbal(worker: try optional("heard_by") ?? "a worker")
        case "transfer": .transfer(fromLA: try optional("heard_by") ?? "another authority")
        default: throw bad("method", methodCode)
        }
        return ConsentProvision(
            id: try row.decode(column: "id", as: Int64.self), decision: try parse("decision", try text("decision")),
            purpose: try optional("purpose").map { try parse("purpose", $0) }, recipient: recipient,
            dataClass: try optional("data_class").map { try parse("data_class", $0) },
            from: try CalendarDate(iso: try text("valid_from"), field: "valid_from"),
            until: try optional("valid_until").map { try CalendarDate(iso: $0, field: "valid_until") },
            givenBy: try parse("given_by", try text("given_by")), method: method, origin: try parse("origin", try text("origin")),
            recordedAt: try instant("recorded_at", try text("recorded_at")),
            withdrawnAt: try optional("withdrawn_at").map { try instant("withdrawn_at", $0) })
    }

    /// The audit detail: codes and ids, never who the worker was nor anything typed.
    static func detail(_ provision: ConsentProvision) -> String {
        let recipient = switch provision.recipient {
        case .anyone: "anyone"
        case .kind(let kind): "kind:\(kind.rawValue)"
        case .organisation(let id): "organisation:\(id)"
        }
        return [
            "decision=\(provision.decision.rawValue)", "purpose=\(provision.purpose?.rawValue ?? "any")", "recipient=\(recipient)",
            "class=\(provision.dataClass?.rawValue ?? "any")", "from=\(provision.from.iso)", "until=\(provision.until?.iso ?? "open")",
            "given-by=\(provision.givenBy.rawValue)", "method=\(provision.method.code)", "origin=\(provision.origin.rawValue)",
        ].joined(separator: "; ")
    }
}
