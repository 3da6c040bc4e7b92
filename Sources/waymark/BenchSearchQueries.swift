import Foundation
import SQLKit
import WaymarkCore
import WaymarkMatching
import WaymarkStore

/// A stored young person a benchmark query is made from.
struct BenchPerson: Sendable {
    let id: Int64
    let givenName: String
    let familyName: String
    let dateOfBirth: CalendarDate
    let postcode: String?

    /// `count` people picked at random from the LA, with their current postcode.
    static func sample(_ store: Store, count: Int, la: String, random: inout BenchRandom) async throws -> [BenchPerson] {
        guard let row = try await store.sql.raw("SELECT MAX(id) AS top FROM young_person").first(),
            let top = try row.decode(column: "top", as: Int64?.self), top > 0
        else { return [] }
        let ids = (0..<(count + 10) * 2).map { _ in Int64(random.next(upTo: UInt64(top))) + 1 }
        let rows = try await store.sql.raw("""
            SELECT p.id, p.given_name, p.family_name, p.date_of_birth,
              (SELECT a.postcode FROM address a WHERE a.person_id = p.id AND a.valid_to IS NULL ORDER BY a.valid_from DESC LIMIT 1) AS postcode
            FROM young_person p WHERE p.id IN (\(binds: ids)) AND p.responsible_la = \(bind: la)
            """).all()
        var people: [BenchPerson] = []
        for row in rows {
            guard let date = try? CalendarDate(iso: try row.decode(column: "date_of_birth", as: String.self)) else { continue }
            people.append(
                BenchPerson(
                    id: try row.decode(column: "id", as: Int64.self), givenName: try row.decode(column: "given_name", as: String.self),
                    familyName: try row.decode(column: "family_name", as: String.self), dateOfBirth: date,
                    postcode: try row.decode(column: "postcode", as: String?.self)))
        }
        random.shuffle(&people)
        return Array(people.prefix(count + 10))
    }
}

/// The kinds of search the benchmark times: "surname" is the one word of a
/// family name as stored (a common name has thousands of namesakes), "area"
/// a postcode's outward code.
enum BenchQueryKind: String, CaseIterable {
    case name, dob, postcode, mixed, surname, area

    func query(for person: BenchPerson, random: inout BenchRandom) -> String {
        let date = person.dateOfBirth
        let dob = String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
        switch self {
        case .name: return BenchTypos.name(person, random: &random)
        case .dob: return dob
        case .postcode:
            guard let postcode = person.postcode else { return dob }
            return random.next(upTo: 2) == 0 ? postcode : postcode.replacingOccurrences(of: " ", with: "").lowercased()
        case .mixed: return BenchTypos.name(person, random: &random) + " " + dob
        case .surname: return person.familyName
        case .area:
            guard let postcode = person.postcode?.filter({ !$0.isWhitespace }), postcode.count > 3 else { return dob }
            return String(postcode.dropLast(3))
        }
    }
}

/// Mistakes people make typing a name: a letter dropped, doubled, swapped
/// with its neighbour or replaced, or a nickname for the given name.
enum BenchTypos {
    static func name(_ person: BenchPerson, random: inout BenchRandom) -> String {
        var given = NameNormaliser.tokens(person.givenName).first ?? person.givenName.lowercased()
        var family = NameNormaliser.tokens(person.familyName).joined(separator: "-")
        switch random.next(upTo: 6) {
        case 0, 1: family = typo(family, random: &random)
        case 2: given = typo(given, random: &random)
        case 3:
            let short = Nicknames.diminutives(of: given)
            given = short.isEmpty ? typo(given, random: &random) : short[Int(random.next(upTo: UInt64(short.count)))]
        case 4: return "\(family) \(typo(given, random: &random))"  // family name first, as people often type it
        default: break  // exactly as stored
        }
        return "\(given) \(family)"
    }

    static func typo(_ word: String, random: inout BenchRandom) -> String {
        var letters = Array(word)
        guard letters.count >= 3 else { return word }
        let at = 1 + Int(random.next(upTo: UInt64(letters.count - 2)))  // the first letter is rarely wrong
        switch random.next(upTo: 4) {
        case 0: letters.remove(at: at)
        case 1: letters.insert(letters[at], at: at)
        case 2: letters.swapAt(at, at + 1 < letters.count ? at + 1 : at - 1)
        default: letters[at] = Array("aeioustnrl")[Int(random.next(upTo: 10))]
        }
        return String(letters)
    }
}

/// A small seeded generator (SplitMix64), so runs are repeatable.
struct BenchRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(upTo bound: UInt64) -> UInt64 { bound == 0 ? 0 : next() % bound }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, Int(next(upTo: UInt64(i + 1)))) }
    }
}
