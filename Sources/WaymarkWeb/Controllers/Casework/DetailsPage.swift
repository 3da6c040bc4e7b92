import FoundationEssentials
import WaymarkCore
import WaymarkRecords

/// Address, phone and e-mail, and characteristics, with their history and the forms to change them.
struct DetailsPage: PageModel {
    static let template = "record-details"

    struct Line: Sendable {
        let id: Int64
        let text: String
        let period: String
        let open: Bool
    }

    let title: String
    let frame: CaseworkFrame
    let addresses: [Line]
    let details: [Line]
    let characteristics: [Line]
    let characteristicChoices: [Choice]
    /// The kinds of characteristic this role neither sees nor records, if any.
    let restrictedKinds: String?
    let kinds: [Choice]
    let line1: FieldView
    let line2: FieldView
    let town: FieldView
    let postcode: FieldView
    let addressFrom: DateFieldView
    let detailKind: FieldView
    let detailValue: FieldView
    let characteristic: FieldView
    let characteristicFrom: DateFieldView
    let today: String
    let saved: String?
    let channels: [Choice]
    /// One token a form: Back after saving an address, then saving a number, is a new number, not a repeat of the address.
    let addressOnce = SecretToken.make()
    let detailOnce = SecretToken.make()
    let characteristicOnce = SecretToken.make()
    let optOut: FieldView
    let doNotContact: Bool
    let corrections: CorrectionsView

    init(
        frame: CaseworkFrame, person: PersonBundle, details: [StoredContactDetail], characteristics: [(id: Int64, record: CharacteristicRecord)],
        visible: Set<SensitivityClass>, preferences: ContactPreferences, today: CalendarDate, problems: FormProblems, entered: [String: String], dates: [String: DateEntry],
        saved: String?, corrections: CorrectionsView
    ) {
        self.corrections = corrections
        title = "Contact details and characteristics – \(frame.personName)"
        self.frame = frame
        self.today = today.iso
        channels = ContactChannel.allCases.map { Choice(value: $0.rawValue, label: $0.meaning, selected: preferences.optedOut.contains($0)) }
        optOut = FieldView(nil, "opt-out", problems)
        doNotContact = preferences.doNotContact
        self.saved = saved.flatMap(SavedNotice.init(rawValue:))?.detailsConfirmation
        func period(_ from: CalendarDate, _ to: CalendarDate?) -> String {
            "From \(from.longDescription)" + (to.map { " to \($0.longDescription)" } ?? "")
        }
        addresses = person.addresses.reversed().enumerated().map { index, address in
            Line(id: Int64(index), text: (address.lines + [address.town, address.postcode].compactMap { $0 }).joined(separator: ", "),
                 period: period(address.validFrom, address.validTo), open: address.validTo == nil)
        }
        self.details = details.enumerated().map { index, stored in
            Line(id: Int64(index), text: "\(stored.detail.kind.rawValue): \(stored.detail.value)", period: period(stored.detail.validFrom, stored.detail.validTo),
                 open: stored.detail.validTo == nil)
        }
        self.characteristics = characteristics.filter { visible.contains($0.record.code.sensitivityClass) }.map {
            Line(id: $0.id, text: "\($0.record.code.rawValue) – \($0.record.code.meaning)", period: period($0.record.startDate, $0.record.endDate),
                 open: $0.record.endDate == nil)
        }
        let hidden = Set(CharacteristicCode.allCases.map(\.sensitivityClass)).filter { !visible.contains($0) }
        restrictedKinds = hidden.isEmpty ? nil : hidden.sorted().map { $0.label.lowercased() }.joined(separator: ", ")
        characteristicChoices = CharacteristicCode.allCases.filter { visible.contains($0.sensitivityClass) }.map { Choice(value: String($0.rawValue), label: "\($0.rawValue) – \($0.meaning)", selected: false) }
        kinds = ContactDetailRecord.Kind.allCases.map { Choice(value: $0.rawValue, label: $0 == .email ? "E-mail" : $0.rawValue.capitalized, selected: entered["detail-kind"] == $0.rawValue) }
        line1 = FieldView(entered["line-1"], "line-1", problems)
        line2 = FieldView(entered["line-2"], "line-2", problems)
        town = FieldView(entered["town"], "town", problems)
        postcode = FieldView(entered["postcode"], "postcode", problems)
        addressFrom = DateFieldView(dates["address-from"] ?? DateEntry(today), "address-from", legend: "Living there from", problems)
        detailKind = FieldView(nil, "detail-kind", problems)
        detailValue = FieldView(entered["detail-value"], "detail-value", problems)
        characteristic = FieldView(nil, "characteristic", problems)
        characteristicFrom = DateFieldView(dates["characteristic-from"] ?? DateEntry(today), "characteristic-from", legend: "Applies from", problems)
    }
}
