import Dispatch
import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkMatching
import WaymarkSynthetic

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Generated records for the match benchmark, with the truth kept aside.
///
/// The synthetic LA plants duplicates itself (`duplicateRate`): a duplicate is
/// another person's record with one to three variations (typo, nickname,
/// swapped day and month, changed or split surname, missing UPN, moved
/// address, transliteration, a wrong digit in the date of birth). Names come
/// from short tables, so at scale many different people share a given name,
/// family name and date of birth; the generator has no households, so there
/// are no planted siblings or twins, but those namesakes play the same part.
/// To make it harder still, each record keeps its UPN and its ULN only with
/// `identifierRate`, as sources often hold neither.
struct BenchMatchData {
    let records: [LinkageRecord]
    /// The person each record belongs to.
    let truth: [Int]

    static func generate(records count: Int, seed: UInt64, duplicateRate: Double, identifierRate: Double) -> BenchMatchData {
        let la = SyntheticLA(SyntheticLAConfiguration(seed: seed, people: count, referenceDate: CalendarDate.today(from: Date()), duplicateRate: duplicateRate))
        let schools = Dictionary(la.organisations.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        let chunk = 10_000
        let chunks = (count + chunk - 1) / chunk
        let parts = ParallelJobs.map(count: chunks) { index -> [(LinkageRecord, Int)] in
            let keys = (index * chunk + 1)..<(min(count, (index + 1) * chunk) + 1)
            var random = BenchRandom(seed: seed &* 0x9E37_79B9 &+ UInt64(index))
            return keys.map { key in
                let person = la.person(key)
                let identity = person.identity
                let address = person.addresses.last
                let date = identity.dateOfBirth
                let record = LinkageRecord(
                    recordID: "P\(key)", givenName: identity.givenName, middleNames: identity.middleNames, familyName: identity.familyName,
                    dateOfBirth: BirthDate(year: date.year, month: date.month, day: date.day), gender: identity.gender.rawValue,
                    postcode: address?.postcode, address: address.map { $0.lines.joined(separator: ", ") },
                    upn: random.chance(identifierRate) ? identity.upn : nil, uln: random.chance(identifierRate) ? identity.uln : nil,
                    school: person.schoolKey.flatMap { schools[$0] })
                return (record, person.duplicateOf ?? person.key)
            }
        }
        let all = parts.flatMap { $0 }
        return BenchMatchData(records: all.map(\.0), truth: all.map(\.1))
    }

    /// The household generator's records (see ``HouseholdGenerator``): siblings and
    /// twins at one address, moves, name changes, several sources' habits.
    static func households(records count: Int, seed: UInt64) -> BenchMatchData {
        let generated = HouseholdGenerator.records(count: count, seed: seed)
        let records = generated.map { record in
            LinkageRecord(
                recordID: record.recordID, givenName: record.givenName, middleNames: record.middleNames, familyName: record.familyName,
                dateOfBirth: record.dateOfBirth.map { BirthDate(year: $0.year, month: $0.month, day: $0.day) }, gender: record.gender,
                postcode: record.postcode, address: record.address, phone: record.phone, upn: record.upn, uln: record.uln, school: record.school)
        }
        return BenchMatchData(records: records, truth: generated.map(\.personKey))
    }

    static func writeCSV(_ records: [LinkageRecord], truth: [Int], to path: String) throws {
        var text = "record_id,given_name,middle_names,family_name,dob,gender,postcode,address,phone,upn,uln,school,true_id\n"
        text.reserveCapacity(records.count * 120)
        for (record, person) in zip(records, truth) {
            let dob = record.dateOfBirth.map { String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day) }
            let fields = [
                record.recordID, record.givenName, record.middleNames, record.familyName, dob, record.gender, record.postcode, record.address,
                record.phone, record.upn, record.uln, record.school, "T\(person)",
            ]
            text += fields.map { MatchCSV.quoted($0 ?? "") }.joined(separator: ",")
            text += "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The most resident memory the process has had, from getrusage.
    static func peakMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
        #endif
    }
}

/// Runs independent jobs on all cores, results in job order.
enum ParallelJobs {
    static func map<T: Sendable>(count: Int, _ job: @escaping @Sendable (Int) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, job(index)) }
        return results.values
    }

    private final class ResultSlots<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }
        var values: [T] { slots.map { $0! } }
    }
}

extension BenchRandom {
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < probability
    }
}
