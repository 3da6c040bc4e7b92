import WaymarkCore

/// What a CTF pupil's containers say that the risk-of-NEET model reads:
/// attendance per year (`Attendance/YearData`: Year, SessionsPossible,
/// SessionsAuthorised, SessionsUnauthorised), exclusions
/// (`Exclusions/Exclusion`: StartDate, Category FIXD/PERM/LNCH, Sessions),
/// free school meal spells, SEN provision from a date, and the first
/// language (`BasicDetails/Languages/Type` with LanguageType F). A value that
/// cannot be read is a problem naming the element path and the rule.
extension CTFPupilChecker {
    mutating func schoolFacts() -> [SchoolFact] {
        var facts: [SchoolFact] = []
        facts += attendance()
        facts += exclusions()
        facts += spells(start: "FSMhistory/FSMinstance/FSMstartDate", end: "FSMhistory/FSMinstance/FSMendDate") { start, end in
            SchoolFact(kind: .freeSchoolMeals, date: start, endDate: end, code: "eligible")
        }
        var senStart: CalendarDate?
        for cell in values {
            if cell.path == "SENhistory/SEN/StartDate" { senStart = date(cell) }
            if cell.path == "SENhistory/SEN/SENprovision", let start = senStart {
                let code = cell.value.uppercased()
                if ["N", "K", "E", "S", "A", "P"].contains(code) {
                    // S (statement), A and P (School Action / Plus) are older names for an EHC plan and SEN support.
                    let mapped = code == "S" ? "E" : (code == "A" || code == "P") ? "K" : code
                    facts.append(SchoolFact(kind: .senProvision, date: start, code: mapped))
                } else {
                    problem(cell.path, "code", "'\(cell.value)' is not an SEN provision (N, K or E)")
                }
                senStart = nil
            }
        }
        return facts
    }

    /// The first language, if the CTF gives one.
    func firstLanguage() -> String? {
        var type: String?
        for cell in values {
            if cell.path == "BasicDetails/Languages/Type/LanguageType" { type = cell.value.uppercased() }
            if cell.path == "BasicDetails/Languages/Type/Language", type == "F", !cell.value.isEmpty { return cell.value.uppercased() }
        }
        return nil
    }

    private mutating func attendance() -> [SchoolFact] {
        var facts: [SchoolFact] = []
        var year: Int?
        var possible: Int?
        var absent = 0
        func close() {
            if let year, let possible, possible > 0 {
                if absent > possible {
                    problem("Attendance/YearData", "sessions", "year \(year): more sessions missed (\(absent)) than possible (\(possible))")
                } else {
                    let percent = (Double(possible - absent) / Double(possible) * 1000).rounded() / 10
                    facts.append(SchoolFact(kind: .attendance, date: CalendarDate(dayNumber: 0).settingYear(year + 1, 7, 31), value: percent))
                }
            }
            (year, possible, absent) = (nil, nil, 0)
        }
        for cell in values where cell.path.hasPrefix("Attendance/YearData/") {
            let field = String(cell.path.dropFirst("Attendance/YearData/".count))
            switch field {
            case "Year":
                close()
                guard let value = Int(cell.value), (1990...2100).contains(value) else {
                    problem(cell.path, "year", "'\(cell.value)' is not a year such as 2025")
                    continue
                }
                year = value
            case "SessionsPossible", "SessionsAuthorised", "SessionsUnauthorised":
                guard let count = Int(cell.value), count >= 0 else {
                    problem(cell.path, "whole number", "'\(cell.value)' is not a number of sessions")
                    continue
                }
                if field == "SessionsPossible" { possible = count } else { absent += count }
            default: break
            }
        }
        close()
        return facts
    }

    private mutating func exclusions() -> [SchoolFact] {
        var facts: [SchoolFact] = []
        var start: CalendarDate?
        var category: String?
        var sessions: Double?
        func close() {
            guard let start else { return }
            switch category?.uppercased() {
            case "PERM": facts.append(SchoolFact(kind: .permanentExclusion, date: start))
            case "FIXD", "SUSP", nil: facts.append(SchoolFact(kind: .suspension, date: start, value: sessions.map { $0 / 2 }))
            case "LNCH": break  // A lunchtime exclusion is not a suspension from school.
            default: problem("Exclusions/Exclusion/Category", "code", "'\(category ?? "")' is not an exclusion category (FIXD, PERM or LNCH)")
            }
        }
        for cell in values where cell.path.hasPrefix("Exclusions/Exclusion/") {
            switch cell.path {
            case "Exclusions/Exclusion/StartDate":
                close()
                (start, category, sessions) = (date(cell), nil, nil)
            case "Exclusions/Exclusion/Category": category = cell.value
            case "Exclusions/Exclusion/Sessions":
                guard let count = Double(cell.value), count >= 0 else {
                    problem(cell.path, "number", "'\(cell.value)' is not a number of sessions")
                    continue
                }
                sessions = count
            default: break
            }
        }
        close()
        return facts
    }

    private mutating func spells(start: String, end: String, _ make: (CalendarDate, CalendarDate?) -> SchoolFact) -> [SchoolFact] {
        var facts: [SchoolFact] = []
        var opened: CalendarDate?
        for cell in values {
            if cell.path == start {
                if let opened { facts.append(make(opened, nil)) }
                opened = date(cell)
            } else if cell.path == end, let from = opened {
                let to = cell.value.isEmpty ? nil : date(cell)
                if let to, to < from {
                    problem(cell.path, "order", "ends (\(to.iso)) before it starts (\(from.iso))")
                } else {
                    facts.append(make(from, to))
                }
                opened = nil
            }
        }
        if let opened { facts.append(make(opened, nil)) }
        return facts
    }

    /// A date cell, or a problem naming it.
    private mutating func date(_ cell: (path: String, value: String)) -> CalendarDate? {
        do {
            return try ImportValues.date(cell.value)
        } catch {
            problem(cell.path, error.rule, error.message)
            return nil
        }
    }
}

extension CalendarDate {
    /// A known-good day (31 July and the like) built without a throwing check.
    func settingYear(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        (try? CalendarDate(year: year, month: month, day: day)) ?? self
    }
}
