public import Foundation
import Logging
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// What a link leads to. Every refusal looks the same to the visitor, so a
/// link reveals nothing about whether a record exists.
public enum SelfServiceVisit: Sendable, Equatable {
    case open(SelfServiceToken)
    case alreadyAnswered
    case refused(SelfServiceRefusal)
}

public enum SelfServiceRefusal: String, Sendable, Equatable {
    case malformed, badSignature, expired, unknownAttempt
}

/// What happened when an officer pressed verify.
public enum VerificationResult: Sendable, Equatable {
    case verified(personID: Int64)
    /// The declared activity breaks an entry or person rule: the officer completes it on the activity form.
    case needsCompleting(personID: Int64, problems: [String])
    case alreadySettled
}

/// The young person's side (open a link, answer) and the officer's side
/// (verify or reject) of the self-service page.
public struct SelfServiceDesk: Sendable {
    let store: Store
    let links: SelfServiceLinks
    let registry: LocalAuthorityRegistry

    public init(store: Store, links: SelfServiceLinks, registry: LocalAuthorityRegistry) {
        self.store = store
        self.links = links
        self.registry = registry
    }

    public func visit(_ text: String, now: Date) async throws -> SelfServiceVisit {
        let visit = try await opened(text, now: now)
        guard case .open(let token) = visit else { return visit }
        if try await SelfServiceAnswerQueries(store: store).isAnswered(member: token.campaignMemberID) { return .alreadyAnswered }
        return visit
    }

    /// The link checked for signature, expiry and its campaign member, answered or not:
    /// the young person's own page stays open after they have answered.
    func opened(_ text: String, now: Date) async throws -> SelfServiceVisit {
        let signer = try await links.signer(now: now)
        let token: SelfServiceToken
        do throws(SelfServiceTokenError) {
            token = try signer.verify(text, now: now)
        } catch {
            switch error {
            case .malformed: return .refused(.malformed)
            case .badSignature: return .refused(.badSignature)
            case .expired: return .refused(.expired)
            }
        }
        guard let member = try await CampaignQueries(store: store).member(token.campaignMemberID), member.personID == token.personID else {
            return .refused(.unknownAttempt)
        }
        return .open(token)
    }

    /// Stores the answer, awaiting verification, with an inbound contact on
    /// the record. The contact says what happened, not the answer's state,
    /// which changes (it said "awaiting verification" long after it was verified).
    /// False when the link was answered meanwhile (two taps), so nothing is stored twice.
    public func answer(_ answer: NewSelfServiceAnswer, token: SelfServiceToken, now: Date) async throws -> Bool {
        try await store.change(by: .system("self-declared"), at: now) { tx in
            guard try await tx.recordSelfServiceAnswer(answer, for: token.personID) != nil else { return false }
            try await tx.recordContact(
                NewContact(occurredAt: now, method: .online, direction: .inbound, outcome: "answered on the self-service page"),
                for: token.personID)
            return true
        }
    }

    /// One click: the declared activity becomes the verified current activity,
    /// with the new phone, e-mail and preferred channel. Checked against every
    /// entry and person rule first.
    public func verify(_ answerID: Int64, by userID: Int64, scope: RecordScope, now: Date) async throws -> VerificationResult? {
        guard let answer = try await SelfServiceAnswerQueries(store: store).answer(answerID, in: scope) else { return nil }
        guard answer.status == .awaiting else { return .alreadySettled }
        let today = CalendarDate.today(from: now)
        let answeredOn = Timestamp.parse(answer.answeredAt).map(CalendarDate.today(from:)) ?? today
        guard let choice = answer.choice else { return .needsCompleting(personID: answer.personID, problems: ["The answer's choice cannot be read"]) }
        let person = try await PersonBundleReader(store: store, registry: registry).person(answer.personID, responsibleLA: scope.laCode)
        let latestStart = person?.activities.map(\.startDate).filter { $0 <= today }.max()
        let activity = choice.activity(since: answer.since, answeredOn: answeredOn, verifiedOn: today, place: answer.place, latestRecordedStart: latestStart)
        var violations = ActivityEntryRules.check(activity)
        if let context = person?.ruleContext(on: today) {
            violations += PersonActivityRules.check(activity, for: context, on: today)
        }
        guard violations.isEmpty else { return .needsCompleting(personID: answer.personID, problems: violations.map(\.description)) }
        let settled = try await store.change(by: .user(userID), at: now) { tx in
            guard try await tx.settleSelfServiceAnswer(answer.id, as: .verified, by: userID, personID: answer.personID) else { return false }
            try await tx.recordActivity(activity, for: answer.personID)
            if let phone = answer.phone {
                try await tx.addContactDetail(ContactDetailRecord(kind: .mobile, value: phone, validFrom: today), for: answer.personID)
            }
            if let email = answer.email {
                try await tx.addContactDetail(ContactDetailRecord(kind: .email, value: email, validFrom: today), for: answer.personID)
            }
            if let channel = answer.preferredChannel {
                try await tx.setOptOut(false, channel: channel, for: answer.personID, from: today)
            }
            return true
        }
        return settled ? .verified(personID: answer.personID) : .alreadySettled
    }

    public func reject(_ answerID: Int64, by userID: Int64, scope: RecordScope, now: Date) async throws -> Bool {
        guard let answer = try await SelfServiceAnswerQueries(store: store).answer(answerID, in: scope) else { return false }
        return try await store.change(by: .user(userID), at: now) { tx in
            try await tx.settleSelfServiceAnswer(answer.id, as: .rejected, by: userID, personID: answer.personID)
        }
    }
}
