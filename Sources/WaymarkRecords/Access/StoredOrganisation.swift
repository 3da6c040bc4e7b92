public import WaymarkCore

/// An organisation as stored.
public struct StoredOrganisation: Sendable, Equatable {
    public let id: Int64
    public let kind: OrganisationKind
    public let name: String
    public let laCode: String?

    public init(id: Int64, kind: OrganisationKind, name: String, laCode: String?) {
        self.id = id
        self.kind = kind
        self.name = name
        self.laCode = laCode
    }
}
