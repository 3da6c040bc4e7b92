public import Foundation
public import WaymarkCore
public import WaymarkStore
import WaymarkRecords

/// Loads the England, regional and statistical-neighbour figures from the
/// LA's CSV (`waymark comparators load`): the whole file or nothing, every
/// bad line named with its field and rule.
public struct ComparatorLoad: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func load(_ text: String, file: String, at now: Date) async throws -> Result<Int, ComparatorFileError> {
        switch ComparatorFile.parse(text) {
        case .failure(let error):
            return .failure(error)
        case .success(let figures):
            try await store.change(by: .system("comparators:\(file)"), at: now) { tx in try await tx.recordComparators(figures) }
            return .success(figures.count)
        }
    }
}
