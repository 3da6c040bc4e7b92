import WaymarkCore

/// A plausible pathway from Year 11: school, a post-16 destination each
/// September, drop-outs that peak between November and March, re-engagement
/// in the autumn, and for some the record left to go stale.
struct PathwayBuilder {
    let la: SyntheticLA
    var random: SeededGenerator
    let dateOfBirth: CalendarDate
    let gender: Gender
    let hasSEND: Bool
    let characteristics: Set<CharacteristicCode>
    let schoolKey: Int
    let yearOfYear11: Int
    /// 1 most deprived … 5 least.
    let deprivation: Int

    private var today: CalendarDate { la.configuration.referenceDate }
    private var catalogue: OrganisationCatalogue { la.catalogue }
    private var activities: [SyntheticActivity] = []

    init(la: SyntheticLA, random: SeededGenerator, dateOfBirth: CalendarDate, gender: Gender, hasSEND: Bool,
         characteristics: Set<CharacteristicCode>, schoolKey: Int, yearOfYear11: Int, deprivation: Int) {
        self.la = la
        self.random = random
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.hasSEND = hasSEND
        self.characteristics = characteristics
        self.schoolKey = schoolKey
        self.yearOfYear11 = yearOfYear11
        self.deprivation = deprivation
    }

    /// Risk of NEET relative to the average young person.
    private var risk: Double {
        var risk = deprivation <= 2 ? 1.5 : deprivation >= 4 ? 0.7 : 1.0
        if characteristics.contains(where: \.isVulnerableGroup) { risk *= 2.5 }
        return risk
    }

    mutating func build() -> [SyntheticActivity] {
        let school = catalogue.organisation(schoolKey)
        add(.registeredAtSchoolInArea, start: day(yearOfYear11 - 4, 9, 1), organisation: school.key, confirmed: day(yearOfYear11, 9, 15))
        let currentYear = AcademicYear(containing: today).startYear
        guard yearOfYear11 < currentYear else { return activities }
        for year in (yearOfYear11 + 1)...currentYear {
            let september = day(year, 9, random.int(1...12))
            guard september <= today else { break }
            startOfYear(year: year, on: september)
            duringYear(year: year)
        }
        leaveSomeStale()
        return activities
    }

    private mutating func startOfYear(year: Int, on date: CalendarDate) {
        let firstYear = year == yearOfYear11 + 1
        if let current = activities.last?.record, !firstYear {
            let stillRunning = current.predictedEndDate.map { $0 > date } ?? (current.code.group == .employment || current.code.group == .training)
            if current.code.group.isEET, stillRunning, !random.chance(0.06) { return }
            if current.code.group.isNEET, !random.chance(0.55) { return }
        }
        if firstYear {
            firstDestination(on: date)
        } else {
            laterDestination(year: year, on: date)
        }
    }

    private mutating func firstDestination(on date: CalendarDate) {
        let neetShare = Int(40 * risk)
        let choice = random.weighted([
            ("sixth form", 350), ("sixth form college", 150), ("further education", 300), ("apprenticeship", 60), ("training", 40),
            ("job with training", 20), ("job", 15), ("neet", neetShare), ("not known", 15), ("part time", 10),
            ("specialist", hasSEND ? 60 : 0),
        ])
        startDestination(choice, on: date, years: 2)
    }

    private mutating func laterDestination(year: Int, on date: CalendarDate) {
        let choice = random.weighted([
            ("higher education", 300), ("job with training", 120), ("job", 120), ("apprenticeship", 100), ("further education", 100),
            ("training", 50), ("neet", Int(90 * risk)), ("not known", 80), ("supported internship", hasSEND ? 80 : 0),
        ])
        startDestination(choice, on: date, years: 1)
    }

    private mutating func startDestination(_ choice: String, on date: CalendarDate, years: Int) {
        let endOfCourse = day(date.year + years, 7, 31)
        let outOfArea = random.chance(0.03)
        let college = outOfArea ? random.pick(catalogue.outOfAreaColleges) : random.pick(catalogue.furtherEducationColleges)
        switch choice {
        case "sixth form": add(.schoolSixthForm, start: date, organisation: schoolKey, end: endOfCourse)
        case "sixth form college": add(.sixthFormCollege, start: date, organisation: random.pick(catalogue.sixthFormColleges), end: endOfCourse)
        case "further education": add(.furtherEducation, start: date, organisation: college, end: endOfCourse)
        case "higher education": add(.higherEducation, start: date, organisation: nil, end: day(date.year + 3, 6, 30))
        case "part time": add(.partTimeEducation, start: date, organisation: college, end: day(date.year + 1, 6, 30))
        case "specialist": add(.independentSpecialistProvider, start: date, organisation: random.pick(catalogue.specialSchools), end: endOfCourse)
        case "supported internship": add(.supportedInternship, start: date, organisation: college, end: day(date.year + 1, 7, 31))
        case "apprenticeship": add(.apprenticeship, start: date, organisation: random.pick(catalogue.trainingProviders))
        case "training":
            let code: ActivityCode = random.weighted([(.fundedWorkBasedLearning, 50), (.traineeship, 30), (.otherTraining, 20)])
            add(code, start: date, organisation: random.pick(catalogue.trainingProviders), end: day(date.year + 1, 7, 31))
        case "job with training": add(.employmentWithAccreditedTraining, start: date, organisation: nil)
        case "job": add(.employmentWithoutTraining, start: date, organisation: nil)
        case "not known": add(random.weighted([(.notKnown, 70), (.cannotBeContacted, 20), (.refusedToDisclose, 10)]), start: date, organisation: nil)
        default: becomeNEET(on: date)
        }
    }

    /// Drop-outs through the year, most between November and March, and some NEET young people re-engaging.
    private mutating func duringYear(year: Int) {
        guard let current = activities.last?.record else { return }
        if current.code.group.isEET, current.code != .higherEducation, random.chance(0.09 * risk) {
            let month = random.weighted([(10, 8), (11, 14), (12, 12), (1, 16), (2, 16), (3, 14), (4, 8), (5, 6), (6, 6)])
            let when = day(month >= 9 ? year : year + 1, month, random.int(1...28))
            if when <= today, when > current.startDate { becomeNEET(on: when) }
        } else if current.code.group.isNEET, random.chance(0.3) {
            let when = day(year + 1, random.int(1...4), random.int(1...28))
            if when <= today, when > current.startDate {
                add(random.weighted([(.otherTraining, 50), (.traineeship, 30), (.fundedWorkBasedLearning, 20)]), start: when,
                    organisation: random.pick(catalogue.trainingProviders), end: when.adding(months: 6))
            }
        }
    }

    private mutating func becomeNEET(on date: CalendarDate) {
        var options: [(ActivityCode, Int)] = [(.seekingEET, 60), (.notYetReady, 15), (.notAvailableIllness, 8), (.notAvailableOther, 6),
                                               (.startDateAgreedOther, 5), (.notAvailableUnlikelyEconomicallyActive, 2)]
        if characteristics.contains(.caringForOwnChild) { options.append((.notAvailableTeenageParent, 60)) }
        if characteristics.contains(.carerNotOwnChild) { options.append((.notAvailableYoungCarer, 40)) }
        if characteristics.contains(.pregnancy), gender == .female { options.append((.notAvailablePregnancy, 60)) }
        if characteristics.contains(.supervisedByYOT), random.chance(0.1) {
            add(.custodyYoungAdultOffender, start: date, organisation: nil, review: date.adding(months: 6))
            return
        }
        let neetStart = max(date, dateOfBirth.adding(years: 15))
        add(random.weighted(options), start: date, organisation: nil, neetStart: neetStart)
    }

    /// About one record in thirty is never re-confirmed, so its currency lapses.
    private mutating func leaveSomeStale() {
        guard let last = activities.popLast() else { return }
        var record = last.record
        if record.code.group.isEET, random.chance(0.035) {
            record.dateVerified = nil
        }
        activities.append(SyntheticActivity(record: record, organisationKey: last.organisationKey))
    }

    private mutating func add(
        _ code: ActivityCode, start: CalendarDate, organisation: Int?, end: CalendarDate? = nil, neetStart: CalendarDate? = nil,
        review: CalendarDate? = nil, confirmed: CalendarDate? = nil
    ) {
        let ascertained = min(today, start.adding(days: random.int(0...14)))
        let organisationRecord = organisation.map(catalogue.organisation)
        // Confirmed at most a few months ago if still current; only history keeps its old date.
        let latest = min(today, end ?? today)
        let verified = confirmed.map { min($0, today) } ?? (latest > ascertained
            ? max(ascertained, latest.adding(days: -random.int(0...100))) : nil)
        let record = ActivityRecord(
            code: code, startDate: start, dateAscertained: ascertained, dateVerified: verified.map { max($0, ascertained) },
            reviewDate: review, predictedEndDate: code.requiresPredictedEndDate ? end ?? start.adding(years: 1) : end,
            neetStartDate: code.requiresNEETStartDate ? (neetStart ?? start) : nil,
            establishmentNumber: code.group == .education || code.group == .preSixteen ? organisationRecord?.establishmentNumber : nil,
            establishmentName: organisationRecord?.name,
            ukprn: code.group == .training || code == .apprenticeship ? organisationRecord?.ukprn : nil)
        activities.append(SyntheticActivity(record: record, organisationKey: organisation))
    }
}
