public import Foundation
import WaymarkCore

/// Writes a package's bytes (the thing signed) and the envelope around them.
/// Keys are sorted, so the same package always gives the same bytes.
public enum TransferPackageWriter {
    public static func payload(_ package: TransferPackage) -> Data {
        let wire = TransferWire(
            format: TransferPackage.format, version: TransferPackage.version, fromLA: package.fromLA.code, toLA: package.toLA.code,
            createdAt: package.createdAt, previousIdentifier: package.previousIdentifier, movedOn: package.movedOn.iso,
            identity: identity(package.identity), activities: package.activities.map(activity), needs: package.needs.map(need),
            characteristics: package.characteristics.map {
                TransferWire.Characteristic(code: $0.code.rawValue, startDate: $0.startDate.iso, endDate: $0.endDate?.iso)
            },
            plan: package.plan.map { plan in
                TransferWire.Plan(
                    agreedOn: plan.agreedOn?.iso, nextReviewOn: plan.nextReviewOn?.iso,
                    goals: plan.goals.map { TransferWire.Goal(title: $0.title, openSteps: $0.openSteps) })
            },
            consents: package.consents.map {
                TransferWire.Consent(
                    decision: $0.decision.rawValue, purpose: $0.purpose?.rawValue, dataClass: $0.dataClass?.rawValue, recipientKind: $0.recipientKind?.rawValue,
                    from: $0.from.iso,
                    until: $0.until?.iso, givenBy: $0.givenBy.rawValue)
            },
            leadProfessional: package.leadProfessional.map {
                TransferWire.Lead(name: $0.name, organisation: $0.organisation, role: $0.role, phone: $0.phone, email: $0.email)
            },
            withheld: package.withheld.map { TransferWire.Withheld(dataClass: $0.dataClass.rawValue, reason: $0.reason) })
        return encode(wire)
    }

    public static func envelope(_ envelope: TransferEnvelope) -> Data {
        encode(
            TransferEnvelopeWire(
                format: TransferEnvelope.format, version: TransferEnvelope.version, fromLA: envelope.fromLA.code, toLA: envelope.toLA.code,
                keyID: envelope.keyID, algorithm: TransferEnvelope.algorithm, payload: envelope.payload.base64EncodedString(),
                signature: envelope.signature.base64EncodedString()))
    }

    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }

    static func identity(_ identity: YoungPersonIdentity) -> TransferWire.Identity {
        TransferWire.Identity(
            givenName: identity.givenName, middleNames: identity.middleNames, familyName: identity.familyName, preferredName: identity.preferredName,
            dateOfBirth: identity.dateOfBirth.iso, gender: identity.gender.rawValue, ethnicity: identity.ethnicity.rawValue, upn: identity.upn,
            uln: identity.uln)
    }

    static func activity(_ activity: ActivityRecord) -> TransferWire.Activity {
        TransferWire.Activity(
            code: activity.code.rawValue, startDate: activity.startDate.iso, dateAscertained: activity.dateAscertained.iso,
            dateVerified: activity.dateVerified?.iso, reviewDate: activity.reviewDate?.iso, predictedEndDate: activity.predictedEndDate?.iso,
            neetStartDate: activity.neetStartDate?.iso, establishmentNumber: activity.establishmentNumber, establishmentName: activity.establishmentName,
            ukprn: activity.ukprn)
    }

    static func need(_ need: NeedAssessment) -> TransferWire.Need {
        TransferWire.Need(levelOfNeed: need.levelOfNeed.rawValue, send: need.hasSEND, senSupport: need.hasSENSupport, validFrom: need.validFrom.iso)
    }
}
