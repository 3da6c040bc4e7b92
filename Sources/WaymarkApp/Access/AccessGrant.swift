import WaymarkCore
import WaymarkStore

/// Who is asking and why: what every use case that reads or writes a young
/// person's data is called with. The web pages and the API build one per
/// request from the session; nothing below them decides access on its own.
public struct AccessGrant: Sendable {
    public let user: StoredUser
    /// The records the user's organisation may see.
    public let scope: RecordScope
    public let purpose: Purpose

    public init(user: StoredUser, scope: RecordScope, purpose: Purpose? = nil) {
        self.user = user
        self.scope = scope
        self.purpose = purpose ?? Purpose.of(user.role)
    }

    public var role: Role { user.role }

    public func allows(_ permission: Permission) -> Bool {
        AccessPolicy.allows(user.role, permission)
    }

    /// Whether a list may be narrowed to people with this characteristic: a
    /// filter on a withheld class would tell its members by who is listed.
    public func mayFilter(by characteristic: CharacteristicCode?) -> Bool {
        characteristic.map { visibleClasses.contains($0.sensitivityClass) } ?? true
    }

    /// The classes this grant shows on any record, before break-the-glass.
    public var visibleClasses: Set<SensitivityClass> {
        DisclosurePolicy.visible(to: user.role, for: purpose)
    }
}
