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
    static let asked: [SensitivityClass] = [.educationAndActivity, .currentActivity, .sendAndHealth, .notes]
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
        let consents = try await ConsentQueries(store: store).standing(of: id).filter { $0.isInForce(on: today, at: now) }.map {
            TransferConsent(decision: $0.decision, purpose: $0.purpose, dataClass: $0.dataClass, from: $0.from, until: $0.until, givenBy: $0.givenBy)
        }
        let package = TransferPackage(
            fromLA: laCode, toLA: destination, createdAt: Timestamp.format(now), previousIdentifier: Self.identifier(la: laCode, person: id),
            movedOn: movedOn, identity: try Self.identity(bundle),
            activities: allowed.contains(.educationAndActivity) ? bundle.activities : [],
            needs: allowed.contains(.sendAndHealth) ? bundle.needs : [],
            characteristics: bundle.characteristics.filter { allowed.contains($0.code.sensitivityClass) },
            plan: Self.summary(plan, titles: allowed.contains(.notes)), consents: consents,
            leadProfessional: Self.leadProfessional(of: id), withheld: withheld)
        return Made(package: package, withheld: withheld.map(\.dataClass))
    }

    /// The lead professional goes in the package once the register of who is
    /// involved exists (issue 15, item 4): until then there is none to send.
    static func leadProfessional(of person: Int64) -> TransferLeadProfessional? { nil }

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
