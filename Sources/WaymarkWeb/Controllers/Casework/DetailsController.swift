import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// Address, phone and e-mail, and characteristics: each change adds to the
/// history (old values are closed, never overwritten) in one audited
/// transaction. A form with problems comes back with them and saves nothing.
struct DetailsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("people/:id/details", use: show)
            .post("people/:id/addresses", use: addAddress)
            .post("people/:id/contact-details", use: addContactDetail)
            .post("people/:id/characteristics", use: addCharacteristic)
            .post("people/:id/characteristics/:item/end", use: endCharacteristic)
            .post("people/:id/preferences", use: savePreferences)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        return try await page(record, context, problems: FormProblems(), entered: [:], saved: request.uri.queryParameters.get("saved").map { String($0) })
    }

    func addAddress(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = try await request.decodeForm(as: AddressForm.self, context: context)
        let (address, problems) = form.validated(today: today)
        guard let address else {
            return try await page(record, context, problems: problems, entered: ["line-1": form.line1, "line-2": form.line2, "town": form.town, "postcode": form.postcode, "address-from": form.validFrom])
        }
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in try await tx.addAddress(address, for: record.personID) }
        return .redirect(to: "/people/\(record.personID)/details?saved=address", type: .normal)
    }

    func addContactDetail(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = try await request.decodeForm(as: ContactDetailForm.self, context: context)
        let (detail, problems) = form.validated(today: today)
        guard let detail else { return try await page(record, context, problems: problems, entered: ["detail-value": form.value, "detail-kind": form.kind]) }
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in try await tx.addContactDetail(detail, for: record.personID) }
        return .redirect(to: "/people/\(record.personID)/details?saved=contact-detail", type: .normal)
    }

    func addCharacteristic(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = try await request.decodeForm(as: CharacteristicForm.self, context: context)
        let (characteristic, problems) = form.validated(today: today)
        guard let characteristic else { return try await page(record, context, problems: problems, entered: ["characteristic-from": form.startDate]) }
        guard record.visible.contains(characteristic.code.sensitivityClass) else {
            // Recording a kind of fact one may not read would let the role learn it by its absence from the list.
            throw HTTPError(.forbidden, message: "\(characteristic.code.sensitivityClass.label) is restricted for your role, so you cannot record it. Ask the young person's adviser.")
        }
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in try await tx.addCharacteristic(characteristic, for: record.personID) }
        return .redirect(to: "/people/\(record.personID)/details?saved=characteristic", type: .normal)
    }

    func endCharacteristic(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let current = try await CaseworkQueries(store: services.store).characteristics(of: record.personID)
            .filter { record.visible.contains($0.record.code.sensitivityClass) }
        guard let item = context.parameters.get("item", as: Int64.self), let found = current.first(where: { $0.id == item }), found.record.endDate == nil else {
            throw HTTPError(.notFound, message: "That characteristic is not open on this young person's record.")
        }
        let end = max(today, found.record.startDate)
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in
            try await tx.endCharacteristic(id: item, for: record.personID, on: end)
        }
        return .redirect(to: "/people/\(record.personID)/details?saved=characteristic-ended", type: .normal)
    }

    struct PreferencesForm: Decodable {
        var optOut: [String]?
        var doNotContact: String?
        enum CodingKeys: String, CodingKey { case optOut = "opt-out", doNotContact = "do-not-contact" }
    }

    /// Saves only what changed: a row per channel whose choice changed, and the flag raised or lowered.
    func savePreferences(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = try await request.decodeForm(as: PreferencesForm.self, context: context)
        var chosen = Set<ContactChannel>()
        for text in form.optOut ?? [] {
            guard let channel = ContactChannel(rawValue: text) else {
                throw HTTPError(.unprocessableContent, message: "opt-out: '\(text.prefix(20))' is not a way of contacting someone.")
            }
            chosen.insert(channel)
        }
        let flag = form.doNotContact == "yes"
        let day = today
        let optedOut = chosen
        let current = try await PreferenceQueries(store: services.store).preferences(of: record.personID, on: day)
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in
            for channel in ContactChannel.allCases where optedOut.contains(channel) != current.optedOut.contains(channel) {
                try await tx.setOptOut(optedOut.contains(channel), channel: channel, for: record.personID, from: day)
            }
            if flag, !current.doNotContact { try await tx.raiseFlag(.doNotContact, for: record.personID, from: day) }
            if !flag, current.doNotContact { try await tx.lowerFlag(.doNotContact, for: record.personID, on: day) }
        }
        return .redirect(to: "/people/\(record.personID)/details?saved=preferences", type: .normal)
    }

    private var today: CalendarDate { CalendarDate.today(from: services.now()) }

    private func page(
        _ record: EditableRecord, _ context: WebContext, problems: FormProblems, entered: [String: String?], saved: String? = nil
    ) async throws -> Response {
        guard let person = try await PersonBundleReader(store: services.store, registry: services.registry).person(record.personID, responsibleLA: record.scope.laCode)
        else { throw HTTPError(.notFound) }
        async let details = CaseworkQueries(store: services.store).contactDetails(of: record.personID)
        async let characteristics = CaseworkQueries(store: services.store).characteristics(of: record.personID)
        async let preferences = PreferenceQueries(store: services.store).preferences(of: record.personID, on: today)
        let page = DetailsPage(
            frame: CaseworkFrame(user: record.user, csrf: context.csrfToken ?? "", person: person, problems: problems), person: person,
            details: try await details, characteristics: try await characteristics, visible: record.visible, preferences: try await preferences, today: today, problems: problems,
            entered: entered.compactMapValues { $0 }, saved: saved)
        return try templates.render(page, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
