/// The register a new installation (and the demo) starts with: every way
/// data enters or leaves Waymark today, with the legal basis a local
/// authority in England would usually rely on. They are defaults for the
/// data protection officer to confirm: agreement references are blank and
/// every review is due at once, so the register page flags them all until
/// someone has looked (docs/POLICIES.md, "Data flows").
public enum DataFlowDefaults {
    /// Keys the code names when it records which flow an import or export used.
    public enum Key {
        public static let schoolFiles = "school-files"
        public static let collegeFiles = "college-files"
        public static let providerFiles = "provider-files"
        public static let dwpLists = "dwp-lists"
        public static let nccisReturn = "nccis-return"
        public static let schoolPortal = "school-portal"
        public static let referrals = "referrals"
        public static let laTransfer = "la-transfer"
        public static let textGateway = "text-gateway"
        public static let emailGateway = "email-gateway"
    }

    static let basic: Set<SensitivityClass> = [.identity, .contact]
    static let education: Set<SensitivityClass> = [.identity, .contact, .currentActivity, .educationAndActivity]
    static let specialArticle9 = "Art 9(2)(g) substantial public interest"
    static let statutoryPurposes = "DPA 2018 Sch 1 para 6, statutory and government purposes"
    static let participationDuty = "Education and Skills Act 2008 ss68 and 72; Education Act 1996 s507B"

    public static let register: [DataFlow] = [
        DataFlow(
            key: Key.schoolFiles, name: "School files (Year 11 lists, intended destinations, CTF)", direction: .inbound,
            counterpart: "Secondary and special schools", purpose: .participationTracking, article6: .publicTask,
            article9: specialArticle9, schedule1: statutoryPurposes, statutoryGateway: participationDuty,
            carries: education.union([.sendAndHealth, .careStatus])),
        DataFlow(
            key: Key.collegeFiles, name: "College enrolments and leavers", direction: .inbound, counterpart: "Sixth-form and further education colleges",
            purpose: .participationTracking, article6: .publicTask, article9: specialArticle9, schedule1: statutoryPurposes,
            statutoryGateway: participationDuty, carries: education.union([.sendAndHealth])),
        DataFlow(
            key: Key.providerFiles, name: "Training provider starters and leavers", direction: .inbound, counterpart: "Training providers",
            purpose: .participationTracking, article6: .publicTask, statutoryGateway: "Education and Skills Act 2008 s68; the provider's funding agreement",
            carries: education),
        DataFlow(
            key: Key.dwpLists, name: "DWP new claimants", direction: .inbound, counterpart: "Department for Work and Pensions",
            purpose: .participationTracking, article6: .publicTask,
            statutoryGateway: "Education and Skills Act 2008 s68; information supplied under the DWP data-sharing agreement", carries: education),
        DataFlow(
            key: Key.nccisReturn, name: "NCCIS monthly return", direction: .outbound, counterpart: "Department for Education",
            purpose: .statutoryReturn, article6: .legalObligation, article9: specialArticle9, schedule1: statutoryPurposes,
            statutoryGateway: "Education and Skills Act 2008 s68; DfE NCCIS management information requirement",
            carries: education.union([.sendAndHealth, .mentalHealth, .offending, .careStatus, .sexualHealthAndPregnancy, .substanceMisuse])),
        DataFlow(
            key: Key.schoolPortal, name: "School and college portal", direction: .outbound, counterpart: "Schools and colleges the young person attended",
            purpose: .schoolSupport, article6: .publicTask,
            statutoryGateway: "Education and Skills Act 2008 s68; Education Act 1997 s42A (careers guidance)",
            carries: [.identity, .currentActivity, .educationAndActivity], consentRequired: [.educationAndActivity]),
        DataFlow(
            key: Key.referrals, name: "Referrals to support services", direction: .outbound, counterpart: "Services the young person is referred to",
            purpose: .referral, article6: .consent, article9: "Art 9(2)(a) explicit consent", schedule1: "None needed under 9(2)(a)",
            carries: education.union([.sendAndHealth, .mentalHealth, .careStatus]),
            consentRequired: education.union([.sendAndHealth, .mentalHealth, .careStatus])),
        DataFlow(
            key: Key.laTransfer, name: "Transfer to another local authority", direction: .outbound, counterpart: "The local authority the young person moved to",
            purpose: .transfer, article6: .publicTask, article9: specialArticle9, schedule1: statutoryPurposes,
            statutoryGateway: "Education and Skills Act 2008 s68", carries: education.union([.sendAndHealth, .careStatus])),
        DataFlow(
            key: Key.textGateway, name: "Text message gateway", direction: .outbound, counterpart: "The SMS provider (a processor under contract)",
            purpose: .messaging, article6: .publicTask, statutoryGateway: "UK GDPR Art 28 processor contract", carries: basic),
        DataFlow(
            key: Key.emailGateway, name: "E-mail relay", direction: .outbound, counterpart: "The mail relay (a processor under contract)",
            purpose: .messaging, article6: .publicTask, statutoryGateway: "UK GDPR Art 28 processor contract", carries: basic),
    ]
}
