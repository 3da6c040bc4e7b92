import WaymarkCore

/// A new address; the store closes the previous one the day before.
struct AddressForm: Decodable, Sendable {
    var line1: String?
    var line2: String?
    var town: String?
    var postcode: String?
    var validFrom: DateEntry?
    var once: String?
    enum CodingKeys: String, CodingKey { case line1 = "line-1", line2 = "line-2", town, postcode, validFrom = "address-from", once }

    func validated(today: CalendarDate) -> (AddressRecord?, FormProblems) {
        var problems = FormProblems()
        let first = problems.text(line1, field: "line-1", label: "the first line of the address", required: true, maxLength: 100)
        let second = problems.text(line2, field: "line-2", label: "the second line", required: false, maxLength: 100)
        let townName = problems.text(town, field: "town", label: "the town", required: false, maxLength: 60)
        let code = problems.text(postcode, field: "postcode", label: "the postcode", required: true, maxLength: 10).flatMap(UKPostcode.normalised)
        if problems.message(for: "postcode") == nil, code == nil { problems.add("postcode", "Enter a real UK postcode, like NM3 4QT") }
        let from = problems.date(validFrom, field: "address-from", label: "the date they moved in", required: true)
        guard problems.isEmpty, let first, let code, let from else { return (nil, problems) }
        return (AddressRecord(lines: [first, second].compactMap { $0 }, town: townName, county: nil, postcode: code, ward: nil, validFrom: from), problems)
    }
}

/// A new phone number or e-mail; the previous one of the same kind is closed.
struct ContactDetailForm: Decodable, Sendable {
    var kind: String?
    var value: String?
    var once: String?
    enum CodingKeys: String, CodingKey { case kind = "detail-kind", value = "detail-value", once }

    func validated(today: CalendarDate) -> (ContactDetailRecord?, FormProblems) {
        var problems = FormProblems()
        let kind = ContactDetailRecord.Kind(rawValue: kind ?? "")
        if kind == nil { problems.add("detail-kind", "Choose mobile, landline or e-mail") }
        let text = problems.text(value, field: "detail-value", label: "the number or address", required: true, maxLength: 254)
        guard problems.isEmpty, let kind, let text else { return (nil, problems) }
        switch kind {
        case .email:
            let parts = text.split(separator: "@")
            if parts.count != 2 || !parts[1].contains(".") || text.contains(" ") { problems.add("detail-value", "Enter an e-mail address like name@example.com") }
        case .mobile, .landline:
            let digits = text.filter { $0.isASCII && $0.isNumber }
            if digits.count < 10 || digits.count > 13 || !text.allSatisfy({ ($0.isASCII && $0.isNumber) || " +()-".contains($0) }) {
                problems.add("detail-value", "Enter a phone number of 10 to 13 digits, like 07700 900123")
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (ContactDetailRecord(kind: kind, value: text, validFrom: today), problems)
    }
}

/// A characteristic to add from a date.
struct CharacteristicForm: Decodable, Sendable {
    var code: String?
    var startDate: DateEntry?
    var once: String?
    enum CodingKeys: String, CodingKey { case code = "characteristic", startDate = "characteristic-from", once }

    func validated(today: CalendarDate) -> (CharacteristicRecord?, FormProblems) {
        var problems = FormProblems()
        let code = Int(code ?? "").flatMap(CharacteristicCode.init(rawValue:))
        if code == nil { problems.add("characteristic", "Choose a characteristic from the list") }
        let start = problems.date(startDate, field: "characteristic-from", label: "the date it applies from", required: true)
        if let start, start > today { problems.add("characteristic-from", "A characteristic cannot start in the future") }
        guard problems.isEmpty, let code, let start else { return (nil, problems) }
        return (CharacteristicRecord(code: code, startDate: start), problems)
    }
}

/// UK postcodes: upper-cased with one space before the inward code, or nil when not postcode-shaped.
enum UKPostcode {
    static func normalised(_ text: String) -> String? {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let inward = compact.suffix(3)
        let outward = compact.dropLast(3)
        guard let digit = inward.first, digit.isNumber, inward.dropFirst().allSatisfy(\.isLetter),
            let firstLetter = outward.first, firstLetter.isLetter, outward.contains(where: \.isNumber)
        else { return nil }
        return "\(outward) \(inward)"
    }
}
