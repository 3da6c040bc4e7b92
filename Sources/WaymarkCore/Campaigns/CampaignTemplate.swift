import Foundation

/// A campaign's message with merge fields such as `{{given_name}}`. Checked
/// when the campaign is written, so an officer learns about a misspelt field
/// before a thousand people receive "Dear {{givne_name}}".
public struct CampaignTemplate: Sendable, Equatable {
    /// The merge fields a template may use, with what each becomes.
    public static let fields: [(name: String, meaning: String)] = [
        ("given_name", "the young person's first name"),
        ("family_name", "the young person's last name"),
        ("la_name", "the local authority's name"),
        ("link", "their personal link to tell us what they are doing"),
    ]

    /// The field filled in at the moment of sending, because the link is a
    /// credential: it is signed then and never stored.
    public static let linkField = "link"

    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// Names of the merge fields used, in order of first use.
    public func fieldNames() throws(CampaignTemplateError) -> [String] {
        var names: [String] = []
        for piece in try pieces() {
            if case .field(let name) = piece, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Fills the fields given; a field not given (the link, before sending) stays as written.
    public func render(_ values: [String: String]) throws(CampaignTemplateError) -> String {
        var output = ""
        for piece in try pieces() {
            switch piece {
            case .text(let text): output += text
            case .field(let name): output += values[name] ?? "{{\(name)}}"
            }
        }
        return output
    }

    enum Piece: Equatable {
        case text(String)
        case field(String)
    }

    private func pieces() throws(CampaignTemplateError) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            pieces.append(.text(String(rest[..<open.lowerBound])))
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else { throw .unclosedField }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard Self.fields.contains(where: { $0.name == name }) else { throw .unknownField(String(name.prefix(40))) }
            pieces.append(.field(name))
            rest = afterOpen[close.upperBound...]
        }
        if rest.contains("}}") { throw .unopenedField }
        pieces.append(.text(String(rest)))
        return pieces
    }
}

/// What is wrong with a template, in words for the form.
public enum CampaignTemplateError: Error, Equatable, CustomStringConvertible {
    case unknownField(String)
    case unclosedField
    case unopenedField

    public var description: String {
        switch self {
        case .unknownField(let name):
            "'{{\(name)}}' is not a merge field; use one of " + CampaignTemplate.fields.map { "{{\($0.name)}}" }.joined(separator: ", ")
        case .unclosedField: "a merge field starts with {{ but has no closing }}"
        case .unopenedField: "there is a }} with no {{ before it"
        }
    }
}

/// How long a message may be on each channel: a text beyond four parts
/// costs more and reads worse; a letter must fit one page.
public enum CampaignLimits {
    public static func maxBodyLength(_ channel: ContactChannel) -> Int {
        switch channel {
        case .sms: 612
        case .email, .letter: 4_000
        case .phone, .visit: 1_000
        }
    }

    public static let maxSubjectLength = 150
    public static let maxNameLength = 120
}
