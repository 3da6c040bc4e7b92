import Foundation
import WaymarkApp
import WaymarkCore

/// "Record an involvement" on the known-to page: a service working with the
/// young person that no referral brought in.
struct InvolvementForm: Decodable, Sendable {
    var organisation: String?
    var worker: String?
    var role: String?
    var from: DateEntry?

    enum CodingKeys: String, CodingKey {
        case organisation, worker, role
        case from = "from-date"
    }
}

/// "End an involvement": which one, and the day it ended.
struct EndInvolvementForm: Decodable, Sendable {
    var involvement: String?
    var to: DateEntry?

    enum CodingKeys: String, CodingKey {
        case involvement
        case to = "to-date"
    }
}

extension InvolvementField {
    /// The id of the form field the problem is about.
    var fieldID: String {
        switch self {
        case .organisation: "organisation"
        case .worker: "worker"
        case .role: "role"
        case .from: "from-date"
        case .to: "to-date"
        case .involvement: "involvement"
        }
    }
}
