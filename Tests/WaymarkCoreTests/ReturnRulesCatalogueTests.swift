import Testing
import WaymarkCore

struct ReturnRulesCatalogueTests {
    /// Every number in the reference's Appendix D digest (§8.2), typed out by hand.
    static let appendixD: Set<Int> = Set(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 19, 24, 25, 26, 27, 29]
            + Array(30...46)
            + Array(100...104)
            + [200, 201, 202, 203, 220, 221, 224, 225, 226, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238]
            + [240, 242, 243, 244, 251, 253, 254, 255, 256, 257, 258, 259, 260, 261, 262]
            + Array(301...306)
            + Array(902...909))

    @Test func theCatalogueListsEveryAppendixDErrorOnceInOrder() {
        let numbers = ReturnErrorCatalogue.all.map(\.number)
        #expect(Set(numbers) == Self.appendixD)
        #expect(numbers.count == Self.appendixD.count)
        #expect(numbers == numbers.sorted())
    }

    @Test(arguments: appendixD.sorted())
    func eachErrorIsLookedUpByNumberAndExplainsItself(number: Int) {
        let error = ReturnErrorCatalogue.error(number)
        #expect(error.number == number)
        #expect((1...3).contains(error.priority))
        #expect(!error.field.isEmpty && error.field.allSatisfy { $0.isLetter || $0.isNumber })
        #expect(error.message.count > 15)
    }

    @Test func onlyTheSuspectedDuplicateIsPriorityThree() {
        #expect(ReturnErrorCatalogue.error(908).priority == 3)
        #expect(ReturnErrorCatalogue.all.filter { $0.priority == 3 }.map(\.number) == [908])
    }

    @Test func onlyAMissingActivityOrAnUnrecognisedCohortStatusRejectsTheFile() {
        let rejecting = ReturnErrorCatalogue.all.filter(\.rejectsFile)
        #expect(rejecting.map(\.number) == [240, 904])
        #expect(rejecting.allSatisfy { $0.priority == 1 })
    }

    @Test func errorsNameTheirNCCISElements() {
        #expect(ReturnErrorCatalogue.error(242).field == "DateAscertained")
        #expect(ReturnErrorCatalogue.error(43).field == "Postcode")
        #expect(ReturnErrorCatalogue.error(904).field == "CohortStatus")
        #expect(ReturnErrorCatalogue.error(240).field == "Activities")
    }
}
