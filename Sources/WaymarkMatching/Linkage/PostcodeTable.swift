/// Distinct postcodes with the numbers of their sector and district, so the
/// comparator tells "same street" from "same area" with two integer compares.
struct PostcodeTable: Sendable {
    private(set) var sector: [Int32] = []
    private(set) var district: [Int32] = []
    private var units = ValueInterner()
    private var sectors = ValueInterner()
    private var districts = ValueInterner()
    private var rawIDs: [String: Int32] = [:]

    var count: Int { units.count }

    /// The number of a postcode as typed ("nm1 4ab", "NM14AB"); nil if it is too short to be one.
    mutating func id(of raw: String) -> Int32? {
        if let id = rawIDs[raw] { return id >= 0 ? id : nil }
        guard let parts = Self.parts(raw) else {
            rawIDs[raw] = -1
            return nil
        }
        let (id, isNew) = units.intern(parts.unit)
        rawIDs[raw] = id
        if isNew {
            sector.append(sectors.intern(parts.sector).id)
            district.append(districts.intern(parts.district).id)
        }
        return id
    }

    /// "nm1 4ab" → ("NM1 4AB", "NM1 4", "NM1"): the inward code is always three characters.
    static func parts(_ raw: String) -> (unit: String, sector: String, district: String)? {
        var bytes: [UInt8] = []
        for byte in raw.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A: bytes.append(byte)
            case 0x61...0x7A: bytes.append(byte - 32)
            default: continue
            }
        }
        guard bytes.count >= 5, bytes.count <= 8 else { return nil }
        let outward = String(decoding: bytes.dropLast(3), as: UTF8.self)
        let inward = String(decoding: bytes.suffix(3), as: UTF8.self)
        return ("\(outward) \(inward)", "\(outward) \(inward.prefix(1))", outward)
    }
}
