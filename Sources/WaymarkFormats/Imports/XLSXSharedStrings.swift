import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads xl/sharedStrings.xml: one string per `<si>`, made of its `<t>` text
/// (several `<r><t>` runs when part of the text is formatted). Phonetic
/// guides (`<rPh>`) are not part of the text.
final class XLSXSharedStrings: XMLEventHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false
    var abortError: ImportFileError?
    let limits: ImportLimits

    init(limits: ImportLimits) {
        self.limits = limits
    }

    static func read(_ data: Data, limits: ImportLimits) throws(ImportFileError) -> [String] {
        let reader = XLSXSharedStrings(limits: limits)
        try XMLRun.parse(data, part: "xl/sharedStrings.xml", handler: reader)
        return reader.strings
    }

    func start(_ elementName: String, attributes: [String: String], parser: XMLParser) {
        switch localName(elementName) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ elementName: String, parser: XMLParser) {
        switch localName(elementName) {
        case "si":
            // Five bytes ("<si/>") make a string, so a zipped part can ask for millions.
            guard strings.count < limits.maxCells else {
                if abortError == nil {
                    abortError = .notXLSX(reason: "xl/sharedStrings.xml holds more than \(ImportFileError.grouped(limits.maxCells)) strings")
                }
                parser.abortParsing()
                return
            }
            strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func characters(_ string: String, parser: XMLParser) {
        if inText { current += string }
    }
}

/// "x:row" → "row": some writers prefix the spreadsheet namespace.
func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}
