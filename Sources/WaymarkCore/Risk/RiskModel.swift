/// The risk-of-NEET points model: for each indicator that holds on the day
/// scored, its weight in points, with the fact that made it hold. Only
/// facts dated on or before the day count, so a past day is scored as it
/// could have been then. Pure: no clock, no storage.
public struct RiskModel: Sendable {
    public let settings: RiskSettings

    public init(settings: RiskSettings = .standard) {
        self.settings = settings
    }

    /// The score on `day`. An indicator worth 0 points still appears as a
    /// reason (with 0), so the page shows everything the model noticed.
    public func score(_ facts: RiskFacts, on day: CalendarDate) -> RiskScore {
        var reasons: [RiskReason] = []
        for (indicator, evidence) in holding(facts, on: day) {
            reasons.append(RiskReason(indicator: indicator, points: settings.weight(indicator), evidence: evidence))
        }
        let points = reasons.reduce(0) { $0 + $1.points }
        return RiskScore(reasons: reasons, band: settings.band(for: points))
    }

    /// Each indicator that holds on `day` with its evidence, in the indicators' order.
    func holding(_ facts: RiskFacts, on day: CalendarDate) -> [(RiskIndicator, String)] {
        let known = facts.schoolFacts.filter { $0.isKnown(on: day) }
        let since = day.adding(years: -settings.lookbackYears)
        var found: [(RiskIndicator, String)] = []
        if let attendance = latest(.attendance, in: known), let percent = attendance.value {
            let text = "Attendance \(RiskText.percent(percent)) (to \(attendance.date.iso))"
            if percent < settings.attendanceThreshold { found.append((.lowAttendance, text)) }
            if percent < settings.persistentAbsenceThreshold { found.append((.persistentAbsence, text)) }
        }
        let exclusions = known.filter { ($0.kind == .suspension || $0.kind == .permanentExclusion) && $0.date >= since }
        if !exclusions.isEmpty {
            let permanent = exclusions.filter { $0.kind == .permanentExclusion }
            let suspensions = exclusions.filter { $0.kind == .suspension }
            var parts: [String] = []
            if !permanent.isEmpty { parts.append("permanently excluded \(permanent.map(\.date.iso).max() ?? "")") }
            if !suspensions.isEmpty { parts.append("\(suspensions.count) suspension\(suspensions.count == 1 ? "" : "s") since \(since.iso)") }
            found.append((.exclusion, parts.joined(separator: "; ").capitalisedFirst))
        }
        if let meals = latest(.freeSchoolMeals, in: known), meals.holds(on: day), meals.code == "eligible" {
            found.append((.freeSchoolMeals, "Eligible for free school meals from \(meals.date.iso)"))
        }
        if let attainment = lowAttainment(known) { found.append((.lowAttainment, attainment)) }
        if let record = current(.lookedAfter, in: facts, on: day) { found.append((.lookedAfter, "Looked after from \(record.startDate.iso)")) }
        if let sen = specialNeeds(facts, known: known, on: day) { found.append((.specialEducationalNeeds, sen)) }
        if let language = latest(.firstLanguage, in: known), let code = language.code, !Self.english.contains(code.uppercased()) {
            found.append((.englishAdditionalLanguage, "First language \(code) (reported \(language.date.iso))"))
        }
        if let record = current(.carerNotOwnChild, in: facts, on: day) { found.append((.youngCarer, "Young carer from \(record.startDate.iso)")) }
        if let record = current(.supervisedByYOT, in: facts, on: day) {
            found.append((.youthJustice, "Supervised by the youth offending team from \(record.startDate.iso)"))
        }
        let parent = [CharacteristicCode.pregnancy, .caringForOwnChild, .parentNotCaringForOwnChild].compactMap { current($0, in: facts, on: day) }
        if let first = parent.min(by: { $0.startDate < $1.startDate }) {
            found.append((.pregnancyOrParent, "\(first.code.meaning) from \(first.startDate.iso)"))
        }
        let moves = known.filter { $0.kind == .schoolMove && $0.date >= since }
        if moves.count >= settings.schoolMovesThreshold {
            found.append((.schoolMoves, "\(moves.count) moves of school since \(since.iso)"))
        }
        return found
    }

    /// English, and "believed to be English", are not an additional language.
    static let english: Set<String> = ["ENG", "ENB"]

    private func latest(_ kind: SchoolFactKind, in facts: [SchoolFact]) -> SchoolFact? {
        facts.filter { $0.kind == kind }.max { $0.date < $1.date }
    }

    private func current(_ code: CharacteristicCode, in facts: RiskFacts, on day: CalendarDate) -> CharacteristicRecord? {
        facts.characteristics.first { $0.code == code && $0.isCurrent(on: day) }
    }

    /// Attainment 8 when there is one; before results, key stage 2.
    private func lowAttainment(_ known: [SchoolFact]) -> String? {
        if let ks4 = latest(.attainment8, in: known), let score = ks4.value {
            return score < settings.lowAttainment8 ? "Attainment 8 score \(RiskText.number(score)) (\(ks4.date.iso))" : nil
        }
        if let ks2 = latest(.keyStage2, in: known), ks2.code == "not-met" {
            return "Key stage 2 expected standard not met (\(ks2.date.iso))"
        }
        return nil
    }

    /// The latest need assessment, or the school's SEN provision, whichever is later.
    private func specialNeeds(_ facts: RiskFacts, known: [SchoolFact], on day: CalendarDate) -> String? {
        guard let found = Self.senLevel(facts, on: day) else { return nil }
        return "\(found.level.title) (\(found.fromSchool ? "school, " : "")from \(found.from.iso))"
    }

    /// SEN support or an EHC plan on `day`: the latest need assessment or the
    /// school's latest SEN provision, whichever is later; nil for neither.
    public static func senLevel(_ facts: RiskFacts, on day: CalendarDate) -> (level: SENLevel, from: CalendarDate, fromSchool: Bool)? {
        let need = facts.needs.filter { $0.validFrom <= day }.max { $0.validFrom < $1.validFrom }
        let school = facts.schoolFacts.filter { $0.kind == .senProvision && $0.isKnown(on: day) }.max { $0.date < $1.date }
        if let school, school.holds(on: day), need.map({ school.date >= $0.validFrom }) ?? true {
            switch school.code?.uppercased() {
            case "E": return (.ehcPlan, school.date, true)
            case "K": return (.senSupport, school.date, true)
            default: return nil
            }
        }
        guard let need else { return nil }
        if need.hasSEND { return (.ehcPlan, need.validFrom, false) }
        if need.hasSENSupport { return (.senSupport, need.validFrom, false) }
        return nil
    }
}

/// Special educational needs provision, as the model and the back-test's groups see it.
public enum SENLevel: String, Sendable, Codable {
    case ehcPlan = "ehc-plan"
    case senSupport = "sen-support"

    public var title: String { self == .ehcPlan ? "EHC plan" : "SEN support" }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
