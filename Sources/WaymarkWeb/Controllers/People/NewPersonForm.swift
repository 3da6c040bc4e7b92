import WaymarkApp
import WaymarkCore

/// "Add a young person" as posted: the first time to check for the person
/// already being recorded, the second (`confirmed`) to add them.
struct NewPersonForm: Decodable, Sendable {
    var givenName: String?
    var familyName: String?
    var dateOfBirth: DateEntry?
    var gender: String?
    var postcode: String?
    var upn: String?
    var uln: String?
    var once: String?
    /// "none" when the user has seen the possible matches and said none of them is this young person.
    var confirmed: String?
    /// Set by "Change what I entered": the form comes back to be edited.
    var edit: String?

    enum CodingKeys: String, CodingKey {
        case givenName = "given-name", familyName = "family-name", dateOfBirth = "date-of-birth", gender, postcode, upn, uln, once, confirmed, edit
    }

    /// The genders a person can be added with (U and W are kept for files that send them).
    static let genders: [Gender] = [.female, .male, .unknown, .withheld]

    static let nameLimit = 35

    func validated(today: CalendarDate) -> (NewPersonEntry?, FormProblems) {
        var problems = FormProblems()
        let given = problems.text(givenName, field: "given-name", label: "their given name", required: true, maxLength: Self.nameLimit)
        let family = problems.text(familyName, field: "family-name", label: "their family name", required: true, maxLength: Self.nameLimit)
        for (name, field, label) in [(given, "given-name", "The given name"), (family, "family-name", "The family name")] {
            if let name, name.contains(where: { "/\\:?@$&*(){}[]!\"+=|0123456789".contains($0) }) {
                problems.add(field, "\(label) can only have letters, spaces, hyphens and apostrophes")
            }
        }
        let born = problems.date(dateOfBirth, field: "date-of-birth", label: "their date of birth", required: true)
        if let born, born > today { problems.add("date-of-birth", "Their date of birth must be in the past") }
        if let born, born.completedYears(to: today) > 30 { problems.add("date-of-birth", "Their date of birth must be within the last 30 years: check the year") }
        let gender = Gender(rawValue: gender ?? "")
        if gender == nil { problems.add("gender", "Choose their gender") }
        let code = problems.text(postcode, field: "postcode", label: "their postcode", required: true, maxLength: 10).flatMap(UKPostcode.normalised)
        if problems.message(for: "postcode") == nil, code == nil { problems.add("postcode", "Enter a real UK postcode, like NM3 4QT") }
        let pupilNumber = problems.text(upn, field: "upn", label: "the UPN", required: false, maxLength: 13)?.uppercased()
        if let pupilNumber, !(pupilNumber.count == 13 && pupilNumber.first!.isLetter && pupilNumber.dropFirst().allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) })) {
            problems.add("upn", "Enter a UPN of 13 characters, a letter then 12 digits (the last can be a letter), like H990250000123")
        }
        let learnerNumber = problems.text(uln, field: "uln", label: "the ULN", required: false, maxLength: 10)
        if let learnerNumber, !(learnerNumber.count == 10 && learnerNumber.allSatisfy { $0.isASCII && $0.isNumber }) {
            problems.add("uln", "Enter a ULN of 10 digits, like 9876543210")
        }
        guard problems.isEmpty, let given, let family, let born, let gender, let code else { return (nil, problems) }
        return (NewPersonEntry(givenName: given, familyName: family, dateOfBirth: born, gender: gender, postcode: code, upn: pupilNumber, uln: learnerNumber), problems)
    }
}
