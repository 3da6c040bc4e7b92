import SQLKit
public import WaymarkCore

extension ChangeTransaction {
    /// Makes the wards exactly those given: new codes added, a changed name or
    /// boundary updated, wards no longer given removed with their postcodes.
    /// Each row carries this change's source (the file) and time.
    public func replaceWards(_ wards: [WardShape]) async throws -> GeographyChange {
        var stored: [String: (name: String, boundary: String)] = [:]
        for row in try await db.select().columns("code", "name", "boundary").from("ward").all() {
            stored[try row.decode(column: "code", as: String.self)] = (try row.decode(column: "name", as: String.self), try row.decode(column: "boundary", as: String.self))
        }
        var change = GeographyChange()
        var fresh: [[any Encodable & Sendable]] = []
        for ward in wards {
            let boundary = BoundaryText.text(ward.polygons)
            switch stored.removeValue(forKey: ward.code) {
            case nil:
                change.added += 1
                fresh.append([ward.code, ward.name, boundary, actor.source, actor.userID, recordedAt])
            case let old? where old.name == ward.name && old.boundary == boundary:
                change.unchanged += 1
            default:
                change.changed += 1
                try await db.update("ward").set("name", to: ward.name).set("boundary", to: boundary)
                    .set("source", to: actor.source).set("recorded_by", to: actor.userID).set("recorded_at", to: recordedAt)
                    .where("code", .equal, ward.code).run()
            }
        }
        try await insertRows(into: "ward", columns: ["code", "name", "boundary", "source", "recorded_by", "recorded_at"], fresh)
        let gone = Array(stored.keys)
        for chunk in gone.chunked(into: 500) {
            try await db.delete(from: "ward_postcode").where("ward_code", .in, chunk).run()
            try await db.delete(from: "ward").where("code", .in, chunk).run()
        }
        change.removed = gone.count
        try await audit(.import, entity: "ward", entityID: nil, personID: nil, detail: "wards " + change.detail)
        return change
    }

    /// Makes the lookup exactly the postcodes given, of wards already stored;
    /// the rest are counted and left out (the ONS file covers the country).
    public func replaceWardPostcodes(_ entries: [PostcodeWard]) async throws -> (change: GeographyChange, otherWards: Int) {
        let known = Set(try await db.select().column("code").from("ward").all().map { try $0.decode(column: "code", as: String.self) })
        var stored: [String: String] = [:]
        for row in try await db.select().columns("postcode_key", "ward_code").from("ward_postcode").all() {
            stored[try row.decode(column: "postcode_key", as: String.self)] = try row.decode(column: "ward_code", as: String.self)
        }
        var change = GeographyChange()
        var otherWards = 0
        var fresh: [[any Encodable & Sendable]] = []
        var moved: [String: [String]] = [:]
        for entry in entries {
            guard known.contains(entry.wardCode) else {
                otherWards += 1
                continue
            }
            let key = PostcodeParts.key(entry.postcode)
            switch stored.removeValue(forKey: key) {
            case nil:
                change.added += 1
                fresh.append([key, entry.postcode, entry.wardCode, actor.source, actor.userID, recordedAt])
            case entry.wardCode?:
                change.unchanged += 1
            default:
                change.changed += 1
                moved[entry.wardCode, default: []].append(key)
            }
        }
        for (ward, keys) in moved {
            for chunk in keys.chunked(into: 500) {
                try await db.update("ward_postcode").set("ward_code", to: ward)
                    .set("source", to: actor.source).set("recorded_by", to: actor.userID).set("recorded_at", to: recordedAt)
                    .where("postcode_key", .in, chunk).run()
            }
        }
        try await insertRows(into: "ward_postcode", columns: ["postcode_key", "postcode", "ward_code", "source", "recorded_by", "recorded_at"], fresh)
        for chunk in Array(stored.keys).chunked(into: 500) {
            try await db.delete(from: "ward_postcode").where("postcode_key", .in, chunk).run()
        }
        change.removed = stored.count
        try await audit(.import, entity: "ward_postcode", entityID: nil, personID: nil, detail: "postcodes " + change.detail + " other-wards=\(otherWards)")
        return (change, otherWards)
    }

    /// Many rows in a few statements: 500 a statement (3,000 values) keeps within both engines' limits on bound values.
    private func insertRows(into table: String, columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
        for chunk in rows.chunked(into: 500) {
            var insert = db.insert(into: table).columns(columns)
            for row in chunk { insert = insert.values(row.map { SQLBind($0) }) }
            try await insert.run()
        }
    }
}
