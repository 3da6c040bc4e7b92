import Foundation
import OpenAPIRuntime
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkRecords

/// Moving young people between local authorities: the same TransferDesk
/// calls as the transfer pages and `waymark transfer`, with the client's grant.
extension APIHandlers {
    func transferOut(_ input: Operations.TransferOut.Input) async throws -> Operations.TransferOut.Output {
        let access = try APIRequest.require(.exchangeTransfers)
        guard case .json(let request) = input.body else { throw APIProblem.badRequest("Send the move as application/json.") }
        guard request.to.count == 3, request.to.allSatisfy(\.isASCII), request.to.allSatisfy(\.isNumber) else {
            throw APIProblem.badRequest("to is a local authority's three-digit code, e.g. 886.", field: "to", rule: "pattern")
        }
        let movedOn = try APIInput.date(request.movedOn, field: "movedOn")
        let file = try await app.transfers.export(for: access.grant, person: input.path.personId, to: request.to, movedOn: movedOn, at: now())
        return .created(
            .init(
                headers: .init(waymarkTransferId: file.transferID, waymarkPackageSHA256: file.sha256),
                body: .binary(HTTPBody(file.data))))
    }

    func receiveTransfer(_ input: Operations.ReceiveTransfer.Input) async throws -> Operations.ReceiveTransfer.Output {
        let access = try APIRequest.require(.exchangeTransfers)
        guard case .binary(let body) = input.body else { throw APIProblem.badRequest("Send the transfer file's bytes as application/octet-stream.") }
        let limit = app.transfers.limits.maxFileBytes
        let data: Data
        do {
            data = try await Data(collecting: body, upTo: limit)
        } catch {
            throw APIProblem.invalid(field: "the file", rule: "size", "A transfer file is at most \(limit) bytes; nothing was kept.")
        }
        guard !data.isEmpty else { throw APIProblem.invalid(field: "the file", rule: "required", "The file is empty; nothing was kept.") }
        let instant = now()
        let receipt: TransferReceipt
        do {
            receipt = try await app.transfers.receive(for: access.grant, file: data, at: instant)
        } catch let refused as TransferRefused {
            throw Self.problem(refused)
        }
        let read = try await app.transfers.transferIn(for: access.grant, id: receipt.transferID, at: instant)
        return .created(.init(body: .json(Self.transfer(read))))
    }

    func listTransfers(_ input: Operations.ListTransfers.Input) async throws -> Operations.ListTransfers.Output {
        let access = try APIRequest.require(.exchangeTransfers)
        let before = try input.query.cursor.map { Int64(try APICursor.read($0, kind: "transfer", fallback: 0)) }
        let rows = try await app.transfers.received(for: access.grant, before: before, limit: Self.pageSize + 1)
        let shown = rows.prefix(Self.pageSize)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: shown.map(Self.summary),
                        nextCursor: rows.count > Self.pageSize ? shown.last.map { APICursor.make("transfer", Int($0.id)) } : nil))))
    }

    func getTransfer(_ input: Operations.GetTransfer.Input) async throws -> Operations.GetTransfer.Output {
        let access = try APIRequest.require(.exchangeTransfers)
        let read = try await app.transfers.transferIn(for: access.grant, id: input.path.transferId, at: now())
        return .ok(.init(body: .json(Self.transfer(read))))
    }

    func decideTransfer(_ input: Operations.DecideTransfer.Input) async throws -> Operations.DecideTransfer.Output {
        let access = try APIRequest.require(.exchangeTransfers)
        guard case .json(let decision) = input.body else { throw APIProblem.badRequest("Send the decision as application/json.") }
        let id = input.path.transferId
        let desk = app.transfers
        let instant = now()
        switch decision.decision {
        case .decline:
            guard decision.personId == nil else {
                throw APIProblem.invalid(field: "personId", rule: "decline", "personId goes with link only; a declined package adds nobody.")
            }
            let reason = (decision.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard (5...500).contains(reason.count) else {
                throw APIProblem.invalid(field: "reason", rule: "length", "reason: say in a few words (5–500 characters) why the package is declined, for the sending LA.")
            }
            try await desk.decline(for: access.grant, id: id, reason: reason, at: instant)
        case .accept, .link, .create:
            guard decision.reason == nil else {
                throw APIProblem.invalid(field: "reason", rule: "decline", "reason goes with decline only.")
            }
            let choice: TransferAcceptChoice
            switch (decision.decision, decision.personId) {
            case (.link, let person?): choice = .link(personID: person)
            case (.link, nil): throw APIProblem.invalid(field: "personId", rule: "required", "personId: link needs the young person to link the package to.")
            case (_, _?): throw APIProblem.invalid(field: "personId", rule: "link", "personId goes with link only.")
            case (.create, nil): choice = .createNew
            default: choice = .asMatched
            }
            _ = try await desk.accept(for: access.grant, id: id, choice: choice, at: instant)
        }
        let decided = try await desk.transferIn(for: access.grant, id: id, at: instant)
        return .ok(.init(body: .json(Self.summary(decided.stored))))
    }

    /// A refused file: every field and rule; a repeat of one already received is a conflict, not a fault in the file.
    static func problem(_ refused: TransferRefused, refusal: String = "The transfer file was refused and nothing was kept") -> APIProblem {
        let errors = refused.problems.map { APIProblem.FieldError(field: $0.field, rule: $0.rule, message: $0.message) }
        if refused.problems.contains(where: { $0.rule == "repeat" }) {
            return APIProblem(status: 409, title: "Conflict", detail: refused.problems.map(\.message).joined(separator: "; "), errors: errors)
        }
        return APIProblem.invalid(errors, detail: "\(refusal): \(errors.count == 1 ? errors[0].message : "\(errors.count) problems").")
    }

    static func summary(_ stored: StoredTransferIn) -> Components.Schemas.TransferSummary {
        .init(
            id: stored.id, fromLA: stored.fromLA, previousIdentifier: stored.previousIdentifier, receivedAt: Self.instant(stored.receivedAt),
            status: .init(rawValue: stored.status.rawValue) ?? .received, personId: stored.status == .accepted ? stored.personID : nil,
            outcome: stored.outcome.flatMap { .init(rawValue: $0) }, reason: stored.reason)
    }

    static func transfer(_ read: TransferInRead) -> Components.Schemas.Transfer {
        let stored = read.stored
        let package = read.waiting?.package
        return .init(
            id: stored.id, fromLA: stored.fromLA, previousIdentifier: stored.previousIdentifier, receivedAt: Self.instant(stored.receivedAt),
            status: .init(rawValue: stored.status.rawValue) ?? .received, sha256: stored.packageSHA256,
            acknowledgement: TransferReceipt(stored).acknowledgement, personId: stored.status == .accepted ? stored.personID : nil,
            outcome: stored.outcome.flatMap { .init(rawValue: $0) }, reason: stored.reason, movedOn: package?.movedOn.iso,
            person: package.map {
                .init(givenName: $0.identity.givenName, familyName: $0.identity.familyName, dateOfBirth: $0.identity.dateOfBirth.iso, upn: $0.identity.upn, uln: $0.identity.uln)
            },
            activities: package.map { $0.activities.reversed().map { .init(code: $0.code.rawValue, meaning: $0.code.meaning, startDate: $0.startDate.iso) } },
            withheld: package.map { $0.withheld.map { .init(dataClass: $0.dataClass.rawValue, reason: $0.reason) } },
            match: read.waiting.map { Self.match($0.match) })
    }

    static func match(_ match: TransferMatch) -> Components.Schemas.TransferMatch {
        switch match {
        case .previouslyLinked(let id): .init(kind: .previouslyLinked, personId: id)
        case .confident(let id): .init(kind: .confident, personId: id)
        case .uncertain(let id, let probability): .init(kind: .uncertain, personId: id, probability: min(1, max(0, probability)))
        case .none: .init(kind: Components.Schemas.TransferMatch.KindPayload.none)
        }
    }

    /// A stored timestamp as the document's date-time; the epoch only if the store held something else (it never does).
    static func instant(_ text: String) -> Date {
        Timestamp.parse(text) ?? Date(timeIntervalSince1970: 0)
    }
}
