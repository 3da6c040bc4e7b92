import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Address, phone and e-mail, and characteristics: each change adds to the
/// history (old values are closed, never overwritten) in one audited
/// transaction. A form with problems comes back with them and saves nothing.
struct DetailsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords)
            .get("people/:id/details", use: show)
            .post("people/:id/addresses", use: addAddress)
            .post("people/:id/contact-details", use: addContactDetail)
            .post("people/:id/characteristics", use: addCharacteristic)
            .post("people/:id/characteristics/:item/end", use: endCharacteristic)
            .post("people/:id/preferences", use: savePreferences)
            .post("people/:id/corrections", use: correct)
        return routes
    }

    private var casework: CaseworkDesk { services.app.casework }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        return try await page(record, context, problems: FormProblems(), entered: [:], saved: request.uri.queryParameters.get("saved").map { String($0) })
    }

    func addAddress(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: AddressForm.self, context: context)
        let (address, found) = form.validated(today: today)
        var problems = unread
        problems.merge(found)
        guard let address, problems.isEmpty else {
            let entered = ["line-1": form.line1, "line-2": form.line2, "town": form.town, "postcode": form.postcode]
            return try await page(record, context, problems: problems, entered: entered, dates: ["address-from": form.validFrom])
        }
        return try await once(form.once, record, context) {
            try await casework.addAddress(address, on: record, at: services.now())
            return Paths.details(record.personID, saved: .address)
        }
    }

    func addContactDetail(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: ContactDetailForm.self, context: context)
        let (detail, found) = form.validated(today: today)
        var problems = unread
        problems.merge(found)
        guard let detail, problems.isEmpty else { return try await page(record, context, problems: problems, entered: ["detail-value": form.value, "detail-kind": form.kind]) }
        return try await once(form.once, record, context) {
            try await casework.addContactDetail(detail, on: record, at: services.now())
            return Paths.details(record.personID, saved: .contactDetail)
        }
    }

    func addCharacteristic(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: CharacteristicForm.self, context: context)
        let (characteristic, found) = form.validated(today: today)
        var problems = unread
        problems.merge(found)
        guard let characteristic, problems.isEmpty else { return try await page(record, context, problems: problems, entered: [:], dates: ["characteristic-from": form.startDate]) }
        return try await once(form.once, record, context) {
            try await casework.addCharacteristic(characteristic, on: record, at: services.now())
            return Paths.details(record.personID, saved: .characteristic)
        }
    }

    func endCharacteristic(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        guard let item = context.parameters.get("item", as: Int64.self) else {
            throw HTTPError(.notFound, message: "That characteristic is not open on this young person's record.")
        }
        try await casework.endCharacteristic(item, on: record, at: services.now())
        return .redirect(to: Paths.details(record.personID, saved: .characteristicEnded), type: .normal)
    }

    struct PreferencesForm: Decodable {
        var optOut: [String]?
        var doNotContact: String?
        enum CodingKeys: String, CodingKey { case optOut = "opt-out", doNotContact = "do-not-contact" }
    }

    /// Saves only what changed: a row per channel whose choice changed, and the flag raised or lowered.
    func savePreferences(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: PreferencesForm.self, context: context)
        var problems = unread
        var chosen = Set<ContactChannel>()
        for text in form.optOut ?? [] {
            guard let channel = ContactChannel(rawValue: text) else {
                problems.add("opt-out", "Choose the ways not to contact them from the list ('\(text.prefix(20))' is not one)")
                continue
            }
            chosen.insert(channel)
        }
        guard problems.isEmpty else {
            // The boxes come back as they were ticked, the flag too, so nothing is lost in correcting.
            let kept = ContactPreferences(optedOut: chosen, doNotContact: form.doNotContact == "yes")
            return try await page(record, context, problems: problems, entered: [:], preferences: kept)
        }
        try await casework.setPreferences(optedOut: chosen, doNotContact: form.doNotContact == "yes", on: record, at: services.now())
        return .redirect(to: Paths.details(record.personID, saved: .preferences), type: .normal)
    }

    /// A name or date of birth corrected, with the reason kept beside the old value.
    func correct(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: CorrectionForm.self, context: context)
        let current = try await casework.person(record, form: "correction", at: services.now())
        let (correction, found) = form.validated(current: current, today: today)
        var problems = unread
        problems.merge(found)
        guard let correction, problems.isEmpty else { return try await page(record, context, problems: problems, entered: [:], correction: form) }
        return try await once(form.once, record, context) {
            try await casework.correctIdentity(correction, on: record, at: services.now())
            context.logger.info("identity corrected", metadata: ["person": "\(record.personID)", "reason": "\(correction.reason.rawValue)"])
            return Paths.details(record.personID, saved: .corrected) + "#corrections"
        }
    }

    private var today: CalendarDate { CalendarDate.today(from: services.now()) }

    /// Saves once per form token: a repeat (Back then Save, a double click) goes where the first went and adds nothing.
    private func once(_ token: String?, _ record: RecordForChange, _ context: StaffContext, save: () async throws -> String) async throws -> Response {
        let shown = try await services.app.repeats.once(token, for: context.grant, at: services.now(), fallback: Paths.details(record.personID), save: save)
        return .redirect(to: shown, type: .normal)
    }

    private func page(
        _ record: RecordForChange, _ context: StaffContext, problems: FormProblems, entered: [String: String?], dates: [String: DateEntry?] = [:],
        preferences: ContactPreferences? = nil, saved: String? = nil, correction: CorrectionForm? = nil
    ) async throws -> Response {
        let shown = try await casework.details(record, at: services.now())
        let page = DetailsPage(
            frame: CaseworkFrame(user: context.user, csrf: context.csrf, person: shown.person, problems: problems), person: shown.person,
            details: shown.contactDetails, characteristics: shown.characteristics, visible: record.visible, preferences: preferences ?? shown.preferences,
            today: today, problems: problems, entered: entered.compactMapValues { $0 }, dates: dates.compactMapValues { $0 }, saved: saved,
            corrections: CorrectionsView(shown.corrections, by: shown.correctedBy, person: shown.person, form: correction, problems: problems))
        return try templates.render(page, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
