import Foundation
import Testing
@testable import WaymarkWeb

/// multipart-kit trapped on a header name with a byte of 128 or more (the
/// fuzzer found it in seconds); such an upload is now malformed, while a
/// UTF-8 file name in a header value still reads.
@Suite struct UploadFormHeaderNameTests {
    func body(headerName: [UInt8], fileName: String = "leavers.csv") -> [UInt8] {
        Array("--B\r\n".utf8) + headerName
            + Array(": form-data; name=\"file\"; filename=\"\(fileName)\"\r\n\r\nSurname\r\n--B--\r\n".utf8)
    }

    @Test func aHeaderNameThatIsNotASCIIIsMalformed() {
        let name = Array("Content-Disposition".utf8) + [0xAD]
        #expect(throws: UploadFormError.malformed) { try UploadForm(body: body(headerName: name), boundary: "B") }
    }

    @Test func aUTF8FileNameStillReads() throws {
        let form = try UploadForm(body: body(headerName: Array("Content-Disposition".utf8), fileName: "Année 11.csv"), boundary: "B")
        #expect(form.files["file"]?.fileName == "Année 11.csv")
        #expect(form.files["file"].map { String(decoding: $0.data, as: UTF8.self) } == "Surname")
    }
}
