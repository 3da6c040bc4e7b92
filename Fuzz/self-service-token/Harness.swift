import Foundation

/// What a stranger can put after /s/ in a link: split into the token's
/// parts or refused as malformed; the signed payload is always the text
/// before the signature, and the signature's encoding round-trips.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    guard let token = try? SelfServiceTokenText(parsing: text) else { return 0 }
    if !text.hasPrefix(token.payload + ".") { fatalError("the payload is not the start of the token") }
    if SelfServiceTokenText.data(base64URL: SelfServiceTokenText.base64URL(token.signature)) != token.signature {
        fatalError("the signature does not round-trip")
    }
    return 0
}
