public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

extension SharingDesk {
    /// Which of `classes` the portal flow lets go to `organisation` for each
    /// of `people`: the same rules as ``portalView(of:for:visible:at:)``, with
    /// the register read once and provisions and overrides read for the whole
    /// list in a few queries, so a list page asks consent for every row it
    /// shows without a round trip per person.
    func portalShares(
        of people: [Int64], to organisation: StoredOrganisation, classes: [SensitivityClass], at now: Date
    ) async throws -> [Int64: Set<SensitivityClass>] {
        let queries = ConsentQueries(store: store)
        let flow = try await queries.flow(DataFlowDefaults.Key.schoolPortal)
        let provisions = try await queries.standing(of: people)
        let overrides = try await queries.overrides(of: people, at: now)
        let today = CalendarDate.today(from: now)
        var shares: [Int64: Set<SensitivityClass>] = [:]
        for person in people {
            var allowed: Set<SensitivityClass> = []
            for dataClass in classes {
                let share = ProposedShare(
                    purpose: flow?.purpose ?? .schoolSupport, recipientID: organisation.id, recipientKind: organisation.kind, dataClass: dataClass)
                let decision = SharingRules.decide(
                    share, flow: flow, provisions: provisions[person] ?? [], overrides: overrides[person] ?? [], on: today, at: now)
                if decision.isAllowed { allowed.insert(dataClass) }
            }
            shares[person] = allowed
        }
        return shares
    }
}
