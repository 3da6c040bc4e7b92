import Foundation
import WaymarkCore
import WaymarkFormats
import WaymarkRecords
import WaymarkStore

/// Builds the minimal package for one young person, asking the sharing
/// rules about every class along the `la-transfer` flow: what the flow does
/// not carry, or the young person refused, is left out and named.
struct TransferPackageMaker {
    let store: Store
    let registry: LocalAuthorityRegistry
    let laCode: LocalAuthorityCode

    struct Made {
        let package: TransferPackage
        let withheld: [SensitivityClass]
    }

    /// The classes the package can carry, each asked about separately.
    static let asked: [SensitivityClass] = [.contact, .educationAndActivity, .currentActivity, .sendAndHealth, .mentalHealth, .notes]
        + Set(CharacteristicCode.allCases.map(\.sensitivityClass)).sorted()

    func make(person id: Int64, to destination: LocalAuthorityCode, movedOn: CalendarDate, at now: Date) async throws -> Made? {
        guard let bundle = try await PersonBundleReader(store: store, registry: registry).person(id, responsibleLA: laCode.code) else { return nil }
        let classes = Array(Set(Self.asked))
        let decisions = try await SharingDesk(store: store).decide(
            person: id, flowKey: DataFlowDefaults.Key.laTransfer, recipient: nil, classes: classes, at: now)
        let allowed = Set(classes.filter { decisions[$0]?.isAllowed ?? false })
        let withheld = classes.filter { !allowed.contains($0) }.sorted().compactMap { dataClass -> TransferWithheldClass? in
            guard case .refused(let why) = decisions[dataClass] else { return nil }
            return TransferWithheldClass(dataClass: dataClass, reason: why.description)
        }
        let plan = try await PlanQueries(store: store).plan(of: id)
        let today = CalendarDate.today(from: now)
        let standing = try await ConsentQueries(store: store).standing(of: id).filter { $0.isInForce(on: today, at: now) }
        var consents: [TransferConsent] = []
        for provision in standing {
            if let carried = try await carried(provision) { consents.append(carried) }
        }
        let package = TransferPackage(
            fromLA: laCode, toLA: destination, createdAt: Timestamp.format(now), previousIdentifier: Self.identifier(la: laCode, person: id),
            movedOn: movedOn, identity: try Self.identity(bundle),
            activities: allowed.contains(.educationAndActivity) ? bundle.activities : [],
            needs: allowed.contains(.sendAndHealth) ? bundle.needs : [],
            characteristics: bundle.characteristics.filter { allowed.contains($0.code.sensitivityClass) },
            plan: Self.summary(plan, titles: allowed.contains(.notes)), consents: consents,
            leadProfessional: try await leadProfessional(of: id, allowed: allowed), withheld: withheld)
        return Made(package: package, withheld: withheld.map(\.dataClass))
    }

    /// The lead professional now (issue 15, item 4), asked about like every
    /// other class: how to reach the team is `contact`, and a service whose
    /// very name tells a special category (youth justice, health) is named
    /// only where that class may go too. Otherwise the receiver learns only
    /// that a professional leads and that contact goes through this LA
    /// ("brokered contact", as on the known-to register).
    func leadProfessional(of person: Int64, allowed: Set<SensitivityClass>) async throws -> TransferLeadProfessional? {
        guard allowed.contains(.contact), let lead = try await KnownToQueries(store: store).leadProfessional(of: person) else { return nil }
        let organisation = try await OrganisationQueries(store: store).organisation(id: lead.organisationID)
        let told = organisation.map { KnownToLine.classTold(by: $0.kind) } ?? []
        guard told.isSubset(of: allowed) else {
            return TransferLeadProfessional(
                name: "A professional leads (brokered contact)", organisation: registry.name(of: laCode) ?? "LA \(laCode.code)",
                role: "Contact them through the local authority")
        }
        let role = try await KnownToQueries(store: store).involvements(of: person)
            .first { $0.isOpen && $0.workerUserID == lead.userID }?.workerRole
        let email = try await UserQueries(store: store).user(id: lead.userID)?.email
        return TransferLeadProfessional(name: lead.userName, organisation: lead.organisationName, role: role, email: email)
    }

    /// A consent in force, as the receiving LA can keep it. The package
    /// names no organisation of ours (they mean nothing there), so a
    /// provision must never widen when its recipient is dropped: one for a
    /// kind of organisation keeps the kind; a permit for one organisation
    /// is not carried; a refusal to one organisation goes as a refusal to
    /// every organisation of that kind.
    func carried(_ provision: ConsentProvision) async throws -> TransferConsent? {
        let kind: OrganisationKind?
        switch provision.recipient {
        case .anyone: kind = nil
        case .kind(let chosen): kind = chosen
        case .organisation(let organisationID):
            guard provision.decision == .deny, let organisation = try await OrganisationQueries(store: store).organisation(id: organisationID) else {
                return nil
            }
            kind = organisation.kind
        }
        return TransferConsent(
            decision: provision.decision, purpose: provision.purpose, dataClass: provision.dataClass, recipientKind: kind, from: provision.from,
            until: provision.until, givenBy: provision.givenBy)
    }

    /// How the receiving LA will know this record: our LA code and record id.
    static func identifier(la: LocalAuthorityCode, person: Int64) -> String { "\(la.code)-\(person)" }

    static func summary(_ plan: StoredActionPlan, titles: Bool) -> TransferPlanSummary? {
        guard plan.schedule != nil || !plan.goals.isEmpty else { return nil }
        return TransferPlanSummary(
            agreedOn: plan.schedule?.agreedOn, nextReviewOn: plan.schedule?.nextReviewOn,
            goals: plan.goals.map { goal in
                TransferGoal(title: titles ? goal.title : nil, openSteps: goal.steps.filter { [.notStarted, .inProgress].contains($0.status) }.count)
            })
    }

    static func identity(_ bundle: PersonBundle) throws -> YoungPersonIdentity {
        guard let given = bundle.givenName, let family = bundle.familyName, let born = bundle.dateOfBirth else {
            throw Refusal.conflict("This record has no name or date of birth (it may have been anonymised), so it cannot be transferred.")
        }
        return YoungPersonIdentity(
            givenName: given, middleNames: bundle.middleNames, familyName: family, dateOfBirth: born,
            gender: (try? Gender.parse(bundle.gender ?? "")) ?? .unknown, ethnicity: (try? Ethnicity.parse(bundle.ethnicity ?? "")) ?? .notObtained,
            upn: bundle.upn, uln: bundle.uln)
    }
}
