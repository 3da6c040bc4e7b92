/// Rules on the September Guarantee (errors 25, 27, 261, 905, 906).
extension ReturnRules {
    func checkGuarantees(_ record: ReturnRecord, into found: inout FindingCollector) {
        if let indicator = record.guaranteeStatusIndicator.nonBlank, !indicator.isYesOrNo {
            found.report(27, "GuaranteeStatusIndicator '\(indicator)'")
        }
        for guarantee in record.guarantees {
            checkEntry(guarantee, into: &found)
        }
        checkYear11Authority(record, into: &found)
        // S1 looks for the two year groups the guarantee follows at the time of
        // year; Waymark returns at most a Year 11 and a Year 12 entry, so either
        // one, complete, is enough.
        let hasCompleteGuarantee = record.guarantees.contains { $0.status.nonBlank != nil && $0.laCode.nonBlank != nil }
        guard !hasCompleteGuarantee else { return }
        if record.cohortStatus.nonBlank == CohortStatus.septemberGuarantee.rawValue {
            found.report(905)
        }
        if record.guaranteeStatusIndicator.nonBlank == "Y" {
            found.report(906)
        }
    }

    /// One Year 11 or Year 12 entry: its status must be a code allowed for the
    /// year (reported as 27, the number S1 uses for guarantee status codes), and
    /// its LA must be recognised (261). A missing status or LA is left to 905/906.
    private func checkEntry(_ guarantee: ReturnGuarantee, into found: inout FindingCollector) {
        let year = "Year \(guarantee.year.rawValue)"
        if let text = guarantee.status.nonBlank {
            if let status = try? GuaranteeStatus.parse(text) {
                // The rule GuaranteeRecord.violations() applies when a guarantee is recorded.
                if !status.isAllowed(for: guarantee.year) {
                    found.report(27, "\(year) GuaranteeStatus \(status.rawValue) is for Year 12 only")
                }
            } else {
                found.report(27, "\(year) GuaranteeStatus code '\(text)'")
            }
        }
        if let laCode = guarantee.laCode.nonBlank, !isRecognisedLA(laCode) {
            found.report(261, "\(year) LEACode '\(laCode)'")
        }
    }

    /// LEACodeAtYear11 must name the LA that made the Year 11 offer. Only
    /// recognised codes are compared: an unrecognised one is already 24 or 261.
    private func checkYear11Authority(_ record: ReturnRecord, into found: inout FindingCollector) {
        guard let atYear11 = record.laCodeAtYear11.nonBlank, isRecognisedLA(atYear11),
            let offeringLA = record.year11Guarantee?.laCode.nonBlank, isRecognisedLA(offeringLA),
            atYear11 != offeringLA
        else { return }
        found.report(25, "LEACodeAtYear11 \(atYear11); Year 11 guarantee LEACode \(offeringLA)")
    }
}
