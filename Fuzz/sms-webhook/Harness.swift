import Foundation

/// Bodies the SMS gateway endpoint accepts from anyone who holds the token
/// (or steals it): each decodes to a report or reply within its limits, or
/// is refused with a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let body = Data(bytes: data, count: count)
    if let report = try? SMSDeliveryReport.decode(body) {
        if report.reference.isEmpty || report.reference.count > 200 || (report.detail?.count ?? 0) > 200 {
            fatalError("a delivery report outside its limits")
        }
    }
    if let reply = try? SMSInboundReply.decode(body), reply.from.count > 32 {
        fatalError("a reply from a number longer than 32 characters")
    }
    return 0
}
