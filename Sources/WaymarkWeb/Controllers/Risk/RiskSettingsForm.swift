import Foundation
import WaymarkCore

/// Reads the settings form: a whole number of points for each indicator
/// (`weight-<indicator>`) and each threshold. A value that is not a number
/// is a problem naming its field; the range checks are the settings' own.
enum RiskSettingsForm {
    static let numberFields: [(name: String, label: String)] = [
        ("attendanceThreshold", "Attendance threshold"), ("persistentAbsenceThreshold", "Persistent absence threshold"),
        ("lowAttainment8", "Low attainment (Attainment 8 below)"),
    ]
    static let wholeFields: [(name: String, label: String)] = [
        ("schoolMovesThreshold", "Moves of school"), ("lookbackYears", "Years to look back"), ("mediumFrom", "Medium risk from"),
        ("highFrom", "High risk from"), ("refreshDays", "Refresh every (days)"),
    ]

    static func read(_ fields: [String: String], over current: RiskSettings) -> (RiskSettings, [RuleViolation]) {
        var settings = current
        var problems: [RuleViolation] = []
        func whole(_ name: String, _ label: String) -> Int? {
            let text = (fields[name] ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = Int(text) else {
                problems.append(RuleViolation(field: name, rule: "whole number", message: "\(label) must be a whole number"))
                return nil
            }
            return value
        }
        for indicator in RiskIndicator.allCases {
            if let points = whole("weight-\(indicator.rawValue)", "\(indicator.title): points") { settings.weights[indicator] = points }
        }
        for (name, label) in numberFields {
            let text = (fields[name] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            guard let value = Double(text), value.isFinite else {
                problems.append(RuleViolation(field: name, rule: "number", message: "\(label) must be a number"))
                continue
            }
            switch name {
            case "attendanceThreshold": settings.attendanceThreshold = value
            case "persistentAbsenceThreshold": settings.persistentAbsenceThreshold = value
            default: settings.lowAttainment8 = value
            }
        }
        for (name, label) in wholeFields {
            guard let value = whole(name, label) else { continue }
            switch name {
            case "schoolMovesThreshold": settings.schoolMovesThreshold = value
            case "lookbackYears": settings.lookbackYears = value
            case "mediumFrom": settings.mediumFrom = value
            case "highFrom": settings.highFrom = value
            default: settings.refreshDays = value
            }
        }
        return (settings, problems)
    }
}
