/// A generated return as kept in the history.
public struct StoredReturn: Sendable, Equatable {
    public var id: Int64
    public var generated: GeneratedReturn
    public var generatedBy: Int64?
    public var generatedAt: String

    public init(id: Int64, generated: GeneratedReturn, generatedBy: Int64?, generatedAt: String) {
        self.id = id
        self.generated = generated
        self.generatedBy = generatedBy
        self.generatedAt = generatedAt
    }
}
