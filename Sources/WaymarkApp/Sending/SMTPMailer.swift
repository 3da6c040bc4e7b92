import Foundation
import NIOCore
import NIOPosix
public import WaymarkStore

/// Sends e-mail to one SMTP server: EHLO, AUTH PLAIN when configured, MAIL
/// FROM, RCPT TO, DATA (dot-stuffed, CRLF), QUIT; one connection per message.
/// 4xx replies are transient, 5xx permanent. The Message-ID is the outbox
/// idempotency key, so a copy that does go twice can be recognised; but SMTP
/// cannot refuse a repeat, so e-mail is never re-sent after a crash.
public struct SMTPMailer: MessageTransport {
    public let configuration: SMTPConfiguration
    public var channel: String { "email" }
    public var canResendSafely: Bool { false }

    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
    }

    public func send(_ message: OutboxMessage, subject: String?, body: String) async throws -> String? {
        guard SMTPMessage.isPlainAddress(message.recipient) else { throw SendFailure.permanent("smtp: recipient is not an e-mail address") }
        let content = SMTPMessage.compose(
            from: configuration.from, to: message.recipient, subject: subject, body: body, messageID: message.idempotencyKey, date: Date())
        let progress = SMTPProgress()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await converse(recipient: message.recipient, content: content, progress: progress) }
                group.addTask {
                    try await Task.sleep(for: configuration.timeout)
                    throw SMTPTimeout()
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch let failure as SendFailure {
            throw failure
        } catch {
            // The server took the message (250 after DATA): what goes wrong after that, a QUIT never
            // answered, does not unsend it, and calling it a failure would send it twice.
            if await progress.wasAccepted { return nil }
            let stage = await progress.stage
            let what = error is SMTPTimeout ? "timed out" : "connection failed"
            if await progress.dataSent { throw SendFailure.uncertain("smtp: \(what) after the message was handed over") }
            throw SendFailure.transient("smtp: \(what) at \(stage)")
        }
        return nil
    }

    private func converse(recipient: String, content: String, progress: SMTPProgress) async throws {
        await progress.at("connect")
        let connection = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await connection.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            func reply(_ stage: String, expect accepted: Set<Int>) async throws {
                await progress.at(stage)
                var code = 0
                while true {
                    guard let buffer = try await lines.next() else { throw SMTPConnectionClosed() }
                    let line = String(buffer: buffer)
                    guard line.count >= 3, let parsed = Int(line.prefix(3)) else {
                        throw SendFailure.transient("smtp: unreadable reply at \(stage)")
                    }
                    code = parsed
                    if line.dropFirst(3).first != "-" { break }
                }
                guard !accepted.contains(code) else { return }
                if (500..<600).contains(code) { throw SendFailure.permanent("smtp \(code) at \(stage)") }
                throw SendFailure.transient("smtp \(code) at \(stage)")
            }
            func command(_ text: String) async throws {
                try await outbound.write(ByteBuffer(string: text + "\r\n"))
            }
            try await reply("greeting", expect: [220])
            try await command("EHLO \(configuration.heloName)")
            try await reply("EHLO", expect: [250])
            if let credentials = configuration.credentials {
                let token = Data("\0\(credentials.user)\0\(credentials.password)".utf8).base64EncodedString()
                try await command("AUTH PLAIN \(token)")
                try await reply("AUTH", expect: [235])
            }
            try await command("MAIL FROM:<\(configuration.from)>")
            try await reply("MAIL FROM", expect: [250])
            try await command("RCPT TO:<\(recipient)>")
            try await reply("RCPT TO", expect: [250, 251])
            try await command("DATA")
            try await reply("DATA", expect: [354])
            await progress.handedOver()
            try await outbound.write(ByteBuffer(string: content))
            try await reply("end of data", expect: [250])
            await progress.accepted()
            try? await command("QUIT")
            try? await reply("QUIT", expect: [221])
        }
    }
}

/// The text of an e-mail as it goes after DATA: headers, a blank line, the
/// body with every line ending CRLF and lines starting "." doubled, then ".".
enum SMTPMessage {
    static func compose(from: String, to: String, subject: String?, body: String, messageID: String, date: Date) -> String {
        let domain = from.split(separator: "@").last.map(String.init) ?? "waymark.invalid"
        var headers = [
            "From: \(from)",
            "To: \(to)",
            "Date: \(rfc5322(date))",
            "Message-ID: <\(messageID)@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        if let subject { headers.insert("Subject: \(encodedHeader(subject))", at: 2) }
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        var text = headers.joined(separator: "\r\n") + "\r\n\r\n" + lines.joined(separator: "\r\n")
        if !text.hasSuffix("\r\n") { text += "\r\n" }
        return text + ".\r\n"
    }

    /// A bare address with no way to smuggle in another command or header.
    static func isPlainAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && address.count <= 254
            && !address.contains(where: { $0.isWhitespace || $0.isNewline || "<>()[],;:\\\"".contains($0) || !$0.isASCII || $0.asciiValue! < 32 })
    }

    /// A header value on one line; non-ASCII as an RFC 2047 encoded word.
    static func encodedHeader(_ value: String) -> String {
        let oneLine = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard oneLine.contains(where: { !$0.isASCII }) else { return oneLine }
        return "=?utf-8?B?\(Data(oneLine.utf8).base64EncodedString())?="
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// Where a conversation has got to, so a time-out after the message was
/// handed over is reported as uncertain rather than retried.
actor SMTPProgress {
    private(set) var stage = "connect"
    private var handedOverWithoutAnswer = false

    private(set) var wasAccepted = false
    var dataSent: Bool { handedOverWithoutAnswer }

    func at(_ stage: String) { self.stage = stage }
    func handedOver() { handedOverWithoutAnswer = true }
    func accepted() {
        handedOverWithoutAnswer = false
        wasAccepted = true
    }
}

struct SMTPTimeout: Error {}
struct SMTPConnectionClosed: Error {}
struct SMTPLineTooLong: Error {}

/// Splits the server's replies into lines (without the CRLF).
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 4_096 { throw SMTPLineTooLong() }
            return .needMoreData
        }
        var line = buffer.readSlice(length: newline - buffer.readerIndex + 1)!
        line.moveWriterIndex(to: line.writerIndex - 1)
        if line.readableBytesView.last == UInt8(ascii: "\r") { line.moveWriterIndex(to: line.writerIndex - 1) }
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
