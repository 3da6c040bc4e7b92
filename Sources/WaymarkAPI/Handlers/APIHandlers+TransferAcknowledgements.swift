import Foundation
import OpenAPIRuntime
import WaymarkApp
import WaymarkFormats
import WaymarkRecords

/// The signed answer to a transfer, both ways: the receiving authority
/// fetches the acknowledgement of a package it decided, the sending
/// authority imports it. The same TransferDesk calls as the transfers page
/// and `waymark transfer acknowledgement|acknowledge`, with the client's grant.
extension APIHandlers {
    func getTransferAcknowledgement(_ input: Operations.GetTransferAcknowledgement.Input) async throws -> Operations.GetTransferAcknowledgement.Output {
        let access = try APIRequest.require(.exchangeTransfers)
        let file = try await app.transfers.acknowledgement(for: access.grant, id: input.path.transferId, at: now())
        return .ok(.init(body: .binary(HTTPBody(file.data))))
    }

    func acknowledgeTransfer(_ input: Operations.AcknowledgeTransfer.Input) async throws -> Operations.AcknowledgeTransfer.Output {
        let access = try APIRequest.require(.exchangeTransfers)
        guard case .binary(let body) = input.body else { throw APIProblem.badRequest("Send the acknowledgement file's bytes as application/octet-stream.") }
        let limit = TransferLimits.acknowledgement.maxFileBytes
        let data: Data
        do {
            data = try await Data(collecting: body, upTo: limit)
        } catch {
            throw APIProblem.invalid(field: "the file", rule: "size", "An acknowledgement file is at most \(limit) bytes; nothing was changed.")
        }
        guard !data.isEmpty else { throw APIProblem.invalid(field: "the file", rule: "required", "The file is empty; nothing was changed.") }
        let done: TransferAcknowledged
        do {
            done = try await app.transfers.acknowledge(for: access.grant, file: data, at: now())
        } catch let refused as TransferRefused {
            throw Self.problem(refused, refusal: "The acknowledgement was refused and nothing was changed")
        }
        guard let decision = Components.Schemas.TransferAcknowledged.DecisionPayload(rawValue: done.decision) else {
            throw UnknownAcknowledgementDecision(decision: done.decision)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        transferId: done.transferID, personId: done.personID, byLA: done.byLA, decision: decision, theirIdentifier: done.theirIdentifier,
                        summary: done.summary))))
    }
}

/// A decision the use case never gives (it has two): our fault, so a 500 rather than a guess.
struct UnknownAcknowledgementDecision: Error {
    let decision: String
}
