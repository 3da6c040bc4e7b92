/// Rules on the current activity (errors 39, 200–262, 305 and 909).
extension ReturnRules {
    func checkActivity(_ record: ReturnRecord, into found: inout FindingCollector) {
        guard let activity = record.activity else {
            found.report(240)
            checkPregnancyWithGender(record, into: &found)
            return
        }
        var code: ActivityCode?
        if let text = activity.code.nonBlank {
            code = try? ActivityCode.parse(text)
            if code == nil { found.report(201, "ActivityCode '\(text)'") }
        } else {
            found.report(200)
        }
        if activity.startDate == nil { found.report(202) }
        if activity.dateAscertained == nil { found.report(203) }
        checkCurrency(activity, into: &found)

        var personRulesRan = false
        if let code, let start = activity.startDate, let ascertained = activity.dateAscertained {
            personRulesRan = checkWithEntryRules(activity, code: code, start: start, ascertained: ascertained, record, into: &found)
        } else {
            checkWithoutTypedActivity(activity, into: &found)
        }
        if !personRulesRan { checkPregnancyWithGender(record, into: &found) }
        if let end = activity.predictedEndDate, !end.isWritableAsCCYYMMDD {
            found.report(258, "PredictedEndDate year \(end.year)")
        }
        if let code, code.group == .preSixteen {
            checkPreSixteenCurrency(activity, into: &found)
        }
    }

    /// Runs the rules Waymark applies when an activity is entered on the typed
    /// activity, and the person rules too when the record's date of birth and
    /// gender parse. Returns whether the person rules ran.
    private func checkWithEntryRules(
        _ activity: ReturnActivity, code: ActivityCode, start: CalendarDate, ascertained: CalendarDate, _ record: ReturnRecord,
        into found: inout FindingCollector
    ) -> Bool {
        let typed = ActivityRecord(
            code: code, startDate: start, dateAscertained: ascertained, dateVerified: activity.dateVerified,
            reviewDate: activity.reviewDate, predictedEndDate: activity.predictedEndDate, neetStartDate: activity.neetStartDate,
            establishmentNumber: activity.establishmentNumber.nonBlank, establishmentName: activity.establishmentName,
            ukprn: activity.ukprn.nonBlank)
        ActivityEntryRules.check(typed).forEach { found.report($0) }
        guard let person = personContext(record) else { return false }
        PersonActivityRules.check(typed, for: person, on: header.periodEnd).forEach { found.report($0) }
        return true
    }

    /// The currency fields the return derives (220, 221, 231, 232, 238, 243, 244)
    /// and the verification date against the period end (305).
    private func checkCurrency(_ activity: ReturnActivity, into found: inout FindingCollector) {
        let lapsed = activity.currencyLapsed.nonBlank
        if let lapsed {
            if !lapsed.isYesOrNo { found.report(221, "CurrencyLapsed '\(lapsed)'") }
        } else {
            found.report(220)
        }
        if let verified = activity.dateVerified, verified > header.periodEnd {
            found.report(305, "DateVerified is \(header.periodEnd.days(until: verified)) days after the period end")
        }
        guard let due = activity.dueToLapseDate else {
            found.report(243)
            return
        }
        guard due.isWritableAsCCYYMMDD else {
            // A date that cannot be written is not compared with anything.
            found.report(244, "DueToLapseDate year \(due.year)")
            return
        }
        // Currency has lapsed exactly when the due-to-lapse date is before the
        // period end (CurrencyPolicy.hasLapsed). The numbers follow S1's
        // definitions: 231 is "Y but not yet due", 232 is "N but already due".
        if lapsed == "Y", due >= header.periodEnd {
            found.report(231, "DueToLapseDate is \(header.periodEnd.days(until: due)) days on or after the period end")
        }
        if lapsed == "N", due < header.periodEnd {
            found.report(232, "DueToLapseDate is \(due.days(until: header.periodEnd)) days before the period end")
        }
        if let end = activity.predictedEndDate, end.isWritableAsCCYYMMDD, due > end {
            found.report(238, "DueToLapseDate is \(end.days(until: due)) days after the PredictedEndDate")
        }
    }

    /// A pre-16 activity stays current for one academic year (909): it must have
    /// started, or been verified, on or after 1 September of the academic year
    /// that contains the period end.
    private func checkPreSixteenCurrency(_ activity: ReturnActivity, into found: inout FindingCollector) {
        let yearStart = AcademicYear(containing: header.periodEnd).firstDay
        let dates = [activity.startDate, activity.dateVerified].compactMap { $0 }
        if !dates.isEmpty, dates.allSatisfy({ $0 < yearStart }) {
            found.report(909, "Neither StartDate nor DateVerified is in academic year \(AcademicYear(containing: header.periodEnd))")
        }
    }

    /// Error 260 is about the person, not the activity: PersonActivityRules
    /// checks it when it can run, and it must not be lost when it cannot.
    private func checkPregnancyWithGender(_ record: ReturnRecord, into found: inout FindingCollector) {
        let pregnancy = String(CharacteristicCode.pregnancy.rawValue)
        let isPregnant = record.characteristics.contains { $0.trimmingWhitespace() == pregnancy }
        if isPregnant, record.gender.nonBlank == Gender.male.rawValue {
            found.report(260)
        }
    }

    /// What the entry rules need from the young person, when the record's
    /// date of birth and gender parse. Unrecognised characteristics are left
    /// out (they are reported as 104); only a SEND flag of Y counts as SEND.
    private func personContext(_ record: ReturnRecord) -> PersonContext? {
        guard let dateOfBirth = record.dateOfBirth, let gender = try? Gender.parse(record.gender.nonBlank ?? "") else {
            return nil
        }
        return PersonContext(
            dateOfBirth: dateOfBirth, gender: gender, hasSEND: record.sendFlag.nonBlank == "Y",
            characteristics: Set(record.characteristics.compactMap { try? CharacteristicCode.parse($0) }))
    }

    /// The code-independent entry rules, for an activity whose code or
    /// mandatory dates are missing or unrecognised: ``ActivityEntryRules``
    /// needs a typed ``ActivityRecord``, but a data manager fixing a broken
    /// code should see the other errors in the same pass, not the next month.
    private func checkWithoutTypedActivity(_ activity: ReturnActivity, into found: inout FindingCollector) {
        let start = activity.startDate
        if let start, let ascertained = activity.dateAscertained, ascertained < start { found.report(242) }
        if let verified = activity.dateVerified {
            if let start, verified < start { found.report(256) }
            if let ascertained = activity.dateAscertained, ascertained > verified { found.report(237) }
        }
        if let review = activity.reviewDate, let end = activity.predictedEndDate, review > end { found.report(257) }
        if let start, let end = activity.predictedEndDate, end < start { found.report(258) }
        if let number = activity.establishmentNumber.nonBlank, !number.isDigits(count: 7) {
            found.report(228, "EstablishmentNumber has \(number.count) characters")
        }
        if let ukprn = activity.ukprn.nonBlank, !(ukprn.isDigits(count: 8) && ukprn.hasPrefix("1")) {
            found.report(39, "UKProviderReferenceNumber has \(ukprn.count) characters")
        }
    }
}
