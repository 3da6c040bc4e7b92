/// What the retention policy does with one record on a day.
public enum RetentionOutcome: Sendable, Equatable {
    /// Not due yet; `extendedBy` is the class that keeps it past the identity rule's birthday, if one does.
    case keep(until: CalendarDate, extendedBy: SensitivityClass?)
    /// Due: every class it holds is erased with the record.
    case erase(classes: Set<SensitivityClass>, dueAge: Int)
    /// Due: identity and `erased` go; `kept` stays without identity.
    case anonymise(kept: Set<SensitivityClass>, erased: Set<SensitivityClass>, dueAge: Int)
}

extension RetentionPolicy {
    /// The outcome for a record of `dateOfBirth` holding `classes`, on `day`.
    public func outcome(dateOfBirth: CalendarDate, holding classes: Set<SensitivityClass>, on day: CalendarDate) -> RetentionOutcome {
        let held = classes.union([.identity])
        let age = dueAge(holding: held)
        let due = Self.birthday(dateOfBirth, age: age)
        guard due <= day else {
            let identityAge = rule(for: .identity).keepUntilAge
            let extended = age > identityAge ? held.filter { rule(for: $0).keepUntilAge == age }.sorted().first : nil
            return .keep(until: due, extendedBy: extended)
        }
        let kept = anonymised(holding: held)
        return kept.isEmpty ? .erase(classes: held, dueAge: age) : .anonymise(kept: kept, erased: held.subtracting(kept), dueAge: age)
    }
}

/// A retention run's (or dry run's) account, in counts only: how many
/// records were looked at, erased, anonymised and kept longer, and for each
/// class how many records lost or kept it without identity.
public struct RetentionReport: Sendable, Equatable, Codable {
    public struct ClassCount: Sendable, Equatable, Codable {
        public let dataClass: SensitivityClass
        /// Records whose information of this class is erased.
        public var erased: Int
        /// Records whose information of this class stays without identity.
        public var anonymised: Int
        /// Records past the identity rule's birthday kept because they hold this class.
        public var keptLonger: Int
    }

    public let day: CalendarDate
    public let policy: String
    public let dryRun: Bool
    /// Records old enough for any rule to apply.
    public var examined = 0
    public var erased = 0
    public var anonymised = 0
    public var keptLonger = 0
    public var classes: [ClassCount]
    public var seconds: Double = 0

    public init(day: CalendarDate, policy: RetentionPolicy, dryRun: Bool) {
        self.day = day
        self.policy = policy.summary
        self.dryRun = dryRun
        classes = SensitivityClass.allCases.map { ClassCount(dataClass: $0, erased: 0, anonymised: 0, keptLonger: 0) }
    }

    /// Counts one record's outcome.
    public mutating func count(_ outcome: RetentionOutcome) {
        examined += 1
        switch outcome {
        case .keep(_, let extendedBy):
            guard let extendedBy else { return }
            keptLonger += 1
            classes[index(extendedBy)].keptLonger += 1
        case .erase(let held, _):
            erased += 1
            for dataClass in held { classes[index(dataClass)].erased += 1 }
        case .anonymise(let kept, let gone, _):
            anonymised += 1
            for dataClass in kept { classes[index(dataClass)].anonymised += 1 }
            for dataClass in gone { classes[index(dataClass)].erased += 1 }
        }
    }

    public subscript(_ dataClass: SensitivityClass) -> ClassCount { classes[index(dataClass)] }

    private func index(_ dataClass: SensitivityClass) -> Int {
        SensitivityClass.allCases.firstIndex(of: dataClass) ?? 0
    }
}
