import Foundation

/// Whether data comes into Waymark or goes out of it along a flow.
public enum FlowDirection: String, CaseIterable, Sendable, Codable {
    case inbound, outbound

    public var label: String { self == .inbound ? "In" : "Out" }
}

/// UK GDPR Article 6(1): the lawful basis for processing.
public enum LawfulBasis: String, CaseIterable, Sendable, Codable {
    case consent = "6(1)(a)"
    case contract = "6(1)(b)"
    case legalObligation = "6(1)(c)"
    case vitalInterests = "6(1)(d)"
    case publicTask = "6(1)(e)"
    case legitimateInterests = "6(1)(f)"

    public var label: String {
        switch self {
        case .consent: "Art 6(1)(a) consent"
        case .contract: "Art 6(1)(b) contract"
        case .legalObligation: "Art 6(1)(c) legal obligation"
        case .vitalInterests: "Art 6(1)(d) vital interests"
        case .publicTask: "Art 6(1)(e) public task"
        case .legitimateInterests: "Art 6(1)(f) legitimate interests"
        }
    }
}

/// One way information enters or leaves: the register entry every import,
/// export and share names. Special-category classes need an Article 9
/// condition and, for 9(2)(b), (g), (h), (i) or (j), the Data Protection Act
/// 2018 Schedule 1 condition that goes with it.
public struct DataFlow: Hashable, Sendable, Codable {
    /// Stable name used by code and the audit trail ("nccis-return").
    public var key: String
    public var name: String
    public var direction: FlowDirection
    /// Who is at the other end, in words ("Schools in the area").
    public var counterpart: String
    public var purpose: SharingPurpose
    public var article6: LawfulBasis
    /// e.g. "Art 9(2)(g) substantial public interest"; nil when the flow carries no special category.
    public var article9: String?
    /// e.g. "DPA 2018 Sch 1 para 6, statutory and government purposes".
    public var schedule1: String?
    public var statutoryGateway: String?
    public var agreementReference: String?
    public var reviewDue: CalendarDate?
    /// The classes of information the flow may carry at all.
    public var carries: Set<SensitivityClass>
    /// Of those, the classes that go only with the young person's permit.
    public var consentRequired: Set<SensitivityClass>

    public init(
        key: String, name: String, direction: FlowDirection, counterpart: String, purpose: SharingPurpose, article6: LawfulBasis,
        article9: String? = nil, schedule1: String? = nil, statutoryGateway: String? = nil, agreementReference: String? = nil,
        reviewDue: CalendarDate? = nil, carries: Set<SensitivityClass>, consentRequired: Set<SensitivityClass> = []
    ) {
        self.key = key
        self.name = name
        self.direction = direction
        self.counterpart = counterpart
        self.purpose = purpose
        self.article6 = article6
        self.article9 = article9
        self.schedule1 = schedule1
        self.statutoryGateway = statutoryGateway
        self.agreementReference = agreementReference
        self.reviewDue = reviewDue
        self.carries = carries
        self.consentRequired = consentRequired
    }

    /// No review date, or one before today.
    public func isReviewOverdue(on today: CalendarDate) -> Bool {
        reviewDue.map { $0 < today } ?? true
    }

    public var carriesSpecialCategory: Bool { carries.contains { $0.isSpecialCategory } }

    /// What the register entry lacks; empty when it may be saved.
    public var problems: [String] {
        var found: [String] = []
        if name.trimmed.isEmpty { found.append("Give the flow a name") }
        if counterpart.trimmed.isEmpty { found.append("Say who is at the other end of the flow") }
        if carriesSpecialCategory && (article9 ?? "").trimmed.isEmpty {
            found.append("This flow carries special-category information: give its UK GDPR Article 9 condition")
        }
        if carriesSpecialCategory && (schedule1 ?? "").trimmed.isEmpty {
            found.append("Give the Data Protection Act 2018 Schedule 1 condition that goes with the Article 9 condition")
        }
        if !consentRequired.isSubset(of: carries) { found.append("Consent can only be required for classes the flow carries") }
        if article6 == .consent && consentRequired != carries {
            found.append("A flow whose basis is consent needs the young person's permit for every class it carries")
        }
        return found
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
