import Dispatch

/// Holds a thread (a password-hasher's, say) until released, so a test can
/// fill a bounded queue on purpose.
public final class BlockingGate: Sendable {
    private let started = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    public init() {}

    public func block() {
        started.signal()
        released.wait()
    }

    public func waitUntilBlocked() async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.started.wait()
                continuation.resume()
            }
        }
    }

    public func release() {
        released.signal()
    }
}
