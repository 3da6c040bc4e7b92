import Foundation
import WaymarkCore

/// A choice recorded from the record page: given on paper or told to a worker.
struct ConsentForm: Decodable, Sendable {
    var decision: String?
    var purpose: String?
    var recipient: String?
    var dataClass: String?
    var from: DateEntry?
    var until: DateEntry?
    var givenBy: String?
    var method: String?
    var heardBy: String?
    var objection: String?
    var once: String?

    enum CodingKeys: String, CodingKey {
        case decision, purpose, recipient, from, until, method, objection, once
        case dataClass = "data-class", givenBy = "given-by", heardBy = "heard-by"
    }

    static let any = "any"

    func validated(today: CalendarDate, now: Date) -> (ConsentProvision?, FormProblems) {
        var problems = FormProblems()
        let decision = self.decision.flatMap(ConsentDecision.init(rawValue:))
        if decision == nil { problems.add("decision", "Choose whether they said yes or no") }
        var purpose: SharingPurpose?
        if let text = self.purpose, text != Self.any {
            purpose = SharingPurpose(rawValue: text)
            if purpose == nil { problems.add("purpose", "Choose a purpose from the list") }
        }
        let recipient = Self.recipient(self.recipient)
        if recipient == nil { problems.add("recipient", "Choose who it is about sharing with") }
        var dataClass: SensitivityClass?
        if let text = self.dataClass, text != Self.any {
            dataClass = SensitivityClass(rawValue: text)
            if dataClass == nil { problems.add("data-class", "Choose the kind of information from the list") }
        }
        let from = problems.date(self.from, field: "from", label: "the first day it applies", required: true)
        let until = problems.date(self.until, field: "until", label: "the last day it applies", required: false)
        if let from, let until, until < from { problems.add("until", "The last day must be on or after the first day") }
        let givenBy = self.givenBy.flatMap(ConsentGiver.init(rawValue:))
        if givenBy == nil { problems.add("given-by", "Choose who gave it") }
        var method: ConsentMethod?
        switch self.method {
        case "paper": method = .paper
        case "verbal":
            if let worker = problems.text(heardBy, field: "heard-by", label: "the name of the worker they told", required: true, maxLength: 120) {
                method = .verbal(worker: worker)
            }
        default: problems.add("method-paper", "Choose how it was given")
        }
        let objection = self.objection == "yes"
        if objection && decision != .deny { problems.add("objection", "An objection under section 72 is a no: choose No") }
        guard problems.isEmpty, let decision, let recipient, let from, let givenBy, let method else { return (nil, problems) }
        return (ConsentProvision(
            decision: decision, purpose: purpose, recipient: recipient, dataClass: dataClass, from: from, until: until, givenBy: givenBy,
            method: method, origin: objection ? .section72Objection : .choice, recordedAt: now), problems)
    }

    /// "anyone", "kind:school" or "organisation:12".
    static func recipient(_ text: String?) -> ConsentRecipient? {
        guard let text else { return nil }
        if text == "anyone" { return .anyone }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "kind": return OrganisationKind(rawValue: parts[1]).map(ConsentRecipient.kind)
        case "organisation": return Int64(parts[1]).map(ConsentRecipient.organisation)
        default: return nil
        }
    }

    static func value(_ recipient: ConsentRecipient) -> String {
        switch recipient {
        case .anyone: "anyone"
        case .kind(let kind): "kind:\(kind.rawValue)"
        case .organisation(let id): "organisation:\(id)"
        }
    }
}

/// Setting aside a refused share.
struct OverrideForm: Decodable, Sendable {
    var flow: String?
    var recipient: String?
    var classes: [String]?
    var reason: String?

    enum CodingKeys: String, CodingKey {
        case flow, recipient, reason
        case classes = "class"
    }
}
