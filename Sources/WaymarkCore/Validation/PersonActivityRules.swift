/// What the rules need to know about the young person to check an activity.
public struct PersonContext: Sendable, Equatable {
    public var dateOfBirth: CalendarDate
    public var gender: Gender
    public var hasSEND: Bool
    /// Characteristics current on the date being checked.
    public var characteristics: Set<CharacteristicCode>

    public init(dateOfBirth: CalendarDate, gender: Gender, hasSEND: Bool, characteristics: Set<CharacteristicCode>) {
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.hasSEND = hasSEND
        self.characteristics = characteristics
    }
}

/// National rules that tie an activity to the young person's age, SEND,
/// gender and characteristics (errors 229, 230, 233–236, 251, 253–255, 260).
public enum PersonActivityRules {
    public static func check(_ activity: ActivityRecord, for person: PersonContext, on date: CalendarDate) -> [RuleViolation] {
        var found: [RuleViolation] = []
        let code = activity.code
        let yearGroup = AcademicAge.yearGroup(dateOfBirth: person.dateOfBirth, on: date)
        if code.group != .preSixteen, yearGroup < 12 {
            found.append(.nccis(229, field: "ActivityCode", "A post-16 activity cannot be recorded for someone in Year \(yearGroup)"))
        }
        if code.group == .preSixteen, yearGroup > 11 {
            found.append(.nccis(230, field: "ActivityCode", "A pre-16 activity cannot be recorded for someone in Year \(yearGroup)"))
        }
        if let required = code.requiredCharacteristic, !person.characteristics.contains(required) {
            let number = [ActivityCode.notAvailableYoungCarer: 233, .notAvailableTeenageParent: 234, .notAvailablePregnancy: 235][code] ?? 236
            found.append(.nccis(number, field: "ActivityCode", "\(code.rawValue) needs characteristic \(required.rawValue) (\(required.meaning))"))
        }
        if let neetStart = activity.neetStartDate, neetStart < person.dateOfBirth.adding(years: 15) {
            found.append(.nccis(251, field: "NEETStartDate", "The NEET start date cannot be before the young person's 15th birthday"))
        }
        let age = AcademicAge.of(dateOfBirth: person.dateOfBirth, on: date)
        if code == .dwpTrainingAndSupport, (16...17).contains(age) {
            found.append(.nccis(253, field: "ActivityCode", "440 cannot be used for 16 and 17 year olds"))
        }
        if code == .independentSpecialistProvider, !person.hasSEND {
            found.append(.nccis(254, field: "ActivityCode", "280 is only for young people with SEND"))
        }
        if code == .supportedInternship, !person.hasSEND {
            found.append(.nccis(255, field: "ActivityCode", "460 is only for young people with SEND"))
        }
        if person.gender == .male, person.characteristics.contains(.pregnancy) {
            found.append(.nccis(260, field: "CharacteristicCode", "Pregnancy cannot be recorded with gender M"))
        }
        return found
    }
}
