import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A record's parents, carers and professionals, current then ended, and
/// the form to add one (or, on its own page, to change one).
struct PersonContactsPage: PageModel {
    static let template = "record-family"

    struct Card: Sendable {
        let id: Int64
        let name: String
        let relationship: String
        let facts: [SummaryRow]
        let period: String
        let current: Bool
    }

    struct SummaryRow: Sendable {
        let label: String
        let value: String
    }

    let title: String
    let frame: CaseworkFrame
    let current: [Card]
    let ended: [Card]
    let hasCurrent: Bool
    let hasEnded: Bool
    let withheld: String?
    let mayChange: Bool
    let saved: String?
    let form: PersonContactFormView?

    init(view: PersonContactsView, frame: CaseworkFrame, form: PersonContactFormView?, saved: SavedNotice?) {
        title = (frame.hasProblems ? "Error: " : "") + "Parents, carers and professionals – \(view.personName)"
        self.frame = frame
        let cards = view.contacts.map(Self.card)
        current = cards.filter(\.current)
        ended = cards.filter { !$0.current }
        hasCurrent = !current.isEmpty
        hasEnded = !ended.isEmpty
        withheld = view.withheld == 0 ? nil
            : "\(view.withheld) more \(view.withheld == 1 ? "contact is" : "contacts are") not listed: the relationship tells something restricted for your role."
        mayChange = view.mayChange
        self.form = view.mayChange ? form : nil
        self.saved = saved.flatMap(Self.confirmation)
    }

    static func confirmation(_ notice: SavedNotice) -> String? {
        switch notice {
        case .personContact: "Contact added."
        case .personContactChanged: "Contact details saved."
        case .personContactEnded: "Contact ended. They stay on the record, marked as ended."
        default: nil
        }
    }

    static func card(_ stored: StoredPersonContact) -> Card {
        let details = stored.details
        func yes(_ flag: Bool) -> String { flag ? "Yes" : "No" }
        let facts: [SummaryRow?] = [
            details.organisation.map { SummaryRow(label: "Organisation", value: $0) },
            details.phone.map { SummaryRow(label: "Phone", value: $0) },
            details.email.map { SummaryRow(label: "E-mail", value: $0) },
            details.address.map { SummaryRow(label: "Address", value: $0) },
            details.relationship.isProfessional ? nil : SummaryRow(label: "Lives with the young person", value: yes(details.livesWithYoungPerson)),
            details.relationship.isProfessional ? nil : SummaryRow(label: "Parental responsibility", value: yes(details.hasParentalResponsibility)),
            SummaryRow(label: "Young person agrees we may contact them", value: yes(details.youngPersonAgreesToContact)),
            details.notes.map { SummaryRow(label: "Notes", value: $0) },
        ]
        return Card(
            id: stored.id, name: details.name, relationship: details.relationship.label, facts: facts.compactMap { $0 },
            period: "Added \(stored.startedOn.longDescription)" + (stored.endedOn.map { ", ended \($0.longDescription)" } ?? ""),
            current: stored.isCurrent)
    }
}

/// The add or change form, kept as typed.
struct PersonContactFormView: Sendable {
    let action: String
    let heading: String
    let button: String
    let once = SecretToken.make()
    let name: FieldView
    let relationship: FieldView
    let relationships: [Choice]
    let organisation: FieldView
    let phone: FieldView
    let email: FieldView
    let address: FieldView
    let livesWith: Bool
    let parentalResponsibility: Bool
    let agreesToContact: Bool
    let notes: FieldView
    let notesLimit = PersonContactDetails.notesLimit
    let open: Bool

    init(action: String, heading: String, button: String, form: PersonContactForm, allowed: [ContactRelationship], problems: FormProblems, open: Bool) {
        self.action = action
        self.heading = heading
        self.button = button
        name = FieldView(form.name, "contact-name", problems)
        relationship = FieldView(nil, "relationship", problems)
        relationships = allowed.map { Choice(value: $0.rawValue, label: $0.label, selected: form.relationship == $0.rawValue) }
        organisation = FieldView(form.organisation, "organisation", problems)
        phone = FieldView(form.phone, "contact-phone", problems)
        email = FieldView(form.email, "contact-email", problems)
        address = FieldView(form.address, "contact-address", problems)
        livesWith = form.livesWith == "yes"
        parentalResponsibility = form.parentalResponsibility == "yes"
        agreesToContact = form.agreesToContact == "yes"
        notes = FieldView(form.notes, "contact-notes", problems)
        self.open = open || !problems.isEmpty
    }
}
