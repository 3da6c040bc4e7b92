/// Rules on the LevelOfNeed element: level of need, SEND, SEN support and
/// characteristics (errors 33, 40, 100–104, 303, 304, 306).
extension ReturnRules {
    func checkLevelOfNeed(_ record: ReturnRecord, into found: inout FindingCollector) {
        if let level = record.levelOfNeed.nonBlank {
            if (try? LevelOfNeed.parse(level)) == nil { found.report(101, "LevelOfNeedCode '\(level)'") }
        } else {
            found.report(100)
        }
        checkSEND(record, into: &found)
        if let support = record.senSupportFlag.nonBlank {
            if !support.isYesOrNo { found.report(304, "SENSupportFlag '\(support)'") }
        } else {
            found.report(303)
        }
        // The same rule as NeedAssessment.violations(), on the flags as written.
        if record.sendFlag.nonBlank == "Y", record.senSupportFlag.nonBlank == "Y" {
            found.report(306)
        }
        for code in record.characteristics where (try? CharacteristicCode.parse(code)) == nil {
            found.report(104, "CharacteristicCode '\(code.trimmingWhitespace())'")
        }
    }

    /// The SEND flag, and whether someone of 20 or over may be returned at all.
    ///
    /// A missing flag at 20 or over is error 40 (alongside 103); a flag that is
    /// present but not Y is 33. Reporting 33 for a missing flag as well would
    /// say the same thing twice.
    private func checkSEND(_ record: ReturnRecord, into found: inout FindingCollector) {
        let send = record.sendFlag.nonBlank
        if let send {
            if !send.isYesOrNo { found.report(102, "SENDFlag '\(send)'") }
        } else {
            found.report(103)
        }
        guard let age = academicAge(of: record), age >= Self.sendOnlyFromAcademicAge else { return }
        switch send {
        case nil: found.report(40, "Academic age \(age) at the period end")
        case "Y": break
        default: found.report(33, "Academic age \(age) at the period end")
        }
    }
}
