/// Where a received transfer package has got to.
public enum TransferInStatus: String, Sendable, CaseIterable {
    /// Checked, kept and acknowledged; waiting for a data manager to accept or decline.
    case received
    /// The young person was added or linked; the package's facts are on their record.
    case accepted
    /// Refused with a reason; the package's content was not kept.
    case declined
}

/// A package received from another local authority. `payload` is the
/// package's JSON while it waits, and nil once decided.
public struct StoredTransferIn: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let fromLA: String
    public let packageSHA256: String
    public let previousIdentifier: String
    public let status: TransferInStatus
    public let payload: String?
    public let personID: Int64?
    /// "created" or "linked" once accepted.
    public let outcome: String?
    public let reason: String?
    public let receivedAt: String
    /// When accepted or declined (ISO 8601 UTC).
    public let decidedAt: String?

    public init(
        id: Int64, fromLA: String, packageSHA256: String, previousIdentifier: String, status: TransferInStatus, payload: String?, personID: Int64?,
        outcome: String?, reason: String?, receivedAt: String, decidedAt: String? = nil
    ) {
        self.id = id
        self.fromLA = fromLA
        self.packageSHA256 = packageSHA256
        self.previousIdentifier = previousIdentifier
        self.status = status
        self.payload = payload
        self.personID = personID
        self.outcome = outcome
        self.reason = reason
        self.receivedAt = receivedAt
        self.decidedAt = decidedAt
    }
}

/// A package sent: to whom, the day of the move, the hash of what was sent and the classes left out.
public struct StoredTransferOut: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let personID: Int64
    public let toLA: String
    public let movedOn: String
    public let packageSHA256: String
    public let keyID: String
    public let withheldClasses: [String]
    public let recordedAt: String
    /// What the receiving LA answered, once its signed acknowledgement was imported.
    public let acknowledgement: TransferOutAcknowledgement?

    public init(
        id: Int64, personID: Int64, toLA: String, movedOn: String, packageSHA256: String, keyID: String, withheldClasses: [String], recordedAt: String,
        acknowledgement: TransferOutAcknowledgement? = nil
    ) {
        self.id = id
        self.personID = personID
        self.toLA = toLA
        self.movedOn = movedOn
        self.packageSHA256 = packageSHA256
        self.keyID = keyID
        self.withheldClasses = withheldClasses
        self.recordedAt = recordedAt
        self.acknowledgement = acknowledgement
    }
}

/// A neighbour LA's public key that its transfer packages are checked against.
public struct PeerKey: Sendable, Equatable {
    public let laCode: String
    public let keyID: String
    /// The raw 32-byte Ed25519 public key, base64.
    public let publicKey: String

    public init(laCode: String, keyID: String, publicKey: String) {
        self.laCode = laCode
        self.keyID = keyID
        self.publicKey = publicKey
    }
}

/// The receiving LA's answer to a package sent: "accepted" (with its
/// identifier for the young person) or "declined", the day decided there,
/// and when the acknowledgement was imported here.
public struct TransferOutAcknowledgement: Sendable, Equatable {
    public let decision: String
    public let theirIdentifier: String?
    public let decidedOn: String
    public let importedAt: String

    public init(decision: String, theirIdentifier: String?, decidedOn: String, importedAt: String) {
        self.decision = decision
        self.theirIdentifier = theirIdentifier
        self.decidedOn = decidedOn
        self.importedAt = importedAt
    }
}
