import Foundation
import Testing
@testable import WaymarkMatching

/// m counted among pairs other fields already show to be one person, and a
/// family's move counted as one piece of evidence, not three.
@Suite struct AnchoredMTests {
    static func vector(_ levels: [LinkageField: UInt8]) -> ComparisonVector {
        var vector = ComparisonVector()
        for (field, level) in levels { vector.set(field, level) }
        return vector
    }

    static let exact = NameLevel.exact.rawValue
    static let sameUPN: [LinkageField: UInt8] = [.upn: IdentifierLevel.equal.rawValue]

    /// 800 pairs with one UPN and near names and date, of which 200 moved: m
    /// for a different postcode is a quarter, whatever EM said.
    @Test func householdMIsCountedAmongPairsWithOneIdentifier() {
        var anchored = Self.sameUPN
        anchored[.givenName] = Self.exact
        anchored[.familyName] = NameLevel.close.rawValue
        anchored[.dateOfBirth] = DateLevel.swappedDayMonth.rawValue
        var stayed = anchored, moved = anchored
        stayed[.postcode] = PostcodeLevel.full.rawValue
        moved[.postcode] = PostcodeLevel.different.rawValue
        // A brother's UPN typed against his sister: another given name, so no anchor.
        var sibling = Self.sameUPN
        sibling[.givenName] = NameLevel.different.rawValue
        sibling[.familyName] = Self.exact
        sibling[.dateOfBirth] = DateLevel.withinYear.rawValue
        sibling[.postcode] = PostcodeLevel.full.rawValue
        let patterns = [Self.vector(stayed): 600, Self.vector(moved): 200, Self.vector(sibling): 5_000]

        let emM = LinkageField.allCases.map { ExpectationMaximisation.initialM(levels: $0.levelCount) }
        let m = AnchoredM.refine(emM, patterns: patterns)
        let postcode = m[LinkageField.postcode.rawValue]
        #expect(abs(postcode[Int(PostcodeLevel.different.rawValue)] - 200.5 / 802) < 1e-9)
        #expect(abs(postcode[Int(PostcodeLevel.full.rawValue)] - 600.5 / 802) < 1e-9)
        // The given name's anchor needs the family name and date near: the sibling's pairs are not counted.
        // (Four levels of a postcode, half a pair each: 800 pairs count as 802.)
        let given = m[LinkageField.givenName.rawValue]
        #expect(given[Int(NameLevel.different.rawValue)] < 0.01)
    }

    @Test func tooFewAnchoredPairsKeepEMsM() {
        var pair = Self.sameUPN
        pair[.givenName] = Self.exact
        pair[.familyName] = Self.exact
        pair[.dateOfBirth] = DateLevel.exact.rawValue
        pair[.postcode] = PostcodeLevel.different.rawValue
        let emM = LinkageField.allCases.map { ExpectationMaximisation.initialM(levels: $0.levelCount) }
        let m = AnchoredM.refine(emM, patterns: [Self.vector(pair): Int(AnchoredM.minimumPairs) - 1])
        #expect(m == emM)
    }

    /// Identifiers are measured among the same names and date at one address,
    /// where namesakes (who live elsewhere) do not reach.
    @Test func identifierMIsCountedAmongTheSameNamesAndDateAtOneAddress() {
        var home: [LinkageField: UInt8] = [
            .givenName: Self.exact, .familyName: Self.exact, .dateOfBirth: DateLevel.exact.rawValue, .address: AgreementLevel.equal.rawValue,
        ]
        home[.upn] = IdentifierLevel.equal.rawValue
        var namesake: [LinkageField: UInt8] = [
            .givenName: Self.exact, .familyName: Self.exact, .dateOfBirth: DateLevel.exact.rawValue, .address: AgreementLevel.different.rawValue,
        ]
        namesake[.upn] = IdentifierLevel.different.rawValue
        let emM = LinkageField.allCases.map { ExpectationMaximisation.initialM(levels: $0.levelCount) }
        let m = AnchoredM.refine(emM, patterns: [Self.vector(home): 1_000, Self.vector(namesake): 3_000])
        #expect(m[LinkageField.upn.rawValue][Int(IdentifierLevel.different.rawValue)] < 0.001)
    }

    /// A move changes postcode, address and phone together: with nothing of
    /// the household agreeing, only the strongest disagreement counts.
    @Test func aMoveIsOnePieceOfEvidence() {
        var m = LinkageField.allCases.map { ExpectationMaximisation.initialM(levels: $0.levelCount) }
        var u = m
        for field in [LinkageField.postcode, .address, .phone] {
            let different = field == .postcode ? Int(PostcodeLevel.different.rawValue) : Int(AgreementLevel.different.rawValue)
            m[field.rawValue][different] = 0.2
            u[field.rawValue][different] = 0.9
        }
        m[LinkageField.postcode.rawValue][Int(PostcodeLevel.different.rawValue)] = 0.05
        let model = FellegiSunterModel(m: m, u: u, priorWeight: 0, candidateMatchRate: 0, emIterations: 0)
        let moved = Self.vector([
            .postcode: PostcodeLevel.different.rawValue, .address: AgreementLevel.different.rawValue, .phone: AgreementLevel.different.rawValue,
        ])
        #expect(abs(model.householdEvidence(moved) - log2(0.05 / 0.9)) < 1e-9)
        // Beside an agreement each disagreement still counts: a neighbour shares the postcode, not the phone.
        let neighbour = Self.vector([.postcode: PostcodeLevel.full.rawValue, .phone: AgreementLevel.different.rawValue])
        let expected = model.weight(.postcode, level: PostcodeLevel.full.rawValue) + log2(0.2 / 0.9)
        #expect(abs(model.householdEvidence(neighbour) - expected) < 1e-9)
    }
}
