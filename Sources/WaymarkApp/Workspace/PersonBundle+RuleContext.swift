public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

extension PersonBundle {
    /// What the person rules need; nil when the stored date of birth or gender cannot be read (the entry rules still run).
    public func ruleContext(on date: CalendarDate) -> PersonContext? {
        guard let dateOfBirth, let gender = gender.flatMap({ try? Gender.parse($0) }) else { return nil }
        return PersonContext(
            dateOfBirth: dateOfBirth, gender: gender, hasSEND: need(on: date)?.hasSEND ?? false,
            characteristics: Set(characteristics.filter { $0.isCurrent(on: date) }.map(\.code)))
    }
}
