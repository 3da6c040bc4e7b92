import Testing
import WaymarkCore

struct ReturnFileChecksTests {
    /// The good fixture under another id, with its own ULN and name, so it duplicates nothing.
    func other(_ change: (inout ReturnRecord) -> Void = { _ in }) -> ReturnRecord {
        var record = ReturnFixture.good
        record.personID = 43
        record.youngPersonsID = "9900000123457"
        record.uln = "1234567891"
        record.givenName = "Amir"
        record.familyName = "Haddad"
        change(&record)
        return record
    }

    func numbers(_ findings: [ReturnFinding]) -> [Int] { findings.map(\.error.number) }

    @Test func distinctRecordsHaveNoFindings() {
        var checks = ReturnFileChecks()
        #expect(checks.add(ReturnFixture.good).isEmpty)
        #expect(checks.add(other()).isEmpty)
        #expect(checks.add(other { $0.youngPersonsID = "9900000123458"; $0.uln = nil; $0.givenName = "Zoë" }).isEmpty)
    }

    @Test func aRepeatedYoungPersonsIDIsReportedOnTheSecondAndLaterRecords() throws {
        var checks = ReturnFileChecks()
        #expect(checks.add(ReturnFixture.good).isEmpty)
        let second = checks.add(ReturnFixture.good)
        // The same ULN and name on the same id is one problem, reported once.
        #expect(numbers(second) == [902])
        #expect(numbers(checks.add(other { $0.youngPersonsID = ReturnFixture.good.youngPersonsID })) == [902])
        let finding = try #require(second.first)
        #expect(finding.error.priority == 1)
        #expect(finding.youngPersonsID == ReturnFixture.good.youngPersonsID)
    }

    @Test func aULNOnTwoYoungPeopleIsError907NamingTheFirst() throws {
        var checks = ReturnFileChecks()
        _ = checks.add(ReturnFixture.good)
        let findings = checks.add(other { $0.uln = ReturnFixture.good.uln })
        #expect(numbers(findings) == [907])
        let finding = try #require(findings.first)
        #expect(finding.personID == 43)
        #expect(finding.detail == "Same ULN as YoungPersonsID 9900000123456")
    }

    @Test func theSameNameAndBirthDateIsAPossibleDuplicateAtPriorityThree() throws {
        var checks = ReturnFileChecks()
        _ = checks.add(ReturnFixture.good)
        let findings = checks.add(other {
            $0.givenName = " ZOE "
            $0.familyName = "o’brien smith"
        })
        #expect(numbers(findings) == [908])
        let finding = try #require(findings.first)
        #expect(finding.error.priority == 3)
        #expect(!finding.error.rejectsFile)
        let detail = try #require(finding.detail)
        for value in ReturnFixture.personalValues(of: ReturnFixture.good) {
            #expect(!detail.contains(value))
        }
        #expect(!detail.lowercased().contains("zoe") && !detail.lowercased().contains("brien"))
    }

    @Test func theSameNameWithAnotherBirthDateIsNotADuplicate() {
        var checks = ReturnFileChecks()
        _ = checks.add(ReturnFixture.good)
        #expect(checks.add(other { $0.givenName = "Zoë"; $0.familyName = "O'Brien-Smith"; $0.dateOfBirth = d("2009-01-16") }).isEmpty)
        let noBirthDate = other {
            $0.youngPersonsID = "9900000123458"
            $0.uln = nil
            $0.givenName = "Zoë"
            $0.dateOfBirth = nil
        }
        #expect(checks.add(noBirthDate).isEmpty)
    }

    @Test func recordsAlreadyMarkedAsDuplicatesAreNotFlaggedAgain() {
        var checks = ReturnFileChecks()
        _ = checks.add(ReturnFixture.good)
        let marked = other {
            $0.cohortStatus = "M"
            $0.uln = ReturnFixture.good.uln
            $0.givenName = ReturnFixture.good.givenName
            $0.familyName = ReturnFixture.good.familyName
        }
        #expect(checks.add(marked).isEmpty)
    }

    @Test func everyOccurrenceAfterTheFirstIsReported() {
        var checks = ReturnFileChecks()
        let results = (0..<4).map { _ in numbers(checks.add(other { $0.uln = "5555555555" })) }
        #expect(results == [[], [902], [902], [902]])
        let ulnResults = ["Ali", "Bea", "Cai"].enumerated().map { index, name in
            numbers(checks.add(other { $0.youngPersonsID = "990000020000\(index)"; $0.uln = "5555555555"; $0.givenName = name }))
        }
        #expect(ulnResults == [[907], [907], [907]])
    }
}
