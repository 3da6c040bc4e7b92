/// September Guarantee outcomes for one group of young people.
public struct GuaranteeCounts: Sendable, Hashable, Codable {
    public var offerMade: Int
    public var offerNotAppropriate: Int
    public var noOffer: Int
    /// Status 159, or no record at all for the year.
    public var notRecorded: Int

    public init(offerMade: Int = 0, offerNotAppropriate: Int = 0, noOffer: Int = 0, notRecorded: Int = 0) {
        self.offerMade = offerMade
        self.offerNotAppropriate = offerNotAppropriate
        self.noOffer = noOffer
        self.notRecorded = notRecorded
    }

    /// Everybody in the guarantee cohort, whatever their outcome.
    public var cohort: Int { offerMade + offerNotAppropriate + noOffer + notRecorded }

    /// The published September Guarantee measure: offers made ÷ the guarantee cohort.
    public var offerMadeRate: Proportion { Proportion(offerMade, of: cohort) }

    public func count(_ outcome: GuaranteeOutcome) -> Int {
        switch outcome {
        case .offerMade: offerMade
        case .offerNotAppropriate: offerNotAppropriate
        case .noOffer: noOffer
        case .notRecorded: notRecorded
        }
    }

    mutating func add(_ outcome: GuaranteeOutcome) {
        switch outcome {
        case .offerMade: offerMade += 1
        case .offerNotAppropriate: offerNotAppropriate += 1
        case .noOffer: noOffer += 1
        case .notRecorded: notRecorded += 1
        }
    }
}

/// The September Guarantee on a date.
///
/// The cohort is everyone the classifier places in the tracked cohort (cohort status P or G, not a
/// leaver) whose academic age on the date is 16 or 17; custody is included, since the guarantee is
/// an offer to every 16–17-year-old. A `GuaranteeRecord`'s academic year is the year the offered
/// place is for (the September it starts), as the synthetic data and the store record it. So on a
/// date in academic year A:
/// - a 16-year-old (Year 12 in A) is measured on their **Year 11** guarantee for A;
/// - a 17-year-old (Year 13 in A) on their **Year 12** guarantee for A.
///
/// A missing record counts as not recorded, so the cohort never shrinks because data is missing;
/// so does a record made after the date (its `recordedOn`): the guarantee is counted as it stood
/// on the date, which is what lets ``GuaranteeProgress`` show it growing through the autumn.
/// The measure is meant for September–March; between April and August the next guarantee is still
/// being made for people who are then 15 and 16, and a date then reports the guarantee already run.
public struct GuaranteeFigures: Sendable, Equatable, Codable {
    /// The academic year of the places offered: the academic year containing the date.
    public let academicYear: AcademicYear
    public internal(set) var byYear: [GuaranteeYear: GuaranteeCounts]

    public init(academicYear: AcademicYear, byYear: [GuaranteeYear: GuaranteeCounts] = [:]) {
        self.academicYear = academicYear
        self.byYear = byYear
    }

    /// Both year groups together: the published figure.
    public var all: GuaranteeCounts {
        let year11 = self[.year11]
        let year12 = self[.year12]
        return GuaranteeCounts(
            offerMade: year11.offerMade + year12.offerMade,
            offerNotAppropriate: year11.offerNotAppropriate + year12.offerNotAppropriate,
            noOffer: year11.noOffer + year12.noOffer, notRecorded: year11.notRecorded + year12.notRecorded)
    }

    public subscript(year: GuaranteeYear) -> GuaranteeCounts { byYear[year] ?? GuaranteeCounts() }

    /// The guarantee a young person of an academic age is measured on: Year 11 at 16, Year 12 at 17.
    public static func guaranteeYear(forAcademicAge age: Int) -> GuaranteeYear? {
        switch age {
        case 16: .year11
        case 17: .year12
        default: nil
        }
    }

    mutating func add(_ facts: FigureFacts, state: ParticipationState, academicAge: Int, on date: CalendarDate) {
        if case .notInCohort = state { return }
        guard let year = Self.guaranteeYear(forAcademicAge: academicAge) else { return }
        let outcome = facts.guarantee(year, for: academicYear, recordedBy: date)?.status.outcome ?? .notRecorded
        byYear[year, default: GuaranteeCounts()].add(outcome)
    }
}
