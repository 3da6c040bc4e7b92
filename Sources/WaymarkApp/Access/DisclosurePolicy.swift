public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// Need to know, field by field: the one table that decides which
/// sensitivity classes a role sees when working for a purpose. Everything
/// not in the table is withheld and shown as "restricted". The reasoning for
/// each row is in docs/POLICIES.md; change both together.
public enum DisclosurePolicy {
    static let everything = Set(SensitivityClass.allCases)

    static let table: [Role: [Purpose: Set<SensitivityClass>]] = [
        // The adviser working with the young person needs the whole picture.
        .personalAdviser: [.casework: everything],
        // Finding people needs how to reach them and what they did; SEND sets the
        // age limit of the cohort and care status the priority of the search.
        .trackingOfficer: [.tracking: [.identity, .currentActivity, .contact, .educationAndActivity, .sendAndHealth, .careStatus]],
        // The return carries every characteristic code, so data managers correct
        // them all; they do not need advisers' notes or exploitation assessments.
        .dataManager: [.dataQuality: everything.subtracting([.notes, .exploitation])],
        // Supervision reads the casework and the need, not how to reach the person
        // nor the special categories behind the need.
        .manager: [.oversight: [.identity, .currentActivity, .educationAndActivity, .sendAndHealth, .careStatus, .notes]],
        // A school or college sees who its pupils are and what they are doing now;
        // anything more is for consent and the data-flow register to open.
        .careersLeader: [.schoolSupport: [.identity, .currentActivity]],
        // A partner service sees who the young person is and what they are doing
        // now; the rest only through what a referral's package shares, which
        // consent and the referrals flow decide (ReferralPackage).
        .partnerWorker: [.partnerWork: [.identity, .currentActivity]],
        .administrator: [.administration: []],
    ]

    /// The classes `role` may see when working for `purpose`.
    public static func visible(to role: Role, for purpose: Purpose) -> Set<SensitivityClass> {
        table[role]?[purpose] ?? []
    }

    /// Whether a role may break the glass on a record it can open: LA staff
    /// who work with young people may; schools and administrators may not.
    public static func mayBreakGlass(_ role: Role) -> Bool {
        switch role {
        case .personalAdviser, .trackingOfficer, .dataManager, .manager: true
        case .careersLeader, .administrator, .partnerWorker: false
        }
    }
}
