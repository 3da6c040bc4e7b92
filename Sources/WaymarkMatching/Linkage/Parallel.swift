import Dispatch

/// Runs independent jobs on all cores and keeps their results in job order,
/// so parallel runs give the same answer as serial ones.
enum Parallel {
    static func map<T: Sendable>(count: Int, _ job: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [job(0)] : [] }
        let slots = UnsafeMutablePointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
        defer {
            slots.deinitialize(count: count)
            slots.deallocate()
        }
        let address = Int(bitPattern: slots)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            // Each job writes only its own slot.
            UnsafeMutablePointer<T?>(bitPattern: address)!.advanced(by: index).pointee = job(index)
        }
        return (0..<count).map { slots[$0]! }
    }

    /// Splits 0..<total into about `chunks` contiguous ranges.
    static func ranges(_ total: Int, chunks: Int) -> [Range<Int>] {
        guard total > 0 else { return [] }
        let parts = max(1, min(chunks, total))
        let size = (total + parts - 1) / parts
        return stride(from: 0, to: total, by: size).map { $0..<min(total, $0 + size) }
    }
}
