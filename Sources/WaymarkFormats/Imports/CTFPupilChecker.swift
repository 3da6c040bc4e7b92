import WaymarkCore

/// Turns one CTF pupil's elements into an import row, or the problems that
/// stop it. Field names in problems are the CTF's element paths, as a school's
/// MIS would show them.
struct CTFPupilChecker {
    struct Problems: Error {
        var problems: [ImportProblem]
    }

    let values: [(path: String, value: String)]
    let position: Int
    var problems: [ImportProblem] = []

    static func check(_ values: [(path: String, value: String)], position: Int, school: ImportEstablishment) -> Result<ImportRow, Problems> {
        var checker = CTFPupilChecker(values: values, position: position)
        let upn = checker.required("UPN", ImportValues.upn)
        let surname = checker.required("Surname", { text throws(ImportValues.ValueFailure) in text })
        let forename = checker.required("Forename", { text throws(ImportValues.ValueFailure) in text })
        let dob = checker.required("DOB", { text throws(ImportValues.ValueFailure) in try ImportValues.date(text) })
        // Later CTF versions call the element Sex.
        let genderPath = checker.first("Gender") != nil ? "Gender" : "Sex"
        let gender = checker.required(genderPath, ImportValues.gender)
        let uln = checker.optional("UniqueLearnerNumber", ImportValues.uln)
        let postcode = checker.optional("Address/PostCode", ImportValues.postcode)
        let schoolFacts = checker.schoolFacts()
        guard checker.problems.isEmpty, let upn, let surname, let forename, let dob, let gender else {
            return .failure(Problems(problems: checker.problems))
        }
        let identity = ImportIdentity(
            recordReference: checker.first("ApplicationReference"), givenName: forename,
            middleNames: checker.first("BasicDetails/MiddleNames"), familyName: surname, dateOfBirth: dob,
            gender: gender, postcode: postcode, addressLines: checker.addressLines(), upn: upn, uln: uln)
        let details = CTFPupilDetails(
            school: school, preferredForename: checker.first("BasicDetails/PreferredForename"),
            preferredSurname: checker.first("BasicDetails/PreferredSurname"),
            nationalCurriculumYear: checker.first("BasicDetails/NCyearActual").flatMap { Int($0) },
            ethnicity: checker.first("BasicDetails/Ethnicity"), senProvision: checker.latestSENProvision(),
            inCare: ["true", "1", "yes", "y"].contains(checker.first("LookedAfter/InCare")?.lowercased() ?? ""),
            currentlyFSMEligible: checker.hasOpenFSMInstance(), schoolFacts: schoolFacts, firstLanguage: checker.firstLanguage())
        let raw = values.map { ImportRawCell(header: $0.path, field: nil, value: $0.value) }
        return .success(ImportRow(row: position, identity: identity, event: .pupil(details), raw: raw))
    }

    /// The first non-blank value at a path.
    func first(_ path: String) -> String? {
        values.first { $0.path == path && !$0.value.isEmpty }?.value
    }

    mutating func problem(_ field: String, _ rule: String, _ message: String) {
        problems.append(ImportProblem(row: position, field: field, rule: rule, message: message, unit: "pupil"))
    }

    mutating func optional<T>(_ path: String, _ parse: (String) throws(ImportValues.ValueFailure) -> T) -> T? {
        guard let value = first(path) else { return nil }
        do {
            return try parse(value)
        } catch {
            problem(path, error.rule, error.message)
            return nil
        }
    }

    mutating func required<T>(_ path: String, _ parse: (String) throws(ImportValues.ValueFailure) -> T) -> T? {
        guard first(path) != nil else {
            problem(path, "required", "is missing; a CTF pupil must have it")
            return nil
        }
        return optional(path, parse)
    }

    /// AddressLines/AddressLine1–5, or the BS7666 parts, in order.
    func addressLines() -> [String] {
        let prefixes = ["Address/AddressLines/", "Address/BS7666Address/"]
        let skipped: Set<String> = ["Address/BS7666Address/UniquePropertyReferenceNumber"]
        return values.filter { cell in
            !cell.value.isEmpty && !skipped.contains(cell.path) && prefixes.contains { cell.path.hasPrefix($0) }
        }.map(\.value)
    }

    /// The SENprovision of the SEN entry with the latest StartDate (the last
    /// one when dates are missing). Entries are read in order: each SEN's
    /// StartDate and SENprovision are consecutive.
    func latestSENProvision() -> String? {
        var best: (start: String, provision: String)?
        var start = ""
        for cell in values {
            if cell.path == "SENhistory/SEN/StartDate" { start = cell.value }
            if cell.path == "SENhistory/SEN/SENprovision", !cell.value.isEmpty {
                if start >= (best?.start ?? "") { best = (start, cell.value) }
                start = ""
            }
        }
        return best?.provision
    }

    /// An FSMinstance with a start date and no end date.
    func hasOpenFSMInstance() -> Bool {
        var open = false
        var inInstance = false
        for cell in values {
            switch cell.path {
            case "FSMhistory/FSMinstance/FSMstartDate":
                if inInstance && open { return true }
                inInstance = true
                open = !cell.value.isEmpty
            case "FSMhistory/FSMinstance/FSMendDate":
                if !cell.value.isEmpty { open = false }
            default:
                break
            }
        }
        return inInstance && open
    }
}
