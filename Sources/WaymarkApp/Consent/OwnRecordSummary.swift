import Foundation
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// What is held about a young person, in plain words and counts: enough to
/// know what to ask for, without setting out the facts themselves.
enum OwnRecordSummary {
    static func held(_ person: PersonBundle, details: Int, contacts: [StoredContact], today: CalendarDate) -> [OwnRecordView.Held] {
        var identity = ["your name"]
        if person.dateOfBirth != nil { identity.append("date of birth") }
        if person.gender != nil { identity.append("gender") }
        if person.ethnicity != nil { identity.append("ethnicity") }
        if person.schoolName != nil { identity.append("school") }
        if person.upn != nil || person.uln != nil { identity.append("the numbers schools and colleges use for you") }
        var held = [OwnRecordView.Held(heading: "Who you are", text: sentence(list(identity)) + ".")]
        held.append(.init(
            heading: "How to reach you",
            text: sentence("\(count(person.addresses.count, "address", "addresses")) and \(count(details, "phone number or e-mail address", "phone numbers or e-mail addresses")).")
                + (person.addresses.count + details > 0 ? " Old ones are kept as history." : "")))
        var doing = sentence("\(count(person.activities.count, "record", "records")) of what you have been doing.")
        if let current = ActivityHistory.current(in: person.activities, on: today) {
            doing += " The latest: \(current.code.meaning.lowercased()), since \(monthNames[current.startDate.month - 1]) \(current.startDate.year)."
        }
        held.append(.init(heading: "What you are doing", text: doing))
        if !person.intendedDestinations.isEmpty || !person.guarantees.isEmpty {
            held.append(.init(heading: "Your plans after Year 11", text: "What you planned to do next, and any offer of a place you had."))
        }
        let special = Set(person.characteristics.map(\.code.sensitivityClass)).union(person.needs.isEmpty ? [] : [.sendAndHealth]).sorted()
        held.append(.init(
            heading: "Support and needs",
            text: special.isEmpty ? "Nothing is recorded." : "Information about: " + special.map { $0.label.lowercased() }.joined(separator: "; ") + "."))
        let notes = contacts.filter { !($0.summary ?? "").isEmpty }.count
        held.append(.init(
            heading: "Contacts with you",
            text: contacts.isEmpty ? "None recorded yet."
                : "\(count(contacts.count, "contact", "contacts")) (calls, texts, meetings), \(notes) of them with notes written by advisers. Ask your adviser if you would like to see them."))
        return held
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static func count(_ number: Int, _ one: String, _ many: String) -> String {
        number == 0 ? "no \(many)" : number == 1 ? "1 \(one)" : "\(number) \(many)"
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "You said no to Millbrook School seeing your current activity (schools and colleges supporting you…)".
    static func describe(_ provision: ConsentProvision, names: [Int64: String]) -> String {
        let who = switch provision.recipient {
        case .anyone: "anyone"
        case .kind(let kind): "any \(kind.rawValue)"
        case .organisation(let id): names[id] ?? "one organisation"
        }
        let what = provision.dataClass.map { $0.label.lowercased() } ?? "anything"
        let verb = provision.decision == .permit ? "yes" : "no"
        let purpose = provision.purpose.map { " for: \($0.label.lowercased())" } ?? ""
        let objection = provision.origin == .section72Objection ? " (your objection under the Education and Skills Act 2008)" : ""
        return "\(provision.givenBy == .parent ? "A parent or carer said" : "You said") \(verb) to \(who) seeing \(what)\(purpose)\(objection), \(provision.method.label)."
    }
}
