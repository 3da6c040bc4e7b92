import SQLKit

/// Two additions to the referral and known-to tables (issue 15):
///
/// - `referral.reminded_on`: the day a reminder was queued for the state the
///   referral is in now; null until one is. Moving the referral clears it, so
///   each state's timer gives one reminder, and the reminders job can run any
///   number of times (on any number of servers) without queuing a second.
/// - `involvement.worker_name`: the worker's name when they have no Waymark
///   account (an involvement recorded by hand, not through a referral).
struct M052ReferralRemindersAndNamedWorkers: Migration {
    let version = 52
    let name = "referral reminders queued, and involvements with workers outside Waymark"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.alter(table: "referral").column("reminded_on", type: Column.date).run()
        try await db.alter(table: "involvement").column("worker_name", type: .text).run()
    }
}
