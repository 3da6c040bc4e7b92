import Foundation
import WaymarkCore

/// Turns the checked JSON into domain values, one field at a time, naming
/// each bad one by its path.
enum TransferPackageFields {
    static func package(_ wire: TransferWire, check: inout FieldCheck) -> TransferPackage? {
        let from = check.laCode(wire.fromLA, "fromLA")
        let to = check.laCode(wire.toLA, "toLA")
        _ = check.text(wire.createdAt, "createdAt", required: true)
        let previous = check.text(wire.previousIdentifier, "previousIdentifier", required: true)
        let movedOn = check.requiredDate(wire.movedOn, "movedOn")
        let identity = self.identity(wire.identity, check: &check)
        let activities = wire.activities.enumerated().compactMap { index, activity in self.activity(activity, "activities[\(index)]", check: &check) }
        let needs = wire.needs.enumerated().compactMap { index, need -> NeedAssessment? in
            let field = "needs[\(index)]"
            guard let level = check.code(LevelOfNeed.self, String(need.levelOfNeed), "\(field).levelOfNeed"),
                  let from = check.requiredDate(need.validFrom, "\(field).validFrom") else { return nil }
            let assessment = NeedAssessment(levelOfNeed: level, hasSEND: need.send, hasSENSupport: need.senSupport, validFrom: from)
            for violation in assessment.violations() { check.fail("\(field).senSupport", violation.rule, violation.message) }
            return assessment
        }
        let characteristics = wire.characteristics.enumerated().compactMap { index, item -> CharacteristicRecord? in
            let field = "characteristics[\(index)]"
            guard let code = check.code(CharacteristicCode.self, String(item.code), "\(field).code"),
                  let start = check.requiredDate(item.startDate, "\(field).startDate") else { return nil }
            return CharacteristicRecord(code: code, startDate: start, endDate: check.date(item.endDate, "\(field).endDate"))
        }
        let plan = wire.plan.map { plan in
            TransferPlanSummary(
                agreedOn: check.date(plan.agreedOn, "plan.agreedOn"), nextReviewOn: check.date(plan.nextReviewOn, "plan.nextReviewOn"),
                goals: plan.goals.enumerated().compactMap { index, goal in
                    let title = check.text(goal.title, "plan.goals[\(index)].title")
                    guard (0...1_000).contains(goal.openSteps) else {
                        check.fail("plan.goals[\(index)].openSteps", "range", "\(goal.openSteps) is not a number of steps (0–1000)")
                        return nil
                    }
                    return TransferGoal(title: title, openSteps: goal.openSteps)
                })
        }
        let consents = wire.consents.enumerated().compactMap { index, item in consent(item, "consents[\(index)]", check: &check) }
        let lead = wire.leadProfessional.flatMap { lead -> TransferLeadProfessional? in
            guard let name = check.text(lead.name, "leadProfessional.name", required: true),
                  let organisation = check.text(lead.organisation, "leadProfessional.organisation", required: true) else { return nil }
            return TransferLeadProfessional(
                name: name, organisation: organisation, role: check.text(lead.role, "leadProfessional.role"),
                phone: check.text(lead.phone, "leadProfessional.phone"), email: check.text(lead.email, "leadProfessional.email"))
        }
        let withheld = wire.withheld.enumerated().compactMap { index, item -> TransferWithheldClass? in
            guard let dataClass = check.raw(SensitivityClass.self, item.dataClass, "withheld[\(index)].dataClass"),
                  let reason = check.text(item.reason, "withheld[\(index)].reason", required: true) else { return nil }
            return TransferWithheldClass(dataClass: dataClass, reason: reason)
        }
        if let from, from == to { check.fail("toLA", "la-code", "a young person cannot be transferred to the LA they are leaving") }
        guard check.problems.isEmpty, let from, let to, let previous, let movedOn, let identity else { return nil }
        return TransferPackage(
            fromLA: from, toLA: to, createdAt: wire.createdAt, previousIdentifier: previous, movedOn: movedOn, identity: identity,
            activities: activities, needs: needs, characteristics: characteristics, plan: plan, consents: consents, leadProfessional: lead,
            withheld: withheld)
    }

    static func identity(_ wire: TransferWire.Identity, check: inout FieldCheck) -> YoungPersonIdentity? {
        let given = check.text(wire.givenName, "identity.givenName", required: true)
        let family = check.text(wire.familyName, "identity.familyName", required: true)
        let middle = check.text(wire.middleNames, "identity.middleNames")
        let preferred = check.text(wire.preferredName, "identity.preferredName")
        let born = check.requiredDate(wire.dateOfBirth, "identity.dateOfBirth")
        let gender = check.code(Gender.self, wire.gender, "identity.gender")
        let ethnicity = check.code(Ethnicity.self, wire.ethnicity, "identity.ethnicity")
        let upn = check.text(wire.upn, "identity.upn")
        let uln = check.text(wire.uln, "identity.uln")
        guard let given, let family, let born, let gender, let ethnicity else { return nil }
        let identity = YoungPersonIdentity(
            givenName: given, middleNames: middle, familyName: family, preferredName: preferred, dateOfBirth: born, gender: gender,
            ethnicity: ethnicity, upn: upn, uln: uln)
        for violation in identity.violations() { check.fail("identity.\(violation.field)", violation.rule, violation.message) }
        return identity
    }

    static func activity(_ wire: TransferWire.Activity, _ field: String, check: inout FieldCheck) -> ActivityRecord? {
        let code = check.code(ActivityCode.self, String(wire.code), "\(field).code")
        let start = check.requiredDate(wire.startDate, "\(field).startDate")
        let ascertained = check.requiredDate(wire.dateAscertained, "\(field).dateAscertained")
        let verified = check.date(wire.dateVerified, "\(field).dateVerified")
        let review = check.date(wire.reviewDate, "\(field).reviewDate")
        let predictedEnd = check.date(wire.predictedEndDate, "\(field).predictedEndDate")
        let neetStart = check.date(wire.neetStartDate, "\(field).neetStartDate")
        let establishment = check.text(wire.establishmentNumber, "\(field).establishmentNumber")
        let establishmentName = check.text(wire.establishmentName, "\(field).establishmentName")
        let ukprn = check.text(wire.ukprn, "\(field).ukprn")
        guard let code, let start, let ascertained else { return nil }
        let record = ActivityRecord(
            code: code, startDate: start, dateAscertained: ascertained, dateVerified: verified, reviewDate: review,
            predictedEndDate: predictedEnd, neetStartDate: neetStart, establishmentNumber: establishment,
            establishmentName: establishmentName, ukprn: ukprn)
        return record
    }

    static func consent(_ wire: TransferWire.Consent, _ field: String, check: inout FieldCheck) -> TransferConsent? {
        let decision = check.raw(ConsentDecision.self, wire.decision, "\(field).decision")
        let purpose = check.raw(SharingPurpose.self, wire.purpose, "\(field).purpose")
        let dataClass = check.raw(SensitivityClass.self, wire.dataClass, "\(field).dataClass")
        let kind = check.raw(OrganisationKind.self, wire.recipientKind, "\(field).recipientKind")
        let from = check.requiredDate(wire.from, "\(field).from")
        let until = check.date(wire.until, "\(field).until")
        let givenBy = check.raw(ConsentGiver.self, wire.givenBy, "\(field).givenBy")
        guard let decision, let from, let givenBy else { return nil }
        if let until, until < from { check.fail("\(field).until", "date-order", "ends before it starts (\(from.iso))") }
        return TransferConsent(decision: decision, purpose: purpose, dataClass: dataClass, recipientKind: kind, from: from, until: until, givenBy: givenBy)
    }
}
