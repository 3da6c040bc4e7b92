public import Foundation
public import WaymarkCore
public import WaymarkStore

/// Everything held about one young person, as the pack's JSON sets it out:
/// the record, each kind of fact with every row (history and withdrawn
/// choices included) and its provenance, and the audit trail of who has
/// looked at or changed the record.
public struct SubjectAccessPack: Sendable, Encodable {
    public struct Row: Sendable, Encodable {
        /// Every stored column, as stored.
        public let values: [String: StoredValue]
        /// Ids and codes in words: who recorded it, which organisation, what a code means.
        public let meanings: [String: String]
    }

    public struct Section: Sendable, Encodable {
        /// The table the rows come from.
        public let key: String
        public let title: String
        public let explanation: String
        /// The class of information (nil: how the record was handled).
        public let dataClass: SensitivityClass?
        public let rows: [Row]
    }

    public struct Event: Sendable, Encodable {
        public let id: Int64
        public let occurredAt: Date
        public let who: String
        public let role: String?
        public let action: String
        public let entity: String
        public let entityID: Int64?
        public let detail: String?
    }

    public let personID: Int64
    public let name: String
    public let localAuthority: String
    public let producedAt: Date
    public let producedBy: String
    public let record: Row
    public let sections: [Section]
    /// The whole audit trail about the person, oldest first.
    public let history: [Event]

    /// Views of the record, oldest first: "who has looked at it".
    public var views: [Event] { history.filter { $0.action == AuditAction.view.rawValue } }

    public var rowCount: Int { sections.reduce(0) { $0 + $1.rows.count } }
}

extension SubjectAccessPack {
    /// What each table is called in the pack, in the order the pack shows them:
    /// every table of `PersonTables` (a test holds the two lists together).
    static let sectionTitles: [(key: String, title: String, explanation: String)] = [
        ("person_alias", "Other names", "Former and other names the record is found by."),
        ("identity_correction", "Corrections to name or date of birth", "Each correction with the old and new value, the reason and who made it."),
        ("address", "Addresses", "Every address held, with the dates it applied; old ones are kept as history."),
        ("contact_detail", "Phone numbers and e-mail addresses", "With the dates they applied."),
        ("person_contact", "Family and professionals", "Parents, carers and workers from other services, with how to reach them."),
        ("contact_preference", "Contact preferences", "Ways of contact the young person asked not to be used."),
        ("person_flag", "Flags on the record", "Such as do not contact, with their dates."),
        ("activity", "Activities", "What the young person was doing (education, employment, training or otherwise), each with where the information came from."),
        ("enrolment", "Schools, colleges and providers", "Time on a school's roll, at a college or with a training provider."),
        ("intended_destination", "Intended destinations", "Plans after Year 11."),
        ("september_guarantee", "September Guarantee", "Offers of a place."),
        ("need_assessment", "Needs", "Level of need, SEND and SEN support, from a date."),
        ("school_fact", "What schools reported", "Attendance, suspensions and exclusions, attainment, free school meals, SEN provision, first language and moves of school, each with its date and source."),
        ("risk_score", "Risk of NEET score", "The latest score, its band and every reason for it (see the local authority's transparency record for how it is worked out)."),
        ("risk_list_change", "Changes to a school's risk list", "A school putting the young person on its list or taking them off, with the reason."),
        ("characteristic", "Characteristics", "Such as care status or being a young carer, with their dates."),
        ("assessment", "Assessments and reviews", "Each assessment of needs or readiness, by an adviser or in the young person’s own words, with its date and whether it was completed."),
        ("assessment_rating", "Assessment ratings", "The rating given to each area in each assessment or review."),
        ("action_plan", "Action plan", "When the plan was agreed and when it is reviewed."),
        ("plan_goal", "Action plan goals", "Each goal, the need it answers and the adviser's note about it."),
        ("plan_step", "Action plan steps", "Each step towards a goal: who does it, by when, where it has got to and any follow-up made from it."),
        ("contact", "Contacts", "Calls, texts, e-mails and meetings, with what advisers wrote about them."),
        ("note", "Notes", "Notes advisers wrote on the record."),
        ("follow_up", "Follow-ups", "Things an adviser planned to do."),
        ("appointment", "Appointments", "Meetings booked, kept or missed."),
        ("campaign_member", "Campaigns", "Rounds of contact that included (or skipped) the young person."),
        ("outbox_message", "Messages sent", "Texts and e-mails sent, with their text."),
        ("self_service_answer", "Answers given online", "What the young person told us on their own page."),
        ("consent_provision", "Consent choices", "Every choice about sharing, including those withdrawn."),
        ("share_override", "Shares made despite a refusal", "Each with who decided, the reason and how long it lasted."),
        ("break_glass_access", "Emergency access", "Staff who opened restricted information, with their reason."),
        ("person_previous_identifier", "Identifiers in other local authorities", "The record's number in an authority the young person lived in before."),
        ("transfer_out", "Transfers to another local authority", "Each time the record was sent to the authority the young person moved to, and what was left out."),
        ("transfer_in", "Transfers from another local authority", "Each record received from the authority the young person moved from, and whether it was accepted."),
        ("transfer_request", "Requests to another local authority", "Requests for the record of a young person another authority knows."),
        ("notification", "Notices to staff", "Messages staff were sent about the record, such as a notice of emergency access."),
        ("referral", "Referrals", "Each referral to another service: who referred, to whom, why, and where it stands."),
        ("referral_step", "Referral steps", "Every step each referral took, who took it and what they wrote."),
        ("referral_share", "What each referral shared", "The kinds of information each referral carried or held back, and why."),
        ("involvement", "Services involved", "Which services and workers have worked with the young person, and when."),
        ("lead_professional", "Lead professional", "Who was the lead professional, when, and how it was agreed."),
        ("participation_position", "Current classification", "What the record says the young person is doing now, as the service computes it."),
    ]
}
