public import WaymarkCore
public import WaymarkRecords

/// How a sent campaign's member is described on its page and in its
/// download: how to reach them for the channel, and where they have got to.
public enum CampaignMemberText {
    /// The page's word for a contact detail the viewer's role does not see.
    public static let restricted = "Restricted"

    /// The number to ring, the address to visit or write to, or where the message has got to.
    public static func contact(_ member: CampaignMemberRow, _ details: ReachDetails?, on channel: ContactChannel) -> String {
        switch channel {
        case .phone: details?.mobile ?? details?.landline ?? "–"
        case .visit, .letter: ((details?.addressLines ?? []) + [details?.postcode].compactMap { $0 }).joined(separator: ", ")
        case .sms, .email: member.messageStatus.map(describeStatus) ?? "–"
        }
    }

    /// The column heading for `contact` on this channel.
    public static func contactHeading(on channel: ContactChannel) -> String {
        switch channel {
        case .phone, .visit: "Contact"
        case .letter: "Address"
        case .sms, .email: "Message"
        }
    }

    public static func state(of member: CampaignMemberRow, on channel: ContactChannel) -> String {
        if member.respondedAt != nil { return "Answered" }
        switch channel {
        case .sms, .email: return member.messageStatus.map(describeStatus) ?? "Not queued"
        case .letter: return "Letter to print"
        case .phone: return member.outcome == nil ? "To call" : "Called"
        case .visit: return member.outcome == nil ? "To visit" : "Visited"
        }
    }

    /// A visit round goes street by street: the postcode sector ("LS6 2").
    public static func sector(_ postcode: String?) -> String {
        guard let postcode else { return "No postcode" }
        let parts = postcode.uppercased().split(separator: " ")
        guard parts.count == 2, let digit = parts[1].first else { return postcode.uppercased() }
        return "\(parts[0]) \(digit)"
    }

    public static func describeStatus(_ status: String) -> String {
        switch status {
        case "queued": "Waiting to send"
        case "sending": "Sending"
        case "sent": "Sent"
        case "delivered": "Delivered"
        case "failed": "Could not be sent"
        case "uncertain": "May not have been sent – check"
        default: status
        }
    }
}
