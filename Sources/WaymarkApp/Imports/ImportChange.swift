import WaymarkCore
import WaymarkFormats

/// What a row means for a person already on record, decided before anything
/// is written: record something, nothing to do, or a conflict for a person
/// to look at. A change is made only when it is consistent with the record.
enum ImportChange: Equatable {
    case activity(ActivityRecord)
    case destination(IntendedDestinationRecord)
    case unchanged
    case conflict(String)

    /// `current` is the activity that started last; `tolerance` is how far apart two start dates may be and still be the same start.
    static func decide(_ event: ImportEvent, current: ActivityRecord?, latestDestination: Int?, today: CalendarDate, toleranceDays: Int) -> ImportChange {
        switch event {
        case .intendedDestination(let code, _):
            return latestDestination == code.rawValue ? .unchanged : .destination(IntendedDestinationRecord(code: code, recordedOn: today))
        case .enrolment(let college, let start, let plannedEnd, _):
            return starting(.furtherEducation, at: college, start: start, plannedEnd: plannedEnd, current: current, today: today, toleranceDays: toleranceDays)
        case .trainingStart(let provider, let start, let plannedEnd, _):
            return starting(.otherTraining, at: provider, start: start, plannedEnd: plannedEnd, current: current, today: today, toleranceDays: toleranceDays)
        case .leaving(let place, let left, _), .trainingEnd(let place, let left, _):
            guard left <= today else { return .conflict("the leaving date \(left.iso) is in the future") }
            guard let current, same(place, current) else {
                return .conflict("the record does not have them at \(name(place)), so their leaving cannot be recorded against it")
            }
            if current.code == .notKnown, current.startDate.days(until: left).magnitude <= toleranceDays { return .unchanged }
            // Where a leaver has gone is not known until someone finds out: the tracking queue takes it from here.
            return .activity(ActivityRecord(code: .notKnown, startDate: left, dateAscertained: today))
        case .claim(let start):
            guard start <= today else { return .conflict("the claim starts in the future (\(start.iso))") }
            if let current, current.startDate > start, current.code.group != .neet {
                return .conflict("the record shows \(current.code.rawValue) from \(current.startDate.iso), after the claim began")
            }
            if let current, current.code == .seekingEET, current.startDate.days(until: start).magnitude <= toleranceDays { return .unchanged }
            return .activity(ActivityRecord(code: .seekingEET, startDate: start, dateAscertained: today, neetStartDate: start))
        case .pupil, .census:
            // Their facts are recorded beside the change (ImportRowWriter.recordSchoolFacts).
            return .unchanged
        }
    }

    private static func starting(_ code: ActivityCode, at place: ImportEstablishment, start: CalendarDate, plannedEnd: CalendarDate?,
                                 current: ActivityRecord?, today: CalendarDate, toleranceDays: Int) -> ImportChange {
        guard start <= today else { return .conflict("the start date \(start.iso) is in the future") }
        if let current, same(place, current), current.startDate.days(until: start).magnitude <= toleranceDays { return .unchanged }
        if let current, current.startDate > start, current.code.group.isEET, !same(place, current) {
            return .conflict("the record shows \(current.code.rawValue) at another provider from \(current.startDate.iso), after this start")
        }
        let end = plannedEnd.flatMap { $0 > start ? $0 : nil } ?? AcademicYear(containing: today).lastDay
        let activity = ActivityRecord(
            code: code, startDate: start, dateAscertained: today, dateVerified: today, predictedEndDate: end,
            establishmentNumber: place.number, establishmentName: place.name, ukprn: place.ukprn)
        let violations = ActivityEntryRules.check(activity)
        return violations.isEmpty ? .activity(activity) : .conflict(violations.map(\.description).joined(separator: "; "))
    }

    static func same(_ place: ImportEstablishment, _ activity: ActivityRecord) -> Bool {
        if let ukprn = place.ukprn, ukprn == activity.ukprn { return true }
        if let number = place.number, number == activity.establishmentNumber { return true }
        if let name = place.name, let other = activity.establishmentName { return name.lowercased() == other.lowercased() }
        return false
    }

    static func name(_ place: ImportEstablishment) -> String {
        place.name ?? place.ukprn.map { "UKPRN \($0)" } ?? place.number.map { "establishment \($0)" } ?? "this provider"
    }
}
