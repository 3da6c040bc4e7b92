import Foundation
import WaymarkCore
import WaymarkRecords

/// The young person's answer. Every field is checked for length and shape;
/// nothing they type is shown back to anyone but them until an officer looks.
struct SelfServiceForm: Decodable, Sendable {
    var choice: String?
    var place: String?
    var sinceMonth: String?
    var sinceYear: String?
    var phone: String?
    var email: String?
    var contactBy: String?

    enum CodingKeys: String, CodingKey {
        case choice, place, phone, email
        case sinceMonth = "since-month", sinceYear = "since-year", contactBy = "contact-by"
    }

    /// Channels a young person may ask to be contacted by.
    static let contactChannels: [ContactChannel] = [.sms, .email, .phone, .letter]

    func validated(campaignMemberID: Int64, today: CalendarDate) -> (NewSelfServiceAnswer?, FormProblems) {
        var problems = FormProblems()
        let chosen = choice.flatMap(SelfDeclaredActivity.init(rawValue:))
        if chosen == nil { problems.add("choice-\(SelfDeclaredActivity.allCases[0].rawValue)", "Choose what you are doing now") }
        let place = problems.text(place, field: "place", label: "where", required: false, maxLength: 120)
        let since = sinceDate(today: today, problems: &problems)
        let phone = Self.phoneNumber(phone, problems: &problems)
        let email = Self.emailAddress(email, problems: &problems)
        var channel: ContactChannel?
        if let text = contactBy, !text.isEmpty {
            channel = ContactChannel(rawValue: text).flatMap { Self.contactChannels.contains($0) ? $0 : nil }
            if channel == nil { problems.add("contact-by-sms", "Choose one of the ways listed to be contacted") }
        }
        guard problems.isEmpty, let chosen else { return (nil, problems) }
        return (NewSelfServiceAnswer(campaignMemberID: campaignMemberID, choice: chosen, place: chosen.hasPlace ? place : nil, since: since,
                                     phone: phone, email: email, preferredChannel: channel), problems)
    }

    /// "Since when" as a month and year; the first of that month, not in the future and not before they were 13.
    private func sinceDate(today: CalendarDate, problems: inout FormProblems) -> CalendarDate? {
        let month = (sinceMonth ?? "").trimmingCharacters(in: .whitespaces)
        let year = (sinceYear ?? "").trimmingCharacters(in: .whitespaces)
        if month.isEmpty && year.isEmpty { return nil }
        guard month.count <= 2, year.count == 4, let monthNumber = Int(month), let yearNumber = Int(year), (1...12).contains(monthNumber),
            let date = try? CalendarDate(year: yearNumber, month: monthNumber, day: 1)
        else {
            problems.add("since-month", "Enter the month as a number from 1 to 12 and the year with four digits, like 9 and 2026")
            return nil
        }
        if date > today { problems.add("since-month", "The month you started must be this month or earlier") }
        if yearNumber < today.year - 12 { problems.add("since-month", "Check the year you started") }
        return problems.isEmpty ? date : nil
    }

    /// A UK mobile number, stored as 07… digits.
    static func phoneNumber(_ text: String?, problems: inout FormProblems) -> String? {
        let typed = (text ?? "").trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { return nil }
        guard typed.count <= 20 else {
            problems.add("phone", "Enter a mobile number like 07700 900123")
            return nil
        }
        var digits = typed.filter { $0.isNumber }
        if typed.hasPrefix("+44") { digits = "0" + digits.dropFirst(2) }
        guard digits.count == 11, digits.hasPrefix("07"), typed.allSatisfy({ $0.isNumber || $0 == " " || $0 == "+" || $0 == "-" }) else {
            problems.add("phone", "Enter a UK mobile number like 07700 900123")
            return nil
        }
        return digits
    }

    static func emailAddress(_ text: String?, problems: inout FormProblems) -> String? {
        let typed = (text ?? "").trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { return nil }
        let parts = typed.split(separator: "@", omittingEmptySubsequences: false)
        guard typed.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !typed.contains(where: { $0.isWhitespace })
        else {
            problems.add("email", "Enter an email address like name@example.com")
            return nil
        }
        return typed
    }
}
