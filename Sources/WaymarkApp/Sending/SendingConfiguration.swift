public import Foundation

/// Where e-mail and texts go, read from the environment. A channel that is
/// not configured has no transport: its messages stay queued until it is.
///
/// - `WAYMARK_SMTP_HOST`, `WAYMARK_SMTP_PORT` (25), `WAYMARK_SMTP_FROM`,
///   `WAYMARK_SMTP_USER` and `WAYMARK_SMTP_PASSWORD` (AUTH PLAIN, both or neither)
/// - `WAYMARK_SMS_GATEWAY_URL`, `WAYMARK_SMS_GATEWAY_TOKEN` (a bearer token both ways:
///   Waymark sends it to the gateway, and the gateway sends it to Waymark's webhooks)
/// - `WAYMARK_PUBLIC_URL`: where the gateway reaches Waymark for delivery reports.
public struct SendingConfiguration: Sendable, Equatable {
    public var smtp: SMTPConfiguration?
    public var sms: SMSGatewayConfiguration?

    public init(smtp: SMTPConfiguration? = nil, sms: SMSGatewayConfiguration? = nil) {
        self.smtp = smtp
        self.sms = sms
    }

    /// Nothing to send with: the worker need not run.
    public var isEmpty: Bool { smtp == nil && sms == nil }

    /// The token the SMS gateway must present on Waymark's webhooks.
    public var smsWebhookToken: String? { sms?.token }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SendingConfiguration {
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        var configuration = SendingConfiguration()
        if let host = value("WAYMARK_SMTP_HOST") {
            guard let from = value("WAYMARK_SMTP_FROM"), from.contains("@") else {
                throw SendingConfigurationError.invalid("WAYMARK_SMTP_FROM must be an e-mail address when WAYMARK_SMTP_HOST is set")
            }
            var port = 25
            if let text = value("WAYMARK_SMTP_PORT") {
                guard let number = Int(text), (1...65_535).contains(number) else {
                    throw SendingConfigurationError.invalid("WAYMARK_SMTP_PORT must be a port number")
                }
                port = number
            }
            let user = value("WAYMARK_SMTP_USER")
            let password = environment["WAYMARK_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            guard (user == nil) == (password == nil) else {
                throw SendingConfigurationError.invalid("set both WAYMARK_SMTP_USER and WAYMARK_SMTP_PASSWORD, or neither")
            }
            configuration.smtp = SMTPConfiguration(
                host: host, port: port, from: from, credentials: user.flatMap { user in password.map { (user, $0) } }.map(SMTPCredentials.init))
        }
        if let urlText = value("WAYMARK_SMS_GATEWAY_URL") {
            guard let url = URL(string: urlText), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw SendingConfigurationError.invalid("WAYMARK_SMS_GATEWAY_URL must be an http(s) URL")
            }
            guard let token = value("WAYMARK_SMS_GATEWAY_TOKEN") else {
                throw SendingConfigurationError.invalid("WAYMARK_SMS_GATEWAY_TOKEN must be set when WAYMARK_SMS_GATEWAY_URL is")
            }
            var callback: URL?
            if let publicText = value("WAYMARK_PUBLIC_URL") {
                guard let base = URL(string: publicText), base.scheme == "http" || base.scheme == "https" else {
                    throw SendingConfigurationError.invalid("WAYMARK_PUBLIC_URL must be an http(s) URL")
                }
                callback = SMSGatewayConfiguration.deliveryCallback(publicURL: base)
            }
            configuration.sms = SMSGatewayConfiguration(url: url, token: token, callbackURL: callback)
        }
        return configuration
    }

    /// One transport per configured channel.
    public func transports() -> [any MessageTransport] {
        var all: [any MessageTransport] = []
        if let smtp { all.append(SMTPMailer(configuration: smtp)) }
        if let sms { all.append(SMSGatewayClient(configuration: sms)) }
        return all
    }
}

public struct SMTPCredentials: Sendable, Equatable {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }
}

public struct SMTPConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The envelope sender and the From header.
    public var from: String
    /// AUTH PLAIN when set. The connection is not encrypted: use a relay on the same host or private network.
    public var credentials: SMTPCredentials?
    /// How long one whole conversation (connect to QUIT) may take.
    public var timeout: Duration
    /// The name given in EHLO.
    public var heloName: String

    public init(host: String, port: Int = 25, from: String, credentials: SMTPCredentials? = nil, timeout: Duration = .seconds(30),
                heloName: String = ProcessInfo.processInfo.hostName) {
        self.host = host
        self.port = port
        self.from = from
        self.credentials = credentials
        self.timeout = timeout
        self.heloName = heloName.isEmpty ? "waymark" : heloName
    }
}

public struct SMSGatewayConfiguration: Sendable, Equatable {
    /// Where messages are POSTed.
    public var url: URL
    public var token: String
    /// Sent with each message so the gateway can post its delivery report back.
    public var callbackURL: URL?
    public var timeout: TimeInterval

    public init(url: URL, token: String, callbackURL: URL?, timeout: TimeInterval = 15) {
        self.url = url
        self.token = token
        self.callbackURL = callbackURL
        self.timeout = timeout
    }

    /// Waymark's delivery-report webhook under its public address.
    public static func deliveryCallback(publicURL: URL) -> URL {
        publicURL.appendingPathComponent("webhooks/sms/delivery")
    }
}

public enum SendingConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let message): message
        }
    }
}
