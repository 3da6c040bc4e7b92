import Foundation

/// A match probability as a person should read it. Rounded to one decimal,
/// a pair at 0.9996 and one at 0.99999999 both said "100.0%", a certainty
/// the model never has; the ends are said as bounds instead.
enum MatchProbabilityText {
    static func percent(_ probability: Double) -> String {
        if probability >= 0.999 { return "over 99.9%" }
        if probability < 0.001 { return "under 0.1%" }
        return String(format: "%.1f%%", probability * 100)
    }
}
