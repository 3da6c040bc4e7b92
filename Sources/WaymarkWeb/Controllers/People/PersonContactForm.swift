import WaymarkCore
import WaymarkRecords

/// A parent, carer or professional as posted, to add or to change.
struct PersonContactForm: Decodable, Sendable {
    var name: String?
    var relationship: String?
    var organisation: String?
    var phone: String?
    var email: String?
    var address: String?
    var livesWith: String?
    var parentalResponsibility: String?
    var agreesToContact: String?
    var notes: String?
    var once: String?
    enum CodingKeys: String, CodingKey {
        case name = "contact-name", relationship = "relationship", organisation, phone = "contact-phone", email = "contact-email"
        case address = "contact-address", livesWith = "lives-with", parentalResponsibility = "parental-responsibility", agreesToContact = "agrees-to-contact"
        case notes = "contact-notes", once
    }

    init() {}

    init(_ stored: PersonContactDetails) {
        name = stored.name
        relationship = stored.relationship.rawValue
        organisation = stored.organisation
        phone = stored.phone
        email = stored.email
        address = stored.address
        livesWith = stored.livesWithYoungPerson ? "yes" : nil
        parentalResponsibility = stored.hasParentalResponsibility ? "yes" : nil
        agreesToContact = stored.youngPersonAgreesToContact ? "yes" : nil
        notes = stored.notes
    }

    /// `allowed`: the relationships this user may record (some tell restricted facts).
    func validated(allowed: [ContactRelationship]) -> (PersonContactDetails?, FormProblems) {
        var problems = FormProblems()
        let name = problems.text(name, field: "contact-name", label: "their name", required: true, maxLength: 100)
        let relationship = ContactRelationship(rawValue: relationship ?? "").flatMap { allowed.contains($0) ? $0 : nil }
        if relationship == nil { problems.add("relationship", "Choose how they are related to the young person") }
        let organisation = problems.text(organisation, field: "organisation", label: "their organisation", required: false, maxLength: 100)
        let phone = problems.text(phone, field: "contact-phone", label: "the phone number", required: false, maxLength: 20)
        if let phone {
            let digits = phone.filter { $0.isASCII && $0.isNumber }
            if digits.count < 10 || digits.count > 13 || !phone.allSatisfy({ ($0.isASCII && $0.isNumber) || " +()-".contains($0) }) {
                problems.add("contact-phone", "Enter a phone number of 10 to 13 digits, like 07700 900123")
            }
        }
        let email = problems.text(email, field: "contact-email", label: "the e-mail address", required: false, maxLength: 254)
        if let email {
            let parts = email.split(separator: "@")
            if parts.count != 2 || !parts[1].contains(".") || email.contains(" ") { problems.add("contact-email", "Enter an e-mail address like name@example.com") }
        }
        let address = problems.text(address, field: "contact-address", label: "the address", required: false, maxLength: 300)
        let notes = problems.text(notes, field: "contact-notes", label: "the notes", required: false, maxLength: PersonContactDetails.notesLimit)
        guard problems.isEmpty, let name, let relationship else { return (nil, problems) }
        return (
            PersonContactDetails(
                name: name, relationship: relationship, organisation: organisation, phone: phone, email: email, address: address,
                livesWithYoungPerson: livesWith == "yes", hasParentalResponsibility: parentalResponsibility == "yes",
                youngPersonAgreesToContact: agreesToContact == "yes", notes: notes),
            problems
        )
    }
}
