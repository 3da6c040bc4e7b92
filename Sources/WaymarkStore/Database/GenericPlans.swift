/// Statements PostgreSQL should run on one kept plan rather than plan again
/// with each run's values.
///
/// PostgreSQL keeps planning a prepared statement with its values while a
/// plan for those values looks cheaper than one plan for any value: for
/// person search's lookups, equality on an index whatever the name or date,
/// that is always, so each search planned its six to eight statements
/// again (a fifth of its CPU at 250,000 people). Forcing one kept plan for
/// every statement would be wrong for the queues, whose best plan does
/// depend on the values (7 s a page when forced), so only the statements
/// run inside ``run(_:)`` get it, one statement at a time. SQLite has no
/// plan cache to steer and ignores this.
public enum GenericPlans {
    @TaskLocal static var preferred = false

    /// `work` with its PostgreSQL statements each run on a kept plan.
    static func run<Value>(_ work: () async throws -> Value) async rethrows -> Value {
        try await $preferred.withValue(true, operation: work)
    }
}
