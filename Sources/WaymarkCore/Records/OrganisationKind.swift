/// The kinds of organisation Waymark knows: who sends data, who educates, who works with young people.
public enum OrganisationKind: String, CaseIterable, Sendable, Codable {
    case localAuthority = "local authority"
    case school
    case specialSchool = "special school"
    case sixthFormCollege = "sixth-form college"
    case furtherEducationCollege = "further education college"
    case trainingProvider = "training provider"
    case employer
    /// Any other agency, kept for organisations recorded before the partner kinds below.
    case agency
    // Partner services that work with the same young people (``isPartner``):
    // they send and receive referrals and appear on the known-to register.
    case youthJustice = "youth justice service"
    case leavingCare = "leaving care service"
    case housing = "housing service"
    case health = "health service"
    case voluntarySector = "voluntary sector organisation"
    case jobcentre = "Jobcentre Plus"
}
