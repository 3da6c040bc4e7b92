import WaymarkStore

// Apart from SearchRequest.swift, which the search fuzzer compiles with the
// core and matching modules only: the store's types stay out of it.
extension SearchRequest {
    /// The area as the indexes hold it ("NM1 4" → sector "NM14").
    var area: PostcodeArea? {
        postcodeArea.map { PostcodeArea(compact: $0.filter { !$0.isWhitespace }, isSector: $0.contains(" ")) }
    }
}
