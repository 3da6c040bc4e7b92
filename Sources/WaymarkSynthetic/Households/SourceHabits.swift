/// How carefully a source keeps each field: what it holds at all, and how
/// often its clerks or forms get it wrong. Rates are per record.
struct SourceHabits: Sendable {
    var upnKept: Double
    var ulnKept: Double
    var middleKept: Double
    var nickname: Double
    var givenTypo: Double
    var familyTypo: Double
    var namesSwapped: Double
    var dayMonthSwapped: Double
    var dateDigit: Double
    var dateMissing: Double
    var postcodeMissing: Double
    var postcodeTypo: Double
    /// Still the address from before a move.
    var stale: Double
    var schoolKept: Double
    var phoneKept: Double
    /// The young person's own mobile rather than the household's number.
    var ownPhone: Double
    var abbreviatesAddress: Double
    var identifierMistyped: Double
    /// Another child of the household's UPN typed against this one.
    var siblingIdentifier: Double
    var genderMissing: Double
    var upperCase: Double

    static func of(_ source: RecordSource) -> SourceHabits {
        switch source {
        case .schoolCensus:
            SourceHabits(
                upnKept: 0.97, ulnKept: 0.35, middleKept: 0.8, nickname: 0.01, givenTypo: 0.01, familyTypo: 0.01, namesSwapped: 0.002,
                dayMonthSwapped: 0.003, dateDigit: 0.003, dateMissing: 0, postcodeMissing: 0.01, postcodeTypo: 0.005, stale: 0.1,
                schoolKept: 1, phoneKept: 0.9, ownPhone: 0.05, abbreviatesAddress: 0.1, identifierMistyped: 0.003, siblingIdentifier: 0.001,
                genderMissing: 0.01, upperCase: 0.3)
        case .college:
            SourceHabits(
                upnKept: 0.3, ulnKept: 0.9, middleKept: 0.3, nickname: 0.08, givenTypo: 0.03, familyTypo: 0.03, namesSwapped: 0.005,
                dayMonthSwapped: 0.01, dateDigit: 0.01, dateMissing: 0.005, postcodeMissing: 0.03, postcodeTypo: 0.01, stale: 0.3,
                schoolKept: 1, phoneKept: 0.9, ownPhone: 0.6, abbreviatesAddress: 0.4, identifierMistyped: 0.01, siblingIdentifier: 0.001,
                genderMissing: 0.05, upperCase: 0)
        case .youthService:
            SourceHabits(
                upnKept: 0.05, ulnKept: 0.08, middleKept: 0.05, nickname: 0.3, givenTypo: 0.07, familyTypo: 0.07, namesSwapped: 0.02,
                dayMonthSwapped: 0.03, dateDigit: 0.02, dateMissing: 0.03, postcodeMissing: 0.12, postcodeTypo: 0.02, stale: 0.4,
                schoolKept: 0.5, phoneKept: 0.7, ownPhone: 0.6, abbreviatesAddress: 0.6, identifierMistyped: 0.02, siblingIdentifier: 0,
                genderMissing: 0.15, upperCase: 0)
        case .admissions:
            SourceHabits(
                upnKept: 0.7, ulnKept: 0, middleKept: 0.6, nickname: 0.02, givenTypo: 0.02, familyTypo: 0.02, namesSwapped: 0.01,
                dayMonthSwapped: 0.02, dateDigit: 0.005, dateMissing: 0, postcodeMissing: 0.01, postcodeTypo: 0.01, stale: 0.25,
                schoolKept: 0.6, phoneKept: 0.95, ownPhone: 0, abbreviatesAddress: 0.2, identifierMistyped: 0.005, siblingIdentifier: 0.003,
                genderMissing: 0.02, upperCase: 0.5)
        }
    }
}
