import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What xl/workbook.xml says that reading needs: where the first sheet is,
/// and whether dates count from 1904 (old Mac Excel) instead of 1900.
struct XLSXWorkbook {
    var firstSheetPath: String?
    var date1904 = false

    static func read(_ workbook: Data, relationships: Data?) throws(ImportFileError) -> XLSXWorkbook {
        let sheets = AttributeCollector(elements: ["sheet", "workbookPr"])
        try XMLRun.parse(workbook, part: "xl/workbook.xml", handler: sheets)
        var result = XLSXWorkbook()
        if let properties = sheets.found.first(where: { $0.element == "workbookPr" }) {
            result.date1904 = ["1", "true"].contains(properties.attributes["date1904"] ?? "")
        }
        guard let relationships,
            let first = sheets.found.first(where: { $0.element == "sheet" }),
            let id = first.attributes.first(where: { $0.key == "r:id" || $0.key.hasSuffix(":id") })?.value
        else { return result }
        let links = AttributeCollector(elements: ["Relationship"])
        try XMLRun.parse(relationships, part: "xl/_rels/workbook.xml.rels", handler: links)
        if let target = links.found.first(where: { $0.attributes["Id"] == id })?.attributes["Target"] {
            // Targets are relative to xl/, or absolute from the package root.
            result.firstSheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return result
    }
}

/// Collects the attributes of every element with one of the given names.
final class AttributeCollector: XMLEventHandler {
    let elements: Set<String>
    var found: [(element: String, attributes: [String: String])] = []
    var abortError: ImportFileError? { nil }

    init(elements: Set<String>) {
        self.elements = elements
    }

    func start(_ elementName: String, attributes: [String: String], parser: XMLParser) {
        // Some writers prefix the main namespace ("x:sheet"); compare local names.
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        if elements.contains(local) { found.append((local, attributes)) }
    }
}
