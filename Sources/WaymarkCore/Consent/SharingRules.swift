public import Foundation

/// Why a share may go.
public enum ShareGround: Hashable, Sendable {
    /// The flow's lawful basis covers it and no provision stops it.
    case flowBasis
    /// The young person (or parent) permitted it.
    case consent(ConsentProvision)
    /// A refusal was set aside.
    case override(ShareOverride)
}

/// Why a share may not go, in words for the person who asked.
public enum ShareRefusal: Hashable, Sendable, CustomStringConvertible {
    /// No register entry: no recorded legal basis for this share at all.
    case noFlow
    /// The flow exists but does not carry this class of information.
    case notCarried(flow: String)
    case denied(ConsentProvision)
    /// The flow carries this class only with a permit, and there is none.
    case noConsent(flow: String)

    public var description: String {
        switch self {
        case .noFlow: "No data flow in the register covers this share, so it has no recorded legal basis."
        case .notCarried(let flow): "The \(flow) flow does not carry this kind of information."
        case .denied(let provision):
            provision.origin == .section72Objection
                ? "The young person has objected to this being shared (Education and Skills Act 2008 s72)."
                : "\(provision.givenBy == .parent ? "A parent or carer has" : "The young person has") asked that this is not shared."
        case .noConsent(let flow): "The \(flow) flow shares this only with the young person's consent, and none is recorded."
        }
    }

    /// Only refusals that rest on consent can be set aside; nobody can give a flow a legal basis it lacks.
    public var mayBeOverridden: Bool {
        switch self {
        case .noFlow, .notCarried: false
        case .denied, .noConsent: true
        }
    }
}

public enum ShareDecision: Hashable, Sendable {
    case allowed(ShareGround)
    case refused(ShareRefusal)

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}

/// Whether one class of information may go along a flow to a recipient:
/// the flow must carry it, a deny stops it, a class the flow shares only
/// with consent needs a permit, and an override in force sets aside a
/// refusal that rests on consent.
public enum SharingRules {
    public static func decide(
        _ share: ProposedShare, flow: DataFlow?, provisions: [ConsentProvision], overrides: [ShareOverride], on today: CalendarDate, at now: Date
    ) -> ShareDecision {
        guard let flow else { return .refused(.noFlow) }
        guard flow.carries.contains(share.dataClass) else { return .refused(.notCarried(flow: flow.name)) }
        let refusal: ShareRefusal
        switch ConsentRules.evaluate(provisions, for: share, on: today, at: now) {
        case .denied(let provision): refusal = .denied(provision)
        case .permitted(let provision): return .allowed(.consent(provision))
        case .silent:
            guard flow.consentRequired.contains(share.dataClass) else { return .allowed(.flowBasis) }
            refusal = .noConsent(flow: flow.name)
        }
        if let override = overrides.first(where: { $0.covers(share, flow: flow.key, at: now) }) { return .allowed(.override(override)) }
        return .refused(refusal)
    }
}
