import Foundation
import WaymarkApp
import WaymarkRecords

/// What a page says about heavy work it asked for: queued, how far it has
/// got, when the result shown was computed, and a failure. While work is
/// under way the page reloads itself every `refreshSeconds` (no JavaScript)
/// and offers a Refresh link for those who turn automatic refresh off.
struct JobPanel: Sendable {
    static let refreshSeconds = 2

    let status: String?
    let hasProgress: Bool
    let progressDone: Int
    let progressTotal: Int
    let progressPercent: String
    let refresh: String?
    let refreshURL: String
    let computed: String?
    let failure: String?

    /// `work` names the work in a sentence ("computing the figures"); `result` names what it produces ("Figures").
    init(_ state: JobState, work: String, result: String, refreshURL: String) {
        self.refreshURL = refreshURL
        if let active = state.active {
            let restarted = active.claims > 1 ? " (restarted after a server stopped)" : ""
            let shown = state.isRecomputing ? " What is shown below is from an earlier run and is being recomputed." : ""
            switch active.status {
            case .queued:
                status = "Waiting to start \(work): it is queued behind other work.\(shown)"
            default:
                if let total = active.progressTotal, total > 0 {
                    status = "\(work.capitalisedFirst)\(restarted): \(active.progressDone.formatted()) of \(total.formatted()) records read.\(shown)"
                } else {
                    status = "\(work.capitalisedFirst)\(restarted).\(shown)"
                }
            }
            progressTotal = active.progressTotal ?? 0
            progressDone = min(active.progressDone, progressTotal)
            hasProgress = active.status == .running && progressTotal > 0
            progressPercent = progressTotal > 0 ? "\(progressDone * 100 / progressTotal)" : "0"
            refresh = "\(Self.refreshSeconds)"
        } else {
            status = nil
            hasProgress = false
            progressDone = 0
            progressTotal = 0
            progressPercent = "0"
            refresh = nil
        }
        computed = state.lastDone.flatMap { done in
            guard let finished = done.finishedAt else { return nil }
            let seconds = Double(done.durationMilliseconds ?? 0) / 1_000
            return "\(result) as at \(Self.time(finished)), computed in \(String(format: "%.1f", seconds)) s."
        }
        failure = state.lastFailed.map { failed in
            let when = failed.finishedAt.map { " at \(Self.time($0))" } ?? ""
            return "The last attempt\(when) failed. \(failed.error ?? "No reason was recorded.")"
        }
    }

    /// A UK wall-clock time with its day, e.g. "14:02 on 18 November 2026".
    static func time(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        formatter.dateFormat = "HH:mm 'on' d MMMM yyyy"
        return formatter.string(from: instant)
    }
}
