import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

extension APIHandlers {
    func getFigures(_ input: Operations.GetFigures.Input) async throws -> Operations.GetFigures.Output {
        let access = try APIRequest.require(.readFigures)
        let instant = now()
        let monthEnd = try APIInput.monthEnd(input.query.monthEnd, field: "monthEnd", today: CalendarDate.today(from: instant))
        let state = try await app.figures.figures(monthEnd: monthEnd, for: access.grant, at: instant)
        guard let done = state.lastDone, let result = try done.decodedResult(as: FiguresJobResult.self), let month = result.report.month(monthEnd) else {
            return .ok(.init(body: .json(.init(monthEnd: monthEnd.iso, job: Self.job(state)))))
        }
        let headline = month.headline
        return .ok(
            .init(
                body: .json(
                    .init(
                        monthEnd: monthEnd.iso, job: Self.job(state), cohort: headline.cohort, eet: headline.eet, neet: headline.neet,
                        notKnown: headline.notKnown, neetRate: Self.rate(month.neetRate), notKnownRate: Self.rate(month.notKnownRate),
                        neetOrNotKnownRate: Self.rate(month.neetOrNotKnownRate)))))
    }

    func getDestinationsReport(_ input: Operations.GetDestinationsReport.Input) async throws -> Operations.GetDestinationsReport.Output {
        let access = try APIRequest.require(.readFigures)
        let instant = now()
        let latest = LeavingYear.recent(on: CalendarDate.today(from: instant)).max()?.year ?? CalendarDate.today(from: instant).year
        let year = input.query.leavingYear ?? latest
        guard (2000...2100).contains(year) else {
            throw APIProblem.invalid(field: "leavingYear", rule: "range", "leavingYear is a year from 2000 to 2100.")
        }
        let report = try await app.portal.destinations(for: access.grant, year: year, format: "api", at: instant)
        return .ok(
            .init(
                body: .json(
                    .init(
                        school: report.school, leavingYear: report.leavingYear.year, asAt: report.asAt.iso, total: report.total,
                        lines: report.lines.map { .init(destination: $0.label, leavers: $0.count, percentage: $0.share.description) }))))
    }

    /// Where a background job stands, and its latest result's time.
    static func job(_ state: JobState) -> Components.Schemas.Job {
        if let active = state.active {
            return .init(
                status: active.status == .running ? .running : .queued, progress: active.progressDone, progressTotal: active.progressTotal,
                finishedAt: state.lastDone?.finishedAt)
        }
        if let failed = state.lastFailed { return .init(status: .failed, finishedAt: failed.finishedAt, error: failed.error) }
        if let done = state.lastDone { return .init(status: .done, progress: done.progressDone, progressTotal: done.progressTotal, finishedAt: done.finishedAt) }
        return .init(status: .none)
    }

    static func rate(_ proportion: Proportion) -> Components.Schemas.Rate {
        .init(count: proportion.count, of: proportion.denominator, percentage: proportion.percentage)
    }
}
