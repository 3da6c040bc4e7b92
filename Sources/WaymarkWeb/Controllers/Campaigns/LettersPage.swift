/// A printable document: one page per young person.
struct LettersPage: PageModel {
    static let template = "campaign-letters"

    struct Letter: Sendable {
        let name: String
        let addressLines: [String]
        let date: String
        let paragraphs: [String]
    }

    let title: String
    let letters: [Letter]
    let laName: String
}
