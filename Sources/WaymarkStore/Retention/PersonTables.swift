public import WaymarkCore

/// Every table that holds a young person's data by `person_id`, with the
/// class of information it carries: the one list subject access reads and
/// retention erases, so a table added here is in both.
public enum PersonTables {
    public struct Table: Sendable, Equatable {
        public let name: String
        /// The class its rows carry; nil for rows about how the record was handled
        /// (consent, overrides, break-the-glass), which go with identity.
        public let dataClass: SensitivityClass?
    }

    /// In deletion order: a row is listed before anything it references.
    public static let all: [Table] = [
        Table(name: "person_alias", dataClass: .identity),
        // Old names and dates of birth are identity; they go with it.
        Table(name: "identity_correction", dataClass: .identity),
        // Some relationships also tell care status or offending; the table as a whole is how people are reached.
        Table(name: "person_contact", dataClass: .contact),
        Table(name: "self_service_answer", dataClass: .contact),
        Table(name: "campaign_member", dataClass: .contact),
        Table(name: "outbox_message", dataClass: .contact),
        Table(name: "address", dataClass: .contact),
        Table(name: "contact_detail", dataClass: .contact),
        Table(name: "contact_preference", dataClass: .contact),
        Table(name: "person_flag", dataClass: .contact),
        Table(name: "activity", dataClass: .educationAndActivity),
        Table(name: "enrolment", dataClass: .educationAndActivity),
        Table(name: "intended_destination", dataClass: .educationAndActivity),
        Table(name: "september_guarantee", dataClass: .educationAndActivity),
        Table(name: "need_assessment", dataClass: .sendAndHealth),
        // What schools reported (attendance, exclusions, attainment, meals, language, moves; SEN provision rows too).
        Table(name: "school_fact", dataClass: .educationAndActivity),
        // A school's reason for putting a pupil on its risk list or taking them off: words staff wrote.
        Table(name: "risk_list_change", dataClass: .notes),
        // A derived score whose reasons may tell any class: it goes with identity.
        Table(name: "risk_score", dataClass: nil),
        // Each row's class is its code's (CharacteristicCode.sensitivityClass).
        Table(name: "characteristic", dataClass: nil),
        // Action plans and assessments are casework: steps before their goals and the follow-ups
        // they link to, goals before the assessments whose needs they answer, ratings before their assessment.
        Table(name: "plan_step", dataClass: .notes),
        Table(name: "plan_goal", dataClass: .notes),
        Table(name: "action_plan", dataClass: .notes),
        Table(name: "assessment_rating", dataClass: .notes),
        Table(name: "assessment", dataClass: .notes),
        Table(name: "contact", dataClass: .notes),
        Table(name: "note", dataClass: .notes),
        Table(name: "follow_up", dataClass: .notes),
        Table(name: "appointment", dataClass: .notes),
        // Referrals: the steps and shares before the referral; the involvements that name one before it too.
        // Who is involved with a young person can tell a special category (a youth justice worker): they go with identity.
        Table(name: "involvement", dataClass: nil),
        Table(name: "lead_professional", dataClass: nil),
        Table(name: "referral_step", dataClass: .notes),
        Table(name: "referral_share", dataClass: nil),
        Table(name: "consent_provision", dataClass: nil),
        Table(name: "share_override", dataClass: nil),
        Table(name: "notification", dataClass: nil),
        Table(name: "referral", dataClass: nil),
        Table(name: "break_glass_access", dataClass: nil),
        // The identifier the young person had in the LA they came from: identity.
        Table(name: "person_previous_identifier", dataClass: .identity),
        // Transfers out and in, and requests opened by a "known elsewhere?" match: how the record moved, with identity.
        Table(name: "transfer_out", dataClass: nil),
        Table(name: "transfer_in", dataClass: nil),
        Table(name: "transfer_request", dataClass: nil),
    ]

    /// The tables whose rows stay on a record anonymised keeping `classes`
    /// (characteristics are kept or not row by row, by code).
    static func kept(by classes: Set<SensitivityClass>) -> Set<String> {
        Set(all.filter { table in table.dataClass.map(classes.contains) ?? false }.map(\.name))
    }

    /// The characteristic codes whose class is among `classes`.
    static func characteristicCodes(in classes: Set<SensitivityClass>) -> [Int] {
        CharacteristicCode.allCases.filter { classes.contains($0.sensitivityClass) }.map(\.rawValue)
    }
}
