import Foundation
import Testing
@testable import WaymarkWeb

/// The gateway's JSON bodies decoded without a server: what is accepted,
/// what is cut, and the sentence each refusal gives.
@Suite struct SMSWebhookBodyTests {
    func body(_ text: String) -> Data { Data(text.utf8) }

    @Test func aDeliveryReportDecodesAndLongDetailIsCut() throws {
        let detail = String(repeating: "d", count: 500)
        let report = try SMSDeliveryReport.decode(body(#"{"reference":"gw-1","status":"undelivered","detail":"\#(detail)"}"#))
        #expect(report == SMSDeliveryReport(reference: "gw-1", delivered: false, detail: String(repeating: "d", count: 200)))
    }

    @Test(arguments: [
        ("", "The body must be a JSON object with the fields reference and status."),
        (#"[1,2]"#, "The body must be a JSON object with the fields reference and status."),
        (#"{"reference":"gw-1","status":"read"}"#, "status must be \"delivered\" or \"failed\"."),
        (#"{"reference":"","status":"delivered"}"#, "reference must be 1 to 200 characters."),
    ])
    func aBadDeliveryReportSaysWhy(text: String, message: String) {
        #expect(throws: SMSWebhookBodyError(message)) { try SMSDeliveryReport.decode(body(text)) }
    }

    @Test func aReplyDecodesWithOrWithoutAReference() throws {
        #expect(try SMSInboundReply.decode(body(#"{"from":"+447700900123","text":"At college"}"#))
            == SMSInboundReply(from: "+447700900123", text: "At college", reference: nil))
    }

    @Test(arguments: [
        (#"{"from":"+447700900123"}"#, "The body must be a JSON object with the fields from and text."),
        (#"{"from":"   ","text":"hi"}"#, "from must be a phone number."),
        (#"{"from":"\#(String(repeating: "7", count: 33))","text":"hi"}"#, "from must be a phone number."),
        (#"{"from":"07700900123","text":"hi","reference":""}"#, "reference must be 1 to 200 characters when given."),
    ])
    func aBadReplySaysWhy(text: String, message: String) {
        #expect(throws: SMSWebhookBodyError(message)) { try SMSInboundReply.decode(body(text)) }
    }
}
