import Foundation
import WaymarkApp
import WaymarkCore

/// A printable document: one page per young person, each with a short code
/// to type, a QR code to scan, and a phone number and address to use instead.
struct LettersPage: PageModel {
    static let template = "campaign-letters"

    struct Letter: Sendable {
        let name: String
        let addressLines: [String]
        let date: String
        let paragraphs: [String]
        /// "ABCD-EFGH".
        let code: String
        /// The QR code's SVG, holding the short link.
        let qrCode: String
    }

    let title: String
    let letters: [Letter]
    let laName: String
    let phone: String
    let returnAddress: [String]
    /// The address on one line, for the sentence that offers writing back.
    let returnAddressText: String
    /// "host/code": where the letter says to type the code.
    let typingPage: String

    init(title: String, letters: [Letter], laName: String, contact: ServiceContact, typingPage: String) {
        self.title = title
        self.letters = letters
        self.laName = laName
        phone = contact.phone
        returnAddress = contact.returnAddress
        returnAddressText = contact.returnAddress.joined(separator: ", ")
        self.typingPage = typingPage
    }

    static func letter(_ letter: CampaignLetter, date: String) -> Letter {
        let qr = QRCode(encoding: letter.shortURL).map {
            QRCodeSVG.render($0, label: "QR code: opens your page at \(letter.shortURL)", size: "3cm")
        }
        return Letter(
            name: letter.name, addressLines: letter.addressLines, date: date, paragraphs: letter.body.components(separatedBy: "\n\n"),
            code: letter.code.grouped, qrCode: qr ?? "")
    }
}
