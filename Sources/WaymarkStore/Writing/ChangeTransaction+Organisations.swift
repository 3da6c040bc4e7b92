import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// An organisation to add: an LA, school, college, provider or agency.
public struct NewOrganisation: Sendable, Equatable {
    public var kind: OrganisationKind
    public var name: String
    public var laCode: String?
    public var establishmentNumber: String?
    public var ukprn: String?
    public var phase: String?

    public init(kind: OrganisationKind, name: String, laCode: String?, establishmentNumber: String? = nil, ukprn: String? = nil, phase: String? = nil) {
        self.kind = kind
        self.name = name
        self.laCode = laCode
        self.establishmentNumber = establishmentNumber
        self.ukprn = ukprn
        self.phase = phase
    }
}

/// A user to add; the password arrives already hashed (bcrypt) by the caller.
public struct NewUser: Sendable, Equatable {
    public var organisationID: Int64
    public var email: String
    public var displayName: String
    public var role: Role
    public var passwordHash: String

    public init(organisationID: Int64, email: String, displayName: String, role: Role, passwordHash: String) {
        self.organisationID = organisationID
        self.email = email
        self.displayName = displayName
        self.role = role
        self.passwordHash = passwordHash
    }
}

extension ChangeTransaction {
    @discardableResult
    public func createOrganisation(_ organisation: NewOrganisation) async throws -> Int64 {
        let row = try await db.insert(into: "organisation")
            .columns("kind", "name", "la_code", "establishment_number", "ukprn", "phase", "created_at")
            .values(
                SQLBind(organisation.kind.rawValue), SQLBind(organisation.name), SQLBind(organisation.laCode),
                SQLBind(organisation.establishmentNumber), SQLBind(organisation.ukprn), SQLBind(organisation.phase), SQLBind(recordedAt)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.noIDReturned(table: "organisation") }
        try await audit(.create, entity: "organisation", entityID: id, personID: nil, detail: organisation.kind.rawValue)
        return id
    }

    @discardableResult
    public func createUser(_ user: NewUser) async throws -> Int64 {
        let row = try await db.insert(into: "app_user")
            .columns("organisation_id", "email", "display_name", "role", "password_hash", "disabled", "created_at")
            .values(
                SQLBind(user.organisationID), SQLBind(user.email.lowercased()), SQLBind(user.displayName), SQLBind(user.role.rawValue),
                SQLBind(user.passwordHash), SQLBind(false), SQLBind(recordedAt)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.noIDReturned(table: "app_user") }
        try await audit(.create, entity: "app_user", entityID: id, personID: nil, detail: "role=\(user.role.rawValue)")
        return id
    }
}
