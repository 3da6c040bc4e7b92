import ArgumentParser
import Foundation
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkStore

extension Bench {
    /// The regional (or national) "known elsewhere?" index: synthetic
    /// identities spread over many LAs, each LA's file published with the
    /// region's key, all loaded (the build), then look-ups of three digests
    /// each, half of people on the index and half not.
    struct KnownElsewhereIndexBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "known-elsewhere",
            abstract: "Build a known-elsewhere index of synthetic people from many LAs' files and time look-ups; print build time, RSS and look-up percentiles.")

        @Option(help: "Young people in the index, across all LAs.") var people = 2_000_000
        @Option(help: "How many LAs publish (the people are spread evenly).") var authorities = 150
        @Option(help: "Look-ups to time.") var lookups = 10_000
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let (installation, temporary) = try storage.benchInstallation(loadingPeople: true, label: "known-elsewhere")
            let files = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-ke-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
            defer {
                try? FileManager.default.removeItem(atPath: files)
                if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
            }
            let store = try await installation.open(logger: CommandLogging.logger("bench", level: .warning))
            let key = Data((0..<32).map { _ in UInt8.random(in: 0...255) })
            let codes = Array(DemoAuthority.registry.allCodes.filter { !$0.isOutsideEngland && $0.code != "702" }.prefix(authorities))
            let desk = KnownElsewhereDesk(store: store, registry: DemoAuthority.registry, laCode: codes[0])
            try await desk.setRegionKey(id: "bench", base64: key.base64EncodedString(), by: .system("bench"), at: Date())
            let hasher = KnownElsewhereHasher(keyID: "bench", key: key)
            var started = ContinuousClock.now
            var paths: [String] = []
            for (index, code) in codes.enumerated() {
                let range = (people * index / codes.count)..<(people * (index + 1) / codes.count)
                paths.append(try BenchIdentities.writeFile(la: code.code, people: range, hasher: hasher, directory: files))
            }
            let published = (ContinuousClock.now - started).seconds
            started = ContinuousClock.now
            // RSS sampled every 100 ms while the files load, so a climb inside one LA's load shows too.
            let sampler = RSSSampler(every: .milliseconds(100))
            // As `index load` does: two files at a time on PostgreSQL.
            let loads = LockedLoads()
            await desk.load(files: paths, by: .system("bench")) { loads.append($0) }
            let digests = try loads.all.reduce(0) { $0 + (try $1.outcome.get().digests) }
            let built = (ContinuousClock.now - started).seconds
            let rss = await sampler.stop()
            let index = KnownElsewhereIndex(store: store)
            var times: [Double] = []
            var hits = 0
            for n in 0..<lookups {
                // Even look-ups ask about someone published, odd ones about someone nobody holds.
                let person = n % 2 == 0 ? Int.random(in: 0..<people) : people + n
                let asked = hasher.digests(for: BenchIdentities.identity(person))
                let clock = ContinuousClock.now
                let found = try await index.holders(of: asked)
                times.append((ContinuousClock.now - clock).seconds * 1000)
                if !found.isEmpty { hits += 1 }
            }
            try await store.database.close()
            times.sort()
            func percentile(_ p: Double) -> Double { times.isEmpty ? 0 : times[min(times.count - 1, Int(Double(times.count) * p))] }
            print("bench known-elsewhere: \(installation.location), \(people) people in \(codes.count) LAs, \(digests) digests, \(desk.filesAtOnce) file(s) at a time")
            print(String(format: "  publish (hash and write files)  %.1f s", published))
            print(String(format: "  build (load every file)         %.1f s  (%.0f digests/s)", built, Double(digests) / max(built, 0.001)))
            print("  RSS during build (MB)           \(rss.samples) samples: start \(rss.start / 1024), peak \(rss.peak / 1024), steady (median of the second half) \(rss.steady / 1024), end \(rss.end / 1024)")
            print(String(format: "  look-ups (3 digests each)       %d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; %d of %d found", lookups, percentile(0.5), percentile(0.95), percentile(0.99), hits, lookups))
        }
    }
}

/// Synthetic identities for the bench: names of letters only (digits would be
/// dropped by normalisation), a date of birth, and a UPN and ULN for most.
enum BenchIdentities {
    static func identity(_ n: Int) -> YoungPersonIdentity {
        let born = CalendarDate(dayNumber: 12_800 + n % 3_000)
        return YoungPersonIdentity(
            givenName: letters(n &* 7 &+ 3), familyName: letters(n), dateOfBirth: born, gender: .unknown, ethnicity: .notObtained,
            upn: n % 5 == 0 ? nil : "A" + String(format: "%012d", n), uln: n % 3 == 0 ? nil : String(format: "%010d", 1_000_000_000 + n))
    }

    static func letters(_ n: Int) -> String {
        var value = n
        var out = ""
        repeat {
            out.append(Character(Unicode.Scalar(UInt8(97 + value % 26))))
            value /= 26
        } while value > 0
        return out
    }

    static func writeFile(la: String, people: Range<Int>, hasher: KnownElsewhereHasher, directory: String) throws -> String {
        let path = directory + "/\(la).txt"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot write \(path)") }
        defer { try? handle.close() }
        try handle.write(contentsOf: Data("waymark-known-elsewhere 1\nla \(la)\nkey \(hasher.keyID)\n".utf8))
        var count = 0
        var buffer = ""
        for n in people {
            for digest in hasher.digests(for: identity(n)) {
                buffer += digest + "\n"
                count += 1
            }
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data((buffer + "end \(count)\n").utf8))
        return path
    }
}

/// The bench's loaded files, gathered as they finish.
final class LockedLoads: @unchecked Sendable {
    private let lock = NSLock()
    private var loads: [KnownElsewhereFileLoad] = []
    var all: [KnownElsewhereFileLoad] { lock.withLock { loads } }
    func append(_ load: KnownElsewhereFileLoad) { lock.withLock { loads.append(load) } }
}

/// Samples the resident set size on a timer until stopped.
final class RSSSampler: @unchecked Sendable {
    struct Summary {
        let samples: Int
        let start: Int
        let peak: Int
        let steady: Int
        let end: Int
    }

    private let lock = NSLock()
    private var values: [Int] = [BenchMemory.residentKB()]
    private var task: Task<Void, Never>?

    init(every interval: Duration) {
        task = Task.detached { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self else { return }
                self.lock.withLock { self.values.append(BenchMemory.residentKB()) }
            }
        }
    }

    /// Stops sampling; the summary in kB.
    func stop() async -> Summary {
        task?.cancel()
        await task?.value
        let all = lock.withLock { values + [BenchMemory.residentKB()] }
        let second = all.suffix(max(1, all.count / 2)).sorted()
        return Summary(samples: all.count, start: all[0], peak: all.max() ?? 0, steady: second[second.count / 2], end: all[all.count - 1])
    }
}

enum BenchMemory {
    /// Resident set size in kB, from /proc (0 where there is none).
    static func residentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}
