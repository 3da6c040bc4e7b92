import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Two LAs publish keyed digests; the index (run by the first) answers which
/// other LA holds a young person — a code, never a name.
@Suite(.serialized) struct KnownElsewhereTests {
    static let key = Data(repeating: 9, count: 32).base64EncodedString()

    func elsewhere(_ la: TransferLA) -> KnownElsewhereDesk {
        KnownElsewhereDesk(store: la.store, registry: TransferLA.registry, laCode: la.code)
    }

    /// Publishes `la`'s young people to a temporary file and returns its path.
    func publish(_ la: TransferLA, keyID: String = "region-1", key: String = Self.key) async throws -> String {
        try await elsewhere(la).setRegionKey(id: keyID, base64: key, by: .system("test"), at: TransferLA.now)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ke-\(UUID().uuidString).txt").path
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        _ = try await elsewhere(la).publish(by: .system("test"), at: TransferLA.now) { try handle.write(contentsOf: Data($0.utf8)) }
        return path
    }

    @Test(arguments: TestDatabases.engines)
    func aLookUpNamesTheOtherAuthorityAndNoName(_ engine: DatabaseEngine) async throws {
        try await TransferLA.pair(engine) { index, kent in
            // given: both hold Amara (spelt differently), Kent also holds someone else
            let here = try await index.addPerson(given: "AMARA", family: "okafor", uln: nil)
            _ = try await kent.addPerson(given: "Amara", family: "Okafor")
            let stranger = try await index.addPerson(given: "Zed", family: "Nobody", born: "2008-01-01", uln: nil)
            let kentFile = try await publish(kent)
            let ownFile = try await publish(index)
            // when
            let loaded = try await elsewhere(index).load(try KnownElsewhereFileSource(path: kentFile), fileSHA256: "k", by: .system("test"), at: TransferLA.now)
            _ = try await elsewhere(index).load(try KnownElsewhereFileSource(path: ownFile), fileSHA256: "o", by: .system("test"), at: TransferLA.now)
            let tracker = index.grant(index.trackingOfficer)
            let answer = try await elsewhere(index).lookUp(for: tracker, person: here, at: TransferLA.now)
            let nobody = try await elsewhere(index).lookUp(for: tracker, person: stranger, at: TransferLA.now)
            // then
            #expect(loaded.la == "886" && loaded.digests == 2, "ULN and name with date of birth")
            #expect(answer.authorities.map(\.code) == ["886"], "Kent, and never the asking LA itself")
            #expect(nobody.authorities.isEmpty)
            let stored = try await index.store.sql.select().columns("digest", "la_code").from("known_elsewhere_hash").all()
            for row in stored {
                let digest = try row.decode(column: "digest", as: String.self)
                #expect(digest.count == 32 && !digest.contains("amara") && !digest.contains("okafor"))
            }
            let audited = try await index.store.sql.select().columns("detail", "person_id").from("audit_event").where("entity", .equal, "known_elsewhere")
                .orderBy("id").all().map { (try $0.decode(column: "detail", as: String?.self), try $0.decode(column: "person_id", as: Int64?.self)) }
            #expect(audited.map(\.0) == ["matches=1", "matches=0"] && audited.map(\.1) == [here, stranger])
            // a match opens a transfer request
            _ = try await elsewhere(index).requestTransfer(for: tracker, person: here, from: "886", at: TransferLA.now)
            #expect(try await index.count("transfer_request") == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aBrokenOrForeignKeyedFileLeavesTheEarlierPublicationInPlace(_ engine: DatabaseEngine) async throws {
        try await TransferLA.pair(engine) { index, kent in
            // given: Kent's good file loaded
            let here = try await index.addPerson()
            _ = try await kent.addPerson()
            let good = try await publish(kent)
            _ = try await publish(index)
            _ = try await elsewhere(index).load(try KnownElsewhereFileSource(path: good), fileSHA256: "g", by: .system("test"), at: TransferLA.now)
            // when: a cut-short copy, and a file hashed under another key
            let text = try String(contentsOfFile: good, encoding: .utf8)
            let cut = good + ".cut"
            try Data(text.split(separator: "\n").dropLast().joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: cut))
            await #expect(throws: (any Error).self) {
                _ = try await elsewhere(index).load(try KnownElsewhereFileSource(path: cut), fileSHA256: "c", by: .system("test"), at: TransferLA.now)
            }
            let foreign = try await publish(kent, keyID: "other-region", key: Data(repeating: 1, count: 32).base64EncodedString())
            let refused = await #expect(throws: Refusal.self) {
                _ = try await elsewhere(index).load(try KnownElsewhereFileSource(path: foreign), fileSHA256: "f", by: .system("test"), at: TransferLA.now)
            }
            // then
            #expect(refused?.description.contains("other-region") == true)
            #expect(try await index.count("known_elsewhere_hash") == 2)
            #expect(try await elsewhere(index).lookUp(for: index.manager, person: here, at: TransferLA.now).authorities.map(\.code) == ["886"])
        }
    }

    /// `index load` of several files, two at a time on PostgreSQL: each file stands or falls alone.
    @Test(arguments: TestDatabases.engines)
    func severalFilesLoadTogetherAndABadOneIsRefusedAlone(_ engine: DatabaseEngine) async throws {
        try await TransferLA.pair(engine) { index, kent in
            let here = try await index.addPerson()
            _ = try await kent.addPerson()
            let kentFile = try await publish(kent)
            let ownFile = try await publish(index)
            let text = try String(contentsOfFile: kentFile, encoding: .utf8)
            let cut = kentFile + ".cut"
            try Data(text.split(separator: "\n").dropLast().joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: cut))
            let loads = LoadsHeard()
            await elsewhere(index).load(files: [kentFile, cut, ownFile], by: .system("test")) { loads.append($0) }
            let heard = loads.all
            #expect(Set(heard.map(\.path)) == [kentFile, cut, ownFile], "every file is heard of once")
            let digests = Dictionary(uniqueKeysWithValues: heard.compactMap { load in (try? load.outcome.get()).map { (load.path, $0.digests) } })
            #expect(digests[kentFile] == 2 && digests[ownFile] == 2)
            #expect(digests[cut] == nil, "the cut-short file is refused")
            // Kent's good file stands, whichever of the two finished first.
            #expect(try await index.count("known_elsewhere_hash") == 4)
            #expect(try await elsewhere(index).lookUp(for: index.manager, person: here, at: TransferLA.now).authorities.map(\.code) == ["886"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func lookUpsAreLimitedPerUserAndHour(_ engine: DatabaseEngine) async throws {
        try await TransferLA.pair(engine) { index, _ in
            let person = try await index.addPerson()
            try await elsewhere(index).setRegionKey(id: "region-1", base64: Self.key, by: .system("test"), at: TransferLA.now)
            var desk = elsewhere(index)
            desk.policy = KnownElsewherePolicy(lookupsPerHour: 2)
            let tracker = index.grant(index.trackingOfficer)
            #expect(try await desk.lookUp(for: tracker, person: person, at: TransferLA.now).lookupsLeft == 1)
            #expect(try await desk.lookUp(for: tracker, person: person, at: TransferLA.now).lookupsLeft == 0)
            await #expect(throws: Refusal.self) { try await desk.lookUp(for: tracker, person: person, at: TransferLA.now) }
            #expect(try await desk.lookUp(for: tracker, person: person, at: TransferLA.now.addingTimeInterval(3601)).lookupsLeft == 1, "an hour later")
            await #expect(throws: Refusal.self, "a young person not in the user's records") {
                try await desk.lookUp(for: index.manager, person: 999, at: TransferLA.now)
            }
        }
    }
}

/// Loads heard of while files load at once.
final class LoadsHeard: @unchecked Sendable {
    private let lock = NSLock()
    private var loads: [KnownElsewhereFileLoad] = []
    var all: [KnownElsewhereFileLoad] { lock.withLock { loads } }
    func append(_ load: KnownElsewhereFileLoad) { lock.withLock { loads.append(load) } }
}
