import Testing
@testable import WaymarkMatching

/// Blocking, scoring, explanation and clustering end to end on a small known population.
@Suite struct LinkageEngineTests {
    @Test func blockingYieldsEveryTruePair() {
        let (records, truth) = LinkageFixtures.population()
        let prepared = PreparedRecords(records)
        let blocks = CandidateBlocks(prepared, rules: BlockingRule.allCases, maxBlockSize: 1_000, linking: false)
        let candidates = CandidatePairs(prepared, blocks: blocks, linking: false, chunks: 8)
        let found = Set(candidates.pairs)
        #expect(found.count == candidates.count, "each pair is compared once")
        var missed: [String] = []
        for i in records.indices {
            for j in (i + 1)..<records.count where truth[i] == truth[j] {
                if !found.contains(UInt64(i) << 32 | UInt64(j)) { missed.append("\(records[i].recordID)~\(records[j].recordID)") }
            }
        }
        #expect(missed.isEmpty, "missed \(missed)")
        #expect(candidates.count < records.count * (records.count - 1) / 20, "blocking compares far fewer than all pairs")
    }

    @Test func oversizedBlocksAreSkippedAndReported() {
        let records = (0..<50).map { LinkageRecord(recordID: "r\($0)", givenName: "Sam", familyName: "Smith", dateOfBirth: BirthDate(year: 2008, month: 1, day: 2)) }
        let blocks = CandidateBlocks(PreparedRecords(records), rules: [.dateOfBirthAndFamilySound, .upn], maxBlockSize: 10, linking: false)
        #expect(blocks.blocks.isEmpty)
        #expect(blocks.skipped == [SkippedBlock(rule: .dateOfBirthAndFamilySound, size: 50)])
    }

    @Test func dedupeFindsThePlantedDuplicates() {
        let (records, truth) = LinkageFixtures.population()
        let result = LinkageEngine.dedupe(records, configuration: LinkageConfiguration(randomPairs: 200_000))
        let matches = result.matches
        let correct = matches.filter { truth[$0.left] == truth[$0.right] }.count
        let truePairs = records.count - Set(truth).count
        #expect(Double(correct) / Double(max(matches.count, 1)) >= 0.95, "precision \(correct)/\(matches.count)")
        #expect(Double(correct) / Double(truePairs) >= 0.8, "recall \(correct)/\(truePairs)")
        let clusters = try! #require(result.clusters)
        #expect(clusters.clusterIDs.count == records.count)
        for (index, record) in records.enumerated() where record.recordID.hasPrefix("D") && clusters.clusterIDs[index] != record.recordID {
            #expect(clusters.clusterIDs[index] == "B" + record.recordID.dropFirst(), "a duplicate joins its base record's cluster, named by the smaller id")
        }
        let again = LinkageEngine.dedupe(records, configuration: LinkageConfiguration(randomPairs: 200_000))
        #expect(again.clusters?.clusterIDs == clusters.clusterIDs, "runs repeat exactly")
    }

    @Test func explanationsAddUpToTheScore() throws {
        let (records, _) = LinkageFixtures.population()
        let result = LinkageEngine.dedupe(records, configuration: LinkageConfiguration(randomPairs: 200_000))
        let pair = try #require(result.pairs.first)
        for pair in result.pairs.prefix(50) {
            let explanation = result.explanation(for: pair)
            // The household fields count once together (see FellegiSunterModel.evidence).
            let personFields = explanation.fields.filter { !$0.field.isHousehold }
            let sum = explanation.priorWeight + personFields.reduce(0) { $0 + $1.weight } + explanation.householdWeight
            #expect(abs(sum - explanation.totalWeight) < 1e-9)
            #expect(abs(explanation.totalWeight - pair.weight) < 1e-9)
            #expect(abs(explanation.probability - pair.probability) < 1e-12)
            #expect(explanation.fields.count == LinkageField.allCases.count)
            for field in explanation.fields {
                #expect(field.level == field.field.levelNames[Int(result.comparison(left: pair.left, right: pair.right).level(field.field))])
                if field.level == "missing" { #expect(field.weight == 0 && field.m == nil) }
            }
        }
        let explanation = result.explanation(for: pair)
        #expect(explanation.text.contains("given_name"))
        #expect(explanation.text.contains("total"))
        #expect(explanation.jsonLines.count == 1 + LinkageField.allCases.count)
        #expect(explanation.jsonLines[1].hasPrefix("{\"field\":\"given_name\",\"level\":"))
        // A pair of different people explains itself as a non-match.
        let strangers = result.explanation(left: 2, right: 3)
        #expect(strangers.outcome == .nonMatch)
        #expect(strangers.fields.first { $0.field == .upn }?.level == "different")
    }

    @Test func commonNamesCountForLessThanRareOnes() throws {
        var records = (0..<40).map { LinkageRecord(recordID: "s\($0)", givenName: "Sam", familyName: "Smith", dateOfBirth: BirthDate(year: 2008, month: 1, day: $0 % 28 + 1)) }
        records += [
            LinkageRecord(recordID: "p1", givenName: "Sam", familyName: "Pemberton", dateOfBirth: BirthDate(year: 2007, month: 5, day: 5)),
            LinkageRecord(recordID: "p2", givenName: "Sam", familyName: "Pemberton", dateOfBirth: BirthDate(year: 2007, month: 5, day: 5)),
            LinkageRecord(recordID: "s100", givenName: "Sam", familyName: "Smith", dateOfBirth: BirthDate(year: 2007, month: 5, day: 6)),
            LinkageRecord(recordID: "s101", givenName: "Sam", familyName: "Smith", dateOfBirth: BirthDate(year: 2007, month: 5, day: 6)),
        ]
        let result = LinkageEngine.dedupe(records, configuration: LinkageConfiguration(randomPairs: 50_000))
        let n = records.count
        let rare = result.explanation(left: n - 4, right: n - 3).fields[LinkageField.familyName.rawValue]
        let common = result.explanation(left: n - 2, right: n - 1).fields[LinkageField.familyName.rawValue]
        #expect(rare.level == "exact" && common.level == "exact")
        #expect(rare.termFrequencyAdjustment > 0)
        #expect(common.termFrequencyAdjustment < 0)
        #expect(rare.weight > common.weight)
    }

    @Test func linkingPairsOnlyAcrossTheTwoSets() {
        let (records, truth) = LinkageFixtures.population(people: 200)
        let left = records.enumerated().filter { $0.element.recordID.hasPrefix("B") }.map(\.element)
        let right = records.enumerated().filter { $0.element.recordID.hasPrefix("D") }.map(\.element)
        let result = LinkageEngine.link(left: left, right: right, configuration: LinkageConfiguration(randomPairs: 100_000))
        #expect(result.clusters == nil)
        #expect(!result.matches.isEmpty)
        for pair in result.pairs { #expect(pair.left < left.count && pair.right >= left.count) }
        let ids = result.records.recordIDs
        let correct = result.matches.filter { ids[$0.left].dropFirst() == ids[$0.right].dropFirst() }.count
        #expect(Double(correct) / Double(result.matches.count) >= 0.95)
        #expect(Double(correct) / Double(right.count) >= 0.8)
        _ = truth
    }
}
