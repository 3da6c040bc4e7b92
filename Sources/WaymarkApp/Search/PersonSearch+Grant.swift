public import Foundation
public import WaymarkCore
import WaymarkRecords
import WaymarkStore

extension PersonSearch {
    /// A search as one user may run it: in their scope, without the kinds of
    /// fact their grant withholds, and audited with the ids it showed.
    ///
    /// Someone who may not see addresses may not search by postcode either:
    /// a match would tell them where a young person lives.
    public func search(_ text: String, for grant: AccessGrant, today: CalendarDate, at now: Date, page: Int = 1) async throws -> PersonSearchOutcome {
        guard grant.allows(.readRecords) else { throw AccessDenied(permission: .readRecords, role: grant.role) }
        var request = try SearchQueryParser.parse(text, today: today)
        let visible = grant.visibleClasses
        let showsPostcode = visible.contains(.contact)
        if !showsPostcode, let postcode = request.postcode {
            request.postcode = nil
            request.ignored.append("\(postcode) (addresses are restricted for your role)")
            guard !request.kinds.isEmpty else { throw SearchInputError.postcodeRestricted }
        }
        if !showsPostcode, let area = request.postcodeArea {
            request.postcodeArea = nil
            request.ignored.append("\(area) (addresses are restricted for your role)")
            guard !request.kinds.isEmpty else { throw SearchInputError.postcodeRestricted }
        }
        var outcome = try await search(request, in: grant.scope, today: today, page: page)
        outcome.showsPostcode = showsPostcode
        outcome.showsActivityCode = visible.contains(.educationAndActivity)
        if !showsPostcode || !outcome.showsActivityCode {
            outcome = outcome.withholding(postcode: !showsPostcode, activityCode: !outcome.showsActivityCode)
        }
        let detail = "search; kinds=\(request.kinds.joined(separator: ",")); shown=" + outcome.results.map { String($0.id) }.joined(separator: ",")
        try await store.record(.view, by: .user(grant.user.id), at: now, entity: "search", detail: detail)
        return outcome
    }
}

extension PersonSearchOutcome {
    func withholding(postcode: Bool, activityCode: Bool) -> PersonSearchOutcome {
        var copy = PersonSearchOutcome(
            request: request,
            results: results.map { result in
                PersonSearchResult(
                    id: result.id, name: result.name, dateOfBirth: result.dateOfBirth, postcode: postcode ? nil : result.postcode,
                    ward: postcode ? nil : result.ward, school: result.school, activity: result.activity, adviser: result.adviser,
                    score: result.score, reasons: postcode ? result.reasons.filter { !$0.contains("postcode") } : result.reasons)
            },
            total: total, page: page, pageSize: pageSize, exactNameOnly: exactNameOnly)
        copy.totalIsCapped = totalIsCapped
        copy.showsPostcode = !postcode
        copy.showsActivityCode = !activityCode
        return copy
    }
}
