/// A young person as stored, with the provenance of the record itself.
public struct StoredPerson: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let person: NewYoungPerson
    public let source: String
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(id: Int64, person: NewYoungPerson, source: String, recordedBy: Int64?, recordedAt: String) {
        self.id = id
        self.person = person
        self.source = source
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
