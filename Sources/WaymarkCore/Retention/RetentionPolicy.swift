/// How long each class of information about a young person is kept, and
/// whether it is then erased or kept without identity for statistics
/// (docs/POLICIES.md, "Retention and erasure").
///
/// A record is kept as a whole until the latest birthday of the classes it
/// holds: a young person with SEND recorded is kept until the SEND rule's
/// birthday, everyone else until the identity rule's. On that day identity
/// and every class whose rule says `erase` go; classes whose rule says
/// `anonymise` stay, on a record without a name, numbers, contact details or
/// exact date of birth. A record holding nothing to anonymise is deleted.
public struct RetentionPolicy: Sendable, Equatable, Codable {
    public let rules: [SensitivityClass: RetentionRule]

    /// Until the 25th birthday, the end of the duty to support young people
    /// with an EHC plan (Children and Families Act 2014 s46); SEND until the
    /// 31st: the 25th birthday plus the six-year limitation period (Limitation
    /// Act 1980), as the IRMS retention guidance keeps SEN files. The history
    /// of activity, SEND and care status stays without identity for the figures.
    public static let standard = RetentionPolicy(unchecked: [
        .identity: RetentionRule(keepUntilAge: 25, end: .erase),
        .currentActivity: RetentionRule(keepUntilAge: 25, end: .anonymise),
        .contact: RetentionRule(keepUntilAge: 25, end: .erase),
        .educationAndActivity: RetentionRule(keepUntilAge: 25, end: .anonymise),
        .sendAndHealth: RetentionRule(keepUntilAge: 31, end: .anonymise),
        .mentalHealth: RetentionRule(keepUntilAge: 25, end: .erase),
        .offending: RetentionRule(keepUntilAge: 25, end: .erase),
        .careStatus: RetentionRule(keepUntilAge: 25, end: .anonymise),
        .sexualHealthAndPregnancy: RetentionRule(keepUntilAge: 25, end: .erase),
        .substanceMisuse: RetentionRule(keepUntilAge: 25, end: .erase),
        .exploitation: RetentionRule(keepUntilAge: 25, end: .erase),
        .notes: RetentionRule(keepUntilAge: 25, end: .erase),
    ])

    /// The youngest and oldest birthdays a rule may name: not before the
    /// NCCIS cohort has left, and not beyond any guidance an LA follows.
    public static let allowedAges = 19...100
    /// The earliest birthday SEND information may go: the SEND cohort is tracked until then.
    public static let sendInCohortUntil = 26

    public init(rules: [SensitivityClass: RetentionRule]) throws(RetentionPolicyError) {
        for dataClass in SensitivityClass.allCases {
            guard let rule = rules[dataClass] else { throw .missing(dataClass) }
            guard Self.allowedAges.contains(rule.keepUntilAge) else { throw .ageOutOfRange(dataClass, rule.keepUntilAge) }
        }
        // A class given a birthday before identity's is kept until identity's all
        // the same: a record is kept whole, never taken apart while it has a name.
        guard rules[.identity]?.end == .erase else { throw .identityKept }
        // Young people with SEND are tracked to academic age 24, which can last
        // until just before the 26th birthday (CohortPolicy).
        if let send = rules[.sendAndHealth]?.keepUntilAge, send < Self.sendInCohortUntil { throw .sendStillTracked(send) }
        self.rules = rules
    }

    private init(unchecked rules: [SensitivityClass: RetentionRule]) {
        self.rules = rules
    }

    public func rule(for dataClass: SensitivityClass) -> RetentionRule {
        rules[dataClass] ?? RetentionRule(keepUntilAge: Self.allowedAges.upperBound, end: .erase)
    }

    /// The birthday on which a record holding `classes` is due (identity is always held).
    public func dueAge(holding classes: Set<SensitivityClass>) -> Int {
        classes.union([.identity]).map { rule(for: $0).keepUntilAge }.max() ?? rule(for: .identity).keepUntilAge
    }

    /// The day a record is due: the birthday of ``dueAge(holding:)``. Someone
    /// born on 29 February has their birthday on 1 March in other years, as
    /// the law of England counts ages.
    public func dueDate(dateOfBirth: CalendarDate, holding classes: Set<SensitivityClass>) -> CalendarDate {
        Self.birthday(dateOfBirth, age: dueAge(holding: classes))
    }

    /// The earliest date of birth that cannot yet be due on `day`: anyone born
    /// on or after it is younger than every rule.
    public func youngestDue(on day: CalendarDate) -> CalendarDate {
        day.adding(years: -rule(for: .identity).keepUntilAge)
    }

    /// Which of `classes` stay without identity once the record is due; empty: the whole record is erased.
    public func anonymised(holding classes: Set<SensitivityClass>) -> Set<SensitivityClass> {
        classes.filter { rule(for: $0).end == .anonymise }
    }

    /// The day a person of `dateOfBirth` reaches `age`.
    public static func birthday(_ dateOfBirth: CalendarDate, age: Int) -> CalendarDate {
        let day = dateOfBirth.adding(years: age)
        return dateOfBirth.month == 2 && dateOfBirth.day == 29 && day.day == 28 ? day.adding(days: 1) : day
    }

    /// The date of birth an anonymised record keeps: 1 September of the
    /// academic year of birth, so the academic age (and with it the year
    /// group and the cohort the figures count) is exactly as it was.
    public static func anonymisedDateOfBirth(_ dateOfBirth: CalendarDate) -> CalendarDate {
        CalendarDate(unchecked: dateOfBirth.month >= 9 ? dateOfBirth.year : dateOfBirth.year - 1, 9, 1)
    }

    /// The policy in one line, for the audit and the report: "identity=25:erase,…", every class in order.
    public var summary: String {
        SensitivityClass.allCases.map { "\($0.rawValue)=\(rule(for: $0).keepUntilAge):\(rule(for: $0).end.rawValue)" }.joined(separator: ",")
    }
}

public enum RetentionPolicyError: Error, Equatable, CustomStringConvertible {
    case missing(SensitivityClass)
    case ageOutOfRange(SensitivityClass, Int)
    case identityKept
    case sendStillTracked(Int)
    case unreadable(String)
    case unknownClass(String)

    public var description: String {
        switch self {
        case .missing(let dataClass): "the retention policy has no rule for \(dataClass.rawValue)"
        case .ageOutOfRange(let dataClass, let age):
            "\(dataClass.rawValue) must be kept until a birthday from \(RetentionPolicy.allowedAges.lowerBound) to \(RetentionPolicy.allowedAges.upperBound), not \(age)"
        case .identityKept: "identity cannot be anonymised: it is what anonymising removes; its rule must say erase"
        case .sendStillTracked(let age):
            "sendAndHealth must be kept until the \(RetentionPolicy.sendInCohortUntil)th birthday at least, not \(age): young people with SEND are tracked to academic age 24"
        case .unreadable(let part):
            "'\(part.prefix(40))' is not a retention rule: write class=age or class=age:erase or class=age:anonymise, separated by commas"
        case .unknownClass(let name):
            "'\(name.prefix(40))' is not a class of information; the classes are \(SensitivityClass.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
