import Testing
@testable import WaymarkMatching

/// EM recovers the parameters of a mixture drawn from known m, u and match share.
@Suite struct ExpectationMaximisationTests {
    @Test func recoversKnownMAndLambda() {
        recover(lambda: 0.15, randomU: false)
    }

    @Test func recoversAMostlyMatchingMixtureFromTheRandomPairU() {
        // Linking two lists of mostly the same people: most candidates are matches.
        recover(lambda: 0.85, randomU: true)
    }

    func recover(lambda: Double, randomU: Bool) {
        // Five fields, conditionally independent by construction.
        let fields: [(LinkageField, m: [Double], u: [Double])] = [
            (.givenName, [0, 0.80, 0.06, 0.04, 0.02, 0.02, 0.01, 0.05], [0, 0.03, 0.01, 0.01, 0.05, 0.02, 0.01, 0.87]),
            (.familyName, [0, 0.85, 0.05, 0.02, 0.02, 0.01, 0.01, 0.04], [0, 0.02, 0.01, 0.01, 0.04, 0.01, 0.01, 0.90]),
            (.dateOfBirth, [0, 0.90, 0.03, 0.03, 0.02, 0.02], [0, 0.10, 0.01, 0.04, 0.35, 0.50]),
            (.postcode, [0, 0.70, 0.10, 0.10, 0.10], [0, 0.02, 0.05, 0.13, 0.80]),
            (.upn, [0, 0.97, 0.03], [0, 0.001, 0.999]),
        ]
        var random = SeededRandom(seed: 42)
        func draw(_ distribution: [Double]) -> UInt8 {
            var x = Double.random(in: 0..<1, using: &random)
            for (level, p) in distribution.enumerated() where level > 0 {
                x -= p
                if x < 0 { return UInt8(level) }
            }
            return UInt8(distribution.count - 1)
        }
        var counts: [ComparisonVector: Int] = [:]
        for _ in 0..<60_000 {
            let isMatch = Double.random(in: 0..<1, using: &random) < lambda
            var vector = ComparisonVector()
            for (field, m, u) in fields { vector.set(field, draw(isMatch ? m : u)) }
            counts[vector, default: 0] += 1
        }
        var uTable = LinkageField.allCases.map { [Double](repeating: 0, count: $0.levelCount) }
        for (field, _, u) in fields { uTable[field.rawValue] = u }
        let estimate = ExpectationMaximisation.estimate(patterns: counts.map { ($0.key, $0.value) }, randomU: randomU ? uTable : nil)
        #expect(abs(estimate.lambda - lambda) < 0.01, "lambda \(estimate.lambda)")
        for (field, m, u) in fields {
            for level in 1..<m.count {
                #expect(abs(estimate.m[field.rawValue][level] - m[level]) < 0.02, "m \(field) level \(level): \(estimate.m[field.rawValue][level])")
                #expect(abs(estimate.u[field.rawValue][level] - u[level]) < 0.02, "u \(field) level \(level): \(estimate.u[field.rawValue][level])")
            }
        }
        #expect(estimate.iterations < 100, "converged")
    }

    @Test func weightsAreLogRatios() {
        #expect(FellegiSunterModel.weight(m: 0.8, u: 0.1) == 3)
        #expect(FellegiSunterModel.probability(weight: 0) == 0.5)
        #expect(abs(FellegiSunterModel.probability(weight: 3) - 8.0 / 9.0) < 1e-12)
    }
}
