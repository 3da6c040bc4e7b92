extension Array {
    /// The array in consecutive pieces of at most `size`, for IN lists and transactions of bounded size.
    public func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: Swift.max(1, size)).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
