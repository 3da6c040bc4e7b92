/// Records in the form the engine compares: every field a number (-1 for
/// missing), one array per field, filled once before any pair is looked at.
/// Fields are prepared in parallel, each with its own table, as a field is
/// only ever compared with the same field.
public struct PreparedRecords: Sendable {
    public let recordIDs: [String]
    /// 0 for the left (or only) dataset, 1 for the right.
    let side: [UInt8]
    let given: [Int32]
    let middle: [Int32]
    let family: [Int32]
    /// YYYYMMDD, 0 when missing.
    let dob: [Int32]
    let dobDay: [Int32]
    let gender: [Int32]
    let postcode: [Int32]
    let address: [Int32]
    let phone: [Int32]
    let upn: [Int32]
    let uln: [Int32]
    let upns: IdentifierTable
    let ulns: IdentifierTable
    let school: [Int32]
    let givenNames: NameTable
    let middleNames: NameTable
    let familyNames: NameTable
    let postcodes: PostcodeTable
    /// Records holding each given or family name, for term-frequency adjustment.
    let givenCounts: [Int32]
    let familyCounts: [Int32]

    public var count: Int { recordIDs.count }

    public init(_ records: [LinkageRecord], right: [LinkageRecord] = []) {
        let all = right.isEmpty ? records : records + right
        recordIDs = all.map(\.recordID)
        side = [UInt8](repeating: 0, count: records.count) + [UInt8](repeating: 1, count: right.count)
        dob = all.map { $0.dateOfBirth?.packed ?? 0 }
        dobDay = all.map { $0.dateOfBirth?.dayNumber ?? 0 }

        // Eight independent jobs (a table or two each), spread over the cores.
        let results = Parallel.map(count: 8) { job -> PreparedField in
            switch job {
            case 0: let (ids, table) = Self.names(all.map(\.givenName)); return .names(ids, table)
            case 1: let (ids, table) = Self.names(all.map(\.middleNames)); return .names(ids, table)
            case 2: let (ids, table) = Self.names(all.map(\.familyName)); return .names(ids, table)
            case 3:
                var table = PostcodeTable()
                let ids = all.map { $0.postcode.flatMap { table.id(of: $0) } ?? -1 }
                return .postcodes(ids, table)
            case 4: return .codes(Self.codes(all.map(\.gender), kind: .gender), Self.codes(all.map(\.school), kind: .words))
            case 5: return .codes(Self.codes(all.map(\.address), kind: .address), Self.codes(all.map(\.phone), kind: .identifier))
            case 6: let (ids, table) = Self.identifiers(all.map(\.upn), kind: .upn); return .identifiers(ids, table)
            default: let (ids, table) = Self.identifiers(all.map(\.uln), kind: .uln); return .identifiers(ids, table)
            }
        }
        guard case let .names(given, givenNames) = results[0], case let .names(middle, middleNames) = results[1],
            case let .names(family, familyNames) = results[2], case let .postcodes(postcode, postcodes) = results[3],
            case let .codes(gender, school) = results[4], case let .codes(address, phone) = results[5],
            case let .identifiers(upn, upns) = results[6], case let .identifiers(uln, ulns) = results[7]
        else { preconditionFailure("prepared fields out of order") }
        (self.given, self.givenNames, self.middle, self.middleNames, self.family, self.familyNames) =
            (given, givenNames, middle, middleNames, family, familyNames)
        (self.postcode, self.postcodes, self.gender, self.school, self.address, self.phone) = (postcode, postcodes, gender, school, address, phone)
        (self.upn, self.upns, self.uln, self.ulns) = (upn, upns, uln, ulns)
        givenCounts = Self.counts(given, distinct: givenNames.count)
        familyCounts = Self.counts(family, distinct: familyNames.count)
    }

    private enum PreparedField: Sendable {
        case names([Int32], NameTable)
        case postcodes([Int32], PostcodeTable)
        case codes([Int32], [Int32])
        case identifiers([Int32], IdentifierTable)
    }

    private static func identifiers(_ values: [String?], kind: IdentifierTable.Kind) -> ([Int32], IdentifierTable) {
        var table = IdentifierTable(kind: kind)
        let ids = values.map { $0.flatMap { table.id(of: $0) } ?? -1 }
        return (ids, table)
    }

    private static func names(_ values: [String?]) -> ([Int32], NameTable) {
        var table = NameTable()
        let ids = values.map { $0.flatMap { table.id(of: $0) } ?? -1 }
        return (ids, table)
    }

    private static func codes(_ values: [String?], kind: CodeTable.Kind) -> [Int32] {
        var table = CodeTable(kind: kind)
        return values.map { $0.flatMap { table.id(of: $0) } ?? -1 }
    }

    private static func counts(_ ids: [Int32], distinct: Int) -> [Int32] {
        var counts = [Int32](repeating: 0, count: distinct)
        for id in ids where id >= 0 { counts[Int(id)] += 1 }
        return counts
    }
}
