/// A count out of a denominator.
///
/// Figures keep both whole numbers and work out the percentage only when asked, so a
/// published rate can always be traced back to the people behind it.
public struct Proportion: Sendable, Hashable, CustomStringConvertible {
    public var count: Int
    public var denominator: Int

    public init(_ count: Int, of denominator: Int) {
        self.count = count
        self.denominator = denominator
    }

    /// The percentage (0–100), or nil when the denominator is zero: with nobody to measure there is no rate, not 0%.
    public var percentage: Double? {
        denominator == 0 ? nil : Double(count) * 100 / Double(denominator)
    }

    /// The percentage rounded half up to one decimal place, e.g. "12.5"; empty when there is no rate.
    ///
    /// Worked in whole tenths so the text never shows a binary rounding artefact.
    public var percentageText: String {
        guard denominator > 0 else { return "" }
        let tenths = (count * 2000 + denominator) / (denominator * 2)
        return "\(tenths / 10).\(tenths % 10)"
    }

    public var description: String { "\(count)/\(denominator)" }
}
