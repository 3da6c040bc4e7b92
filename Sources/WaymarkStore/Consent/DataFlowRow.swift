import SQLKit
import WaymarkCore

/// A register entry as a `data_flow` row and back.
enum DataFlowRow {
    static func values(_ flow: DataFlow) -> [(String, any Encodable & Sendable)] {
        [
            ("flow_key", flow.key), ("name", flow.name), ("direction", flow.direction.rawValue), ("counterpart", flow.counterpart),
            ("purpose", flow.purpose.rawValue), ("article6", flow.article6.rawValue), ("article9", flow.article9), ("schedule1", flow.schedule1),
            ("statutory_gateway", flow.statutoryGateway), ("agreement_reference", flow.agreementReference), ("review_due", flow.reviewDue?.iso),
            ("carries", SensitivityClassList.encode(flow.carries)), ("consent_required", SensitivityClassList.encode(flow.consentRequired)),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> DataFlow {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func parse<T: RawRepresentable<String>>(_ column: String, as type: T.Type) throws -> T {
            let value = try text(column)
            guard let parsed = T(rawValue: value) else { throw StoreError.invalidStoredValue(table: "data_flow", column: column, value: value) }
            return parsed
        }
        let review = try optional("review_due")
        return DataFlow(
            key: try text("flow_key"), name: try text("name"), direction: try parse("direction", as: FlowDirection.self),
            counterpart: try text("counterpart"), purpose: try parse("purpose", as: SharingPurpose.self),
            article6: try parse("article6", as: LawfulBasis.self), article9: try optional("article9"), schedule1: try optional("schedule1"),
            statutoryGateway: try optional("statutory_gateway"), agreementReference: try optional("agreement_reference"),
            reviewDue: try review.map { try CalendarDate(iso: $0, field: "review_due") },
            carries: try SensitivityClassList.decode(try text("carries"), table: "data_flow"),
            consentRequired: try SensitivityClassList.decode(try text("consent_required"), table: "data_flow"))
    }
}
