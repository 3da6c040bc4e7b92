import Foundation
import SQLKit
public import WaymarkRecords
public import WaymarkCore


/// The settings in force and their history: each save is a new row (never
/// updated) with who, when and why, and an audit event.
public struct RiskSettingsStore: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public typealias Version = RiskSettingsVersion

    /// The latest version, or nil while the LA uses the documented default.
    public func current() async throws -> Version? {
        try await history(limit: 1).first
    }

    /// The settings in force: the latest saved, else ``RiskSettings/standard``.
    public func inForce() async throws -> (settings: RiskSettings, id: Int64?) {
        guard let latest = try await current() else { return (.standard, nil) }
        return (latest.settings, latest.id)
    }

    public func history(limit: Int = 20) async throws -> [Version] {
        let rows = try await store.sql.select().columns("id", "settings", "reason", "recorded_by", "recorded_at").from("risk_settings")
            .orderBy("id", .descending).limit(limit).all()
        return try rows.map { row in
            let text = try row.decode(column: "settings", as: String.self)
            guard let settings = try? JSONDecoder().decode(RiskSettings.self, from: Data(text.utf8)) else {
                throw StoreError.invalidStoredValue(table: "risk_settings", column: "settings", value: "not readable settings")
            }
            return RiskSettingsVersion(
                id: try row.decode(column: "id", as: Int64.self), settings: settings, reason: try row.decode(column: "reason", as: String?.self),
                recordedBy: try row.decode(column: "recorded_by", as: Int64?.self), recordedAt: try row.decode(column: "recorded_at", as: String.self))
        }
    }
}

extension ChangeTransaction {
    /// Saves a new version of the settings (already checked by the caller) with the reason given.
    @discardableResult
    public func saveRiskSettings(_ settings: RiskSettings, reason: String?) async throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(settings), as: UTF8.self)
        let id = try await insertReturningID(into: "risk_settings", [("settings", text), ("reason", reason)])
        try await audit(.update, entity: "risk_settings", entityID: id, personID: nil, detail: "risk settings saved")
        return id
    }
}
