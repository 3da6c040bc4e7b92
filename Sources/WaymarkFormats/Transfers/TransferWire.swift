/// The JSON shape of a transfer package, field for field: plain strings and
/// numbers, so a reader can say which field broke which rule before any
/// value becomes a domain type. Only ``TransferPackageWriter`` and
/// ``TransferPackageReader`` see it.
struct TransferWire: Codable {
    var format: String
    var version: Int
    var fromLA: String
    var toLA: String
    var createdAt: String
    var previousIdentifier: String
    var movedOn: String
    var identity: Identity
    var activities: [Activity]
    var needs: [Need]
    var characteristics: [Characteristic]
    var plan: Plan?
    var consents: [Consent]
    var leadProfessional: Lead?
    var withheld: [Withheld]

    struct Identity: Codable {
        var givenName: String
        var middleNames: String?
        var familyName: String
        var preferredName: String?
        var dateOfBirth: String
        var gender: String
        var ethnicity: String
        var upn: String?
        var uln: String?
    }

    struct Activity: Codable {
        var code: Int
        var startDate: String
        var dateAscertained: String
        var dateVerified: String?
        var reviewDate: String?
        var predictedEndDate: String?
        var neetStartDate: String?
        var establishmentNumber: String?
        var establishmentName: String?
        var ukprn: String?
    }

    struct Need: Codable {
        var levelOfNeed: Int
        var send: Bool
        var senSupport: Bool
        var validFrom: String
    }

    struct Characteristic: Codable {
        var code: Int
        var startDate: String
        var endDate: String?
    }

    struct Plan: Codable {
        var agreedOn: String?
        var nextReviewOn: String?
        var goals: [Goal]
    }

    struct Goal: Codable {
        var title: String?
        var openSteps: Int
    }

    struct Consent: Codable {
        var decision: String
        var purpose: String?
        var dataClass: String?
        /// Added after version 1 was first written: optional, so earlier packages still read.
        var recipientKind: String?
        var from: String
        var until: String?
        var givenBy: String
    }

    struct Lead: Codable {
        var name: String
        var organisation: String
        var role: String?
        var phone: String?
        var email: String?
    }

    struct Withheld: Codable {
        var dataClass: String
        var reason: String
    }
}

/// The signed envelope around a package: who sent it to whom, with which
/// key, the package's bytes (base64) and the signature over exactly those bytes.
struct TransferEnvelopeWire: Codable {
    var format: String
    var version: Int
    var fromLA: String
    var toLA: String
    var keyID: String
    var algorithm: String
    var payload: String
    var signature: String
}
