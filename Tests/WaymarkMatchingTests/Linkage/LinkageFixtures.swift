@testable import WaymarkMatching

/// A small population with known duplicates: distinct people, then for some
/// of them a second record with one variation each. Deterministic.
enum LinkageFixtures {
    static let given = ["Olivia", "Amelia", "Isla", "Grace", "Oliver", "Harry", "George", "Thomas", "William", "Samuel", "Aisha", "Yusuf", "Zofia", "Jakub"]
    static let family = ["Smith", "Jones", "Taylor", "Brown", "Pemberton", "Hargreaves", "Smith-Jones", "Nowak", "Khan", "Okafor", "Whitfield", "Marsh"]

    /// `people` base records (ids "B…") and a duplicate ("D…") of every fifth; truth: person index.
    static func population(people: Int = 400, seed: UInt64 = 3) -> (records: [LinkageRecord], truth: [Int]) {
        var random = SeededRandom(seed: seed)
        var records: [LinkageRecord] = []
        var truth: [Int] = []
        for person in 0..<people {
            let date = BirthDate(year: 2005 + Int.random(in: 0..<5, using: &random), month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))
            let record = LinkageRecord(
                recordID: "B\(1000 + person)", givenName: given.randomElement(using: &random), familyName: family.randomElement(using: &random),
                dateOfBirth: date, gender: Bool.random(using: &random) ? "F" : "M",
                postcode: "NM\(Int.random(in: 1...4, using: &random)) \(Int.random(in: 0...9, using: &random))A\(["B", "D", "E", "F"].randomElement(using: &random)!)",
                upn: "H99020\(String(1_000_000 + person))", uln: Bool.random(using: &random) ? "4\(String(100_000_000 + person))" : nil)
            records.append(record)
            truth.append(person)
            guard person % 5 == 0 else { continue }
            var duplicate = record
            duplicate.recordID = "D\(1000 + person)"
            duplicate.upn = nil
            switch person / 5 % 6 {
            case 0: duplicate.givenName = record.givenName == "William" ? "Bill" : String(record.givenName!.dropLast()) + "e"
            case 1: duplicate.dateOfBirth = BirthDate(year: date.year, month: date.day <= 12 ? date.day : date.month, day: date.day <= 12 ? date.month : date.day % 10 + 10)
            case 2: duplicate.familyName = "Walker"
            case 3: duplicate.postcode = "NM9 9ZZ"
            case 4: duplicate.dateOfBirth = BirthDate(year: date.year, month: date.month, day: date.day >= 20 ? date.day - 10 : date.day + 10)
            default: duplicate.familyName = record.familyName == "Smith-Jones" ? "Jones" : String(record.familyName!.reversed().reversed().dropLast()) + "s"
            }
            records.append(duplicate)
            truth.append(person)
        }
        return (records, truth)
    }
}
