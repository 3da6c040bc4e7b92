import Foundation
import WaymarkCore

/// The school census template's columns, each checked by its rule: a
/// percentage from 0 to 100, whole numbers of 0 or more, Y or N, the SEN
/// provision codes, Met or Not met, an Attainment 8 score from 0 to 90.
extension RowChecker {
    mutating func census(school: ImportEstablishment) -> ImportEvent? {
        let day = required(.censusDate, dateParser)
        var facts: [SchoolFact] = []
        let attendance = optional(.attendancePercent) { text throws(ImportValues.ValueFailure) in
            try Self.number(text.replacingOccurrences(of: "%", with: ""), in: 0...100, rule: "percentage", what: "a percentage from 0 to 100")
        }
        let suspensions = optional(.suspensions) { text throws(ImportValues.ValueFailure) in try Self.count(text) }
        let excluded = optional(.permanentlyExcluded, Self.yesNo)
        let meals = optional(.freeSchoolMeals, Self.yesNo)
        let sen = optional(.senProvision) { text throws(ImportValues.ValueFailure) in
            let code = text.uppercased()
            guard ["N", "K", "E"].contains(code) else { throw .init(rule: "code", message: "'\(text)' is not an SEN provision: N, K or E") }
            return code
        }
        let language = optional(.firstLanguage) { text throws(ImportValues.ValueFailure) in
            let code = text.uppercased()
            guard (3...4).contains(code.count), code.allSatisfy({ $0.isLetter && $0.isASCII }) else {
                throw .init(rule: "code", message: "'\(text)' is not a census language code such as ENG or POL")
            }
            return code
        }
        let carer = optional(.youngCarer, Self.yesNo)
        let ks2 = optional(.keyStage2) { text throws(ImportValues.ValueFailure) in
            switch ImportField.headerKey(text) {
            case "met", "yes", "y": return "met"
            case "notmet", "no", "n": return "not-met"
            default: throw .init(rule: "met or not met", message: "'\(text)' is not Met or Not met")
            }
        }
        let attainment = optional(.attainment8) { text throws(ImportValues.ValueFailure) in
            try Self.number(text, in: 0...90, rule: "attainment 8", what: "an Attainment 8 score from 0 to 90")
        }
        let moves = optional(.schoolMoves) { text throws(ImportValues.ValueFailure) in try Self.count(text) }
        guard let day else { return nil }
        if let attendance { facts.append(SchoolFact(kind: .attendance, date: day, value: attendance)) }
        for _ in 0..<min(suspensions ?? 0, 50) { facts.append(SchoolFact(kind: .suspension, date: day)) }
        if excluded == true { facts.append(SchoolFact(kind: .permanentExclusion, date: day)) }
        if let meals { facts.append(SchoolFact(kind: .freeSchoolMeals, date: day, code: meals ? "eligible" : "not-eligible")) }
        if let sen { facts.append(SchoolFact(kind: .senProvision, date: day, code: sen)) }
        if let language { facts.append(SchoolFact(kind: .firstLanguage, date: day, code: language)) }
        if let ks2 { facts.append(SchoolFact(kind: .keyStage2, date: day, code: ks2)) }
        if let attainment { facts.append(SchoolFact(kind: .attainment8, date: day, value: attainment)) }
        for _ in 0..<min(moves ?? 0, 50) { facts.append(SchoolFact(kind: .schoolMove, date: day)) }
        return .census(SchoolCensusRow(school: school, censusDate: day, facts: facts, youngCarer: carer == true))
    }

    static func number(_ text: String, in range: ClosedRange<Double>, rule: String, what: String) throws(ImportValues.ValueFailure) -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, range.contains(value) else {
            throw .init(rule: rule, message: "'\(text)' is not \(what)")
        }
        return value
    }

    static func count(_ text: String) throws(ImportValues.ValueFailure) -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (0...50).contains(value) else {
            throw .init(rule: "whole number", message: "'\(text)' is not a whole number from 0 to 50")
        }
        return value
    }

    static func yesNo(_ text: String) throws(ImportValues.ValueFailure) -> Bool {
        switch ImportField.headerKey(text) {
        case "y", "yes", "true", "1": return true
        case "n", "no", "false", "0": return false
        default: throw .init(rule: "yes or no", message: "'\(text)' is not Y or N")
        }
    }
}
