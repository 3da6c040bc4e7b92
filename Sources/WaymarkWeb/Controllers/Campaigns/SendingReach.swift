public import WaymarkCore

/// Which channels this installation can actually send on, so a campaign page
/// never promises a text or an e-mail that cannot go.
public enum SendingReach: Sendable, Equatable {
    /// This server sends, and only on these channels (none when no gateway is configured).
    case here(Set<ContactChannel>)
    /// Another server sends (`serve --no-sending`): this one cannot tell what that server has set up.
    case elsewhere

    /// A warning for a campaign on `channel`, or nil when its messages can go.
    func warning(for channel: ContactChannel) -> String? {
        guard channel == .sms || channel == .email, case .here(let configured) = self, !configured.contains(channel) else { return nil }
        let what = channel == .sms ? "Texts" : "E-mails"
        let setting = channel == .sms ? "WAYMARK_SMS_GATEWAY_URL" : "WAYMARK_SMTP_HOST"
        return "\(what) are not set up on this server, so nothing in this campaign can be sent: its messages wait in the queue "
            + "until an administrator configures a gateway (\(setting); see the README)."
    }
}
