import WaymarkCore

/// Builds one person: identity, address, contacts, characteristics, need,
/// pathway, destinations and guarantees, all from their own random stream.
struct PersonBuilder {
    let la: SyntheticLA
    let key: Int
    var random: SeededGenerator

    var configuration: SyntheticLAConfiguration { la.configuration }
    var today: CalendarDate { configuration.referenceDate }
    var currentYear: Int { AcademicYear(containing: today).startYear }

    func build() -> SyntheticPerson {
        var builder = self
        return builder.make()
    }

    private mutating func make() -> SyntheticPerson {
        let hasSEND = random.chance(0.03)
        let hasSENSupport = !hasSEND && random.chance(0.12)
        let age = hasSEND
            ? random.weighted([(15, 18), (16, 20), (17, 20), (18, 14), (19, 9), (20, 7), (21, 5), (22, 3), (23, 2), (24, 2)])
            : random.weighted([(15, 22), (16, 26), (17, 26), (18, 18), (19, 8)])
        let dateOfBirth = birthDate(academicAge: age)
        let gender: Gender = random.weighted([(.female, 49), (.male, 49), (.unknown, 1), (.withheld, 1)])
        let identity = makeIdentity(dateOfBirth: dateOfBirth, gender: gender, yearOfYear11: currentYear - (age - 15))
        let ward = random.pick(PlaceTables.wards)
        let addresses = makeAddresses(ward: ward)
        let contacts = makeContacts(identity: identity)
        let characteristics = makeCharacteristics(gender: identity.gender, dateOfBirth: identity.dateOfBirth, age: age, ward: ward)
        let yearOfYear11 = AcademicAge.yearGroup(dateOfBirth: identity.dateOfBirth, on: today) == 11
            ? currentYear : currentYear - (AcademicAge.of(dateOfBirth: identity.dateOfBirth, on: today) - 15)
        let catalogue = la.catalogue
        let schoolKey = random.pick(hasSEND && random.chance(0.4) ? catalogue.specialSchools : catalogue.schools)
        var pathway = PathwayBuilder(
            la: la, random: random, dateOfBirth: identity.dateOfBirth, gender: identity.gender, hasSEND: hasSEND,
            characteristics: Set(characteristics.map(\.code)), schoolKey: schoolKey, yearOfYear11: yearOfYear11,
            deprivation: ward.deprivation)
        var activities = pathway.build()
        random = pathway.random
        let educatedOutOfArea = activities.last.flatMap { $0.organisationKey }.map { catalogue.outOfAreaColleges.contains($0) } ?? false
        let educatedLA = educatedOutOfArea
            ? activities.last.flatMap { $0.organisationKey }.map { catalogue.organisation($0).laCode } ?? configuration.laCode
            : configuration.laCode
        var planted: [String] = []
        if random.chance(configuration.plantedErrorRate), let last = activities.popLast() {
            let (broken, rule) = PlantedError.apply(to: last.record, random: &random)
            activities.append(SyntheticActivity(record: broken, organisationKey: last.organisationKey))
            if let rule { planted.append(rule) }
        }
        let (status, transferredTo) = cohortStatus(age: age, hasSEND: hasSEND)
        var school = SchoolRecordBuilder(
            random: SchoolRecordBuilder.stream(seed: configuration.seed, key: key), today: today, dateOfBirth: identity.dateOfBirth,
            ethnicity: identity.ethnicity, deprivation: ward.deprivation, activities: activities.map(\.record),
            vulnerable: characteristics.contains { $0.code.isVulnerableGroup })
        return SyntheticPerson(
            key: key, identity: identity, cohortStatus: status, responsibleLA: configuration.laCode, educatedLA: educatedLA,
            laCodeAtYear11: configuration.laCode, transferredToLA: transferredTo, schoolKey: schoolKey, addresses: addresses,
            contactDetails: contacts, activities: activities, characteristics: characteristics,
            needs: [makeNeed(hasSEND: hasSEND, hasSENSupport: hasSENSupport, activities: activities, characteristics: characteristics, yearOfYear11: yearOfYear11)],
            intendedDestination: makeIntendedDestination(yearOfYear11: yearOfYear11),
            guarantees: makeGuarantees(yearOfYear11: yearOfYear11, activities: activities),
            duplicateOf: nil, plantedErrors: planted, schoolFacts: school.build())
    }

    /// A birth date giving this academic age on the reference date.
    private mutating func birthDate(academicAge age: Int) -> CalendarDate {
        let earliest = day(currentYear - age - 1, 9, 1)
        let latest = day(currentYear - age, 8, 31)
        return earliest.adding(days: random.int(0...earliest.days(until: latest)))
    }

    private mutating func makeIdentity(dateOfBirth: CalendarDate, gender: Gender, yearOfYear11: Int) -> YoungPersonIdentity {
        let heritage = NameTables.heritages[random.weighted(NameTables.weightedHeritages)]
        let givenPool = gender == .male ? heritage.male : gender == .female ? heritage.female : heritage.female + heritage.male
        let given = random.pick(givenPool)
        var middle: String? = nil
        if random.chance(0.4) {
            let candidate = random.pick(givenPool)
            if candidate != given { middle = candidate }
        }
        let preferred = random.chance(0.05) ? NameTables.nicknames[given].map { random.pick($0) } : nil
        // A real UPN's first letter checks the rest, so imported files carrying it read cleanly.
        let upnRest = "\(configuration.laCode)\(String(yearOfYear11 % 100).leftPadded(2))\(String(key).leftPadded(7))"
        let upn = "\(UPNCheckLetter.letter(for: upnRest) ?? "A")\(upnRest)"
        let uln = random.chance(0.9) ? "4\(String(key).leftPadded(9))" : nil
        return YoungPersonIdentity(
            givenName: given, middleNames: middle, familyName: random.pick(heritage.family), preferredName: preferred,
            dateOfBirth: dateOfBirth, gender: gender, ethnicity: random.weighted(heritage.ethnicities), upn: upn, uln: uln)
    }

    private mutating func makeAddresses(ward: PlaceTables.Ward) -> [AddressRecord] {
        func address(_ ward: PlaceTables.Ward, from: CalendarDate, to: CalendarDate?) -> AddressRecord {
            let postcode = PlaceTables.postcode(in: ward, random: &random)
            return AddressRecord(
                lines: ["\(random.int(1...180)) \(random.pick(PlaceTables.streets))"], town: ward.town, county: PlaceTables.county,
                postcode: postcode, ward: ward.name, validFrom: from, validTo: to)
        }
        let settled = today.adding(years: -random.int(3...15))
        guard random.chance(0.08) else { return [address(ward, from: settled, to: nil)] }
        let moved = today.adding(days: -random.int(30...700))
        return [address(random.pick(PlaceTables.wards), from: settled, to: moved.adding(days: -1)), address(ward, from: moved, to: nil)]
    }

    private mutating func makeContacts(identity: YoungPersonIdentity) -> [ContactDetailRecord] {
        var details: [ContactDetailRecord] = []
        let since = today.adding(days: -random.int(30...900))
        if random.chance(0.85) {
            details.append(ContactDetailRecord(kind: .mobile, value: "07700 900\(String(random.int(0...999)).leftPadded(3))", validFrom: since))
        }
        if random.chance(0.6) {
            let local = "\(identity.givenName).\(identity.familyName)\(random.int(1...99))".asciiLocalPart
            details.append(ContactDetailRecord(kind: .email, value: "\(local)@\(random.pick(["example.com", "example.org", "example.net"]))", validFrom: since))
        }
        return details
    }

    private mutating func makeCharacteristics(gender: Gender, dateOfBirth: CalendarDate, age: Int, ward: PlaceTables.Ward) -> [CharacteristicRecord] {
        let deprivationFactor = ward.deprivation <= 2 ? 1.6 : ward.deprivation >= 4 ? 0.6 : 1.0
        var rates: [(CharacteristicCode, Double)] = [
            (.lookedAfter, 0.008), (.careLeaver, age >= 16 ? 0.012 : 0), (.supervisedByYOT, 0.007), (.carerNotOwnChild, 0.015),
            (.substanceMisuse, 0.005), (.refugeeAsylumSeeker, 0.003), (.parentNotCaringForOwnChild, age >= 17 ? 0.003 : 0),
            (.alternativeProvision, age == 15 ? 0.03 : 0.005), (.mentalHealth, 0.025),
        ]
        if gender == .female {
            rates.append((.caringForOwnChild, age >= 17 ? 0.025 : age == 16 ? 0.006 : 0))
            rates.append((.pregnancy, age >= 16 ? 0.006 : 0))
        }
        var found: [CharacteristicRecord] = []
        let fifteenth = dateOfBirth.adding(years: 15)
        for (code, rate) in rates where random.chance(rate * deprivationFactor) {
            let start = max(fifteenth, today.adding(days: -random.int(20...700)))
            found.append(CharacteristicRecord(code: code, startDate: min(start, today)))
        }
        return found
    }

    private mutating func makeNeed(
        hasSEND: Bool, hasSENSupport: Bool, activities: [SyntheticActivity], characteristics: [CharacteristicRecord], yearOfYear11: Int
    ) -> NeedAssessment {
        let neet = activities.last.map { $0.record.code.group.isNEET } ?? false
        let vulnerable = characteristics.contains { $0.code.isVulnerableGroup }
        let level: LevelOfNeed =
            neet && vulnerable ? random.weighted([(.intensiveSupport, 60), (.supported, 40)])
            : neet || vulnerable || hasSEND ? random.weighted([(.intensiveSupport, 15), (.supported, 55), (.minimumIntervention, 30)])
            : random.weighted([(.intensiveSupport, 1), (.supported, 6), (.minimumIntervention, 93)])
        let from = min(today, day(yearOfYear11, 9, 1))
        return NeedAssessment(levelOfNeed: level, hasSEND: hasSEND, hasSENSupport: hasSENSupport, validFrom: from)
    }

    private mutating func makeIntendedDestination(yearOfYear11: Int) -> IntendedDestinationRecord? {
        let recorded = day(yearOfYear11, 11, 15)
        guard recorded <= today else { return nil }
        let code: IntendedDestination = random.weighted([
            (.fullTimeEducationSameSchool, 38), (.fullTimeEducationOrTrainingOther, 42), (.apprenticeshipOrTraineeship, 8),
            (.employmentWithStudy, 1), (.employmentWithoutTraining, 2), (.other, 1), (.undecided, 5), (.notObtained, 3),
        ])
        return IntendedDestinationRecord(code: code, recordedOn: recorded)
    }

    private mutating func makeGuarantees(yearOfYear11: Int, activities: [SyntheticActivity]) -> [GuaranteeRecord] {
        guard let laCode = la.laCode else { return [] }
        var records: [GuaranteeRecord] = []
        let yearTwelve = yearOfYear11 + 1
        if day(yearOfYear11, 6, 1) <= today {
            let status: GuaranteeStatus = random.weighted([
                (.offerMade, 86), (.notAppropriateEmploymentWithoutTraining, 2), (.notAppropriatePersonalCircumstances, 2), (.awaitingOutcome, 2),
                (.hasNotApplied, 3), (.unableToContactOther, 2), (.notYetRecorded, 3),
            ])
            records.append(GuaranteeRecord(
                year: .year11, academicYear: AcademicYear(startYear: yearTwelve), status: status, laCode: laCode,
                recordedOn: recordedDay(forPlacesIn: yearTwelve, salt: 11)))
        }
        if day(yearTwelve, 6, 1) <= today {
            let status: GuaranteeStatus = random.weighted([
                (.continuingInEducation, 70), (.offerMade, 14), (.continuingInEmploymentWithTraining, 5), (.notAppropriateOther, 3),
                (.noAppropriateProvision, 2), (.unableToContactMovedAway, 2), (.notYetRecorded, 4),
            ])
            records.append(GuaranteeRecord(
                year: .year12, academicYear: AcademicYear(startYear: yearTwelve + 1), status: status, laCode: laCode,
                recordedOn: recordedDay(forPlacesIn: yearTwelve + 1, salt: 12)))
        }
        return records
    }

    /// When a guarantee for places starting in September of `year` was recorded: spread from
    /// 1 May to 31 October of that year (most before term starts, the rest through the autumn),
    /// never after the reference date. Taken from the person's key, not their random stream,
    /// so every other fact generated stays as it was.
    private func recordedDay(forPlacesIn year: Int, salt: Int) -> CalendarDate {
        let first = day(year, 5, 1)
        let last = min(day(year, 10, 31), today)
        guard first < last else { return min(first, today) }
        var mixed = UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(salt) ^ configuration.seed
        mixed = (mixed ^ (mixed >> 31)) &* 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 29
        return first.adding(days: Int(mixed % UInt64(first.days(until: last) + 1)))
    }

    private mutating func cohortStatus(age: Int, hasSEND: Bool) -> (CohortStatus, String?) {
        if age >= 19, !hasSEND { return (.ageReached, nil) }
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.010 { return (.transferred, random.pick(PlaceTables.neighbours).code) }
        if roll < 0.013 { return (.leftEngland, nil) }
        if roll < 0.0135 { return (.deceased, nil) }
        return (.primary, nil)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? String(suffix(width)) : String(repeating: "0", count: width - count) + self
    }

    /// Letters and digits only, lower-cased, accents dropped: a plausible e-mail local part.
    var asciiLocalPart: String {
        String(lowercased().unicodeScalars.compactMap { scalar -> Character? in
            let isLetterOrDigit = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isLetterOrDigit || scalar == "." { return Character(scalar) }
            return nil
        })
    }
}

/// A date the generator knows exists (1 September, 31 August, …).
func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    (try? CalendarDate(year: year, month: month, day: day)) ?? CalendarDate(dayNumber: 0)
}
