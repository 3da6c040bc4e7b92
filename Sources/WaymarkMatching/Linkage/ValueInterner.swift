/// Gives each distinct value a small number, so the comparison loop compares
/// integers and the per-value work (normalising, sound codes) is done once per
/// value rather than once per record. A dataset of a million young people has
/// only a few thousand distinct names.
struct ValueInterner {
    private(set) var ids: [String: Int32] = [:]
    private(set) var values: [String] = []

    /// The value's number and whether it was new.
    mutating func intern(_ value: String) -> (id: Int32, isNew: Bool) {
        if let id = ids[value] { return (id, false) }
        let id = Int32(values.count)
        ids[value] = id
        values.append(value)
        return (id, true)
    }

    var count: Int { values.count }
}
