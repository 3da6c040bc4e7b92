/// The kinds of organisation Waymark knows: who sends data, who educates, who works with young people.
public enum OrganisationKind: String, CaseIterable, Sendable, Codable {
    case localAuthority = "local authority"
    case school
    case specialSchool = "special school"
    case sixthFormCollege = "sixth-form college"
    case furtherEducationCollege = "further education college"
    case trainingProvider = "training provider"
    case employer
    case agency
}
