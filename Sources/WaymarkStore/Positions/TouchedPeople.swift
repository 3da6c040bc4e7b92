import Foundation

/// The young people a change touched in a way that can move their
/// participation position; the store recomputes them before it commits.
final class TouchedPeople: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<Int64> = []

    func add(_ id: Int64) {
        lock.withLock { _ = ids.insert(id) }
    }

    func add<S: Sequence>(contentsOf more: S) where S.Element == Int64 {
        lock.withLock { ids.formUnion(more) }
    }

    func drain() -> [Int64] {
        lock.withLock {
            defer { ids = [] }
            return ids.sorted()
        }
    }

    /// Positions are classified from the person's row, activities and need
    /// assessments, and every write to those is audited with the person's id:
    /// so the audit says who to recompute, for every change there is or will be.
    static func affects(_ action: AuditAction, entity: String) -> Bool {
        switch action {
        // An erased record has no position left to keep; an anonymised one keeps
        // its academic age and its histories, so its position stands.
        case .view, .export, .signIn, .signOut, .signInFailed, .prune, .erase, .anonymise: false
        default: ["young_person", "activity", "need_assessment"].contains(entity)
        }
    }

    /// The headline timelines move with positions, and with an erasure or anonymisation.
    static func affectsFigures(_ action: AuditAction, entity: String) -> Bool {
        affects(action, entity: entity) || ([.erase, .anonymise].contains(action) && entity == "young_person")
    }
}
