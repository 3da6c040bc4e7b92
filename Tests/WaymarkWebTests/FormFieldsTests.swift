import Foundation
import Testing
@testable import WaymarkWeb

/// URL-encoded bodies read byte by byte: "+" and percent escapes as a
/// browser sends them, broken escapes and bytes that are not UTF-8 refused.
@Suite struct FormFieldsTests {
    @Test func plusIsASpaceAndEscapesAreDecoded() {
        let fields = FormFields(body: "given_name=Ana+Mar%C3%ADa&note=1%2B1%3D2&empty=&bare")
        #expect(fields["given_name"] == "Ana María")
        #expect(fields["note"] == "1+1=2")
        #expect(fields["empty"] == "")
        #expect(fields["bare"] == "")
        #expect(fields["missing"] == nil)
    }

    @Test func theFirstOfARepeatedNameWins() {
        #expect(FormFields(body: "a=1&a=2")["a"] == "1")
    }

    @Test(arguments: ["%", "%4", "%zz", "%4g", "%FF", "%C3", "a%2"])
    func aBrokenEscapeIsRefusedAsFoundationRefusesIt(_ text: String) {
        #expect(FormFields.decode(Substring(text)) == nil)
        #expect(text.removingPercentEncoding == nil)
    }

    @Test func aBrokenNameIsSkippedAndABrokenValueReadsEmpty() {
        let fields = FormFields(body: "%zz=1&csrf_token=%FF")
        #expect(fields["%zz"] == nil)
        #expect(fields["csrf_token"] == "")
    }

    /// Found by the forms fuzzer: Foundation's replacingOccurrences matches
    /// whole characters, so it left a "+" followed by a combining mark as
    /// "+"; a form body's "+" is a byte, always a space.
    @Test func aPlusBeforeACombiningMarkIsStillASpace() {
        #expect(FormFields(body: "q=+\u{619}")["q"] == " \u{619}")
    }
}
