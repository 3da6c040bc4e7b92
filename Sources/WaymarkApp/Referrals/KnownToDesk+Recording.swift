public import Foundation
public import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// What an LA worker typed to put a service on the known-to register by
/// hand: a service already working with the young person that no referral
/// from Waymark brought in (the YOT found them first, a housing officer
/// rang). Dates are already read; the rules about them are checked here.
public struct InvolvementEntry: Sendable, Equatable {
    public var organisationID: Int64?
    /// The worker's name as the service gave it; they need no Waymark account.
    public var workerName: String?
    public var role: String?
    public var from: CalendarDate?

    public init(organisationID: Int64?, workerName: String?, role: String?, from: CalendarDate?) {
        self.organisationID = organisationID
        self.workerName = workerName
        self.role = role
        self.from = from
    }
}

/// The field a problem with an involvement is about, for the form to mark.
public enum InvolvementField: String, Sendable, Equatable {
    case organisation, worker, role, from, to, involvement
}

/// A problem with what was typed, naming the field and the rule it broke.
public struct InvolvementProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: InvolvementField
    public let description: String

    init(_ field: InvolvementField, _ message: String) {
        self.field = field
        description = message
    }
}

/// Every problem with an involvement to record, in the form's order.
public struct InvolvementProblems: Error, Sendable, Equatable {
    public let problems: [InvolvementProblem]
}

extension KnownToDesk {
    public static let maximumNameCharacters = 100

    /// Adds an involvement (open, no end date) to the register; audited, with
    /// the user as its source. Throws ``InvolvementProblems`` for bad input.
    @discardableResult
    public func recordInvolvement(_ entry: InvolvementEntry, of person: Int64, for grant: AccessGrant, at now: Date) async throws -> Int64 {
        try await requireMayRecord(person, grant)
        let today = CalendarDate.today(from: now)
        // Every field is checked before refusing, so the form shows all its problems at once.
        var problems: [InvolvementProblem] = []
        var service: StoredOrganisation?
        if let id = entry.organisationID, let found = try await OrganisationQueries(store: store).organisation(id: id), found.kind.isPartner {
            service = found
        } else {
            problems.append(InvolvementProblem(.organisation, "Choose the service: one of the partner services listed"))
        }
        var worker: String?
        do { worker = try Self.text(entry.workerName, .worker, label: "the worker's name", required: false) } catch { problems.append(error) }
        var role: String?
        do { role = try Self.text(entry.role, .role, label: "the worker's role", required: true) } catch { problems.append(error) }
        if let from = entry.from {
            if from > today { problems.append(InvolvementProblem(.from, "The date the involvement started must be today or in the past")) }
        } else {
            problems.append(InvolvementProblem(.from, "Enter the date the involvement started"))
        }
        guard problems.isEmpty, let service, let role, let from = entry.from else { throw InvolvementProblems(problems: problems) }
        let involvement = NewInvolvement(personID: person, organisationID: service.id, workerUserID: nil, workerName: worker, workerRole: role, from: from)
        return try await store.change(by: grant.actor, at: now) { tx in try await tx.openInvolvement(involvement) }
    }

    /// Ends an open involvement recorded by hand on `day`. One a referral
    /// opened ends with the referral, so the two never disagree.
    public func endInvolvement(_ id: Int64?, of person: Int64, on day: CalendarDate?, for grant: AccessGrant, at now: Date) async throws {
        try await requireMayRecord(person, grant)
        guard let id, let involvement = try await KnownToQueries(store: store).involvements(of: person).first(where: { $0.id == id }) else {
            throw InvolvementProblem(.involvement, "Choose the involvement to end: one of those listed")
        }
        if KnownToLine.isBrokered(involvement.organisationKind, visible: grant.visibleClasses) {
            throw Refusal.forbidden("This involvement is with a service your role does not see. Ask the young person's adviser to end it.")
        }
        if let ended = involvement.to { throw Refusal.conflict("This involvement has already ended (on \(Self.spoken(ended))).") }
        if let referral = involvement.referralID {
            throw Refusal.conflict("This involvement came with referral \(referral): it ends when the referral is handed back, withdrawn or closed.")
        }
        guard let day else { throw InvolvementProblem(.to, "Enter the date the involvement ended") }
        guard day >= involvement.from else {
            throw InvolvementProblem(.to, "The date the involvement ended must be the same as or after the date it started (\(Self.spoken(involvement.from)))")
        }
        guard day <= CalendarDate.today(from: now) else { throw InvolvementProblem(.to, "The date the involvement ended must be today or in the past") }
        let ended = try await store.change(by: grant.actor, at: now) { tx in try await tx.endInvolvement(id, personID: person, on: day) }
        // Someone else ended it between the read and the write.
        guard ended else { throw Refusal.conflict("This involvement has already ended.") }
    }

    /// The LA's workers who may record involvements, on a young person in their scope.
    func requireMayRecord(_ person: Int64, _ grant: AccessGrant) async throws {
        try grant.require(.recordInvolvement)
        guard case .authority = grant.scope, try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil else {
            throw ReferralDesk.noSuchRecord
        }
    }

    static func text(_ typed: String?, _ field: InvolvementField, label: String, required: Bool) throws(InvolvementProblem) -> String? {
        let text = (typed ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { throw InvolvementProblem(field, "Enter \(label)") }
            return nil
        }
        guard text.count <= maximumNameCharacters else {
            throw InvolvementProblem(field, "\(label.prefix(1).uppercased() + label.dropFirst()) must be \(maximumNameCharacters) characters or fewer")
        }
        return text
    }

    /// "3 March 2026", for messages.
    static func spoken(_ date: CalendarDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
