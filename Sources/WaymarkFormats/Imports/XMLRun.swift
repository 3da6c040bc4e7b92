import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Receives the events of one XML document. It can stop the parse with a
/// file error of its own (a row limit reached, a root that is not a CTF) by
/// setting `abortError` and calling `parser.abortParsing()`.
protocol XMLEventHandler: AnyObject {
    var abortError: ImportFileError? { get }
    func start(_ elementName: String, attributes: [String: String], parser: XMLParser)
    func end(_ elementName: String, parser: XMLParser)
    func characters(_ string: String, parser: XMLParser)
}

extension XMLEventHandler {
    func end(_ elementName: String, parser: XMLParser) {}
    func characters(_ string: String, parser: XMLParser) {}
}

/// Runs XMLParser over one document, event by event (no tree is built), and
/// turns a parse failure into "part: line N, column M: reason".
///
/// On Linux, XMLParser parses in libxml2's recovery mode: `parse()` returns
/// true after reporting a mismatched end tag, and says nothing about an
/// element left open at the end. So the first reported error is caught here
/// and stops the parse, and open elements are counted.
enum XMLRun {
    static func parse(_ data: Data, part: String, handler: some XMLEventHandler) throws(ImportFileError) {
        guard !data.isEmpty else { throw .malformedXML(part: part, line: 1, column: 1, reason: "the document is empty") }
        guard startsAsUTF8(data) else {
            throw .malformedXML(
                part: part, line: 1, column: 1, reason: "the document does not start as UTF-8 XML (save it as UTF-8)")
        }
        if let empty = XMLEmptyInstruction.first(in: data) {
            throw .malformedXML(
                part: part, line: empty.line, column: empty.column,
                reason: "a processing instruction with nothing in it (<?name?>) is not accepted")
        }
        let parser = XMLParser(data: data)
        let watcher = Watcher(handler)
        parser.delegate = watcher
        // External entities could read local files or the network (XXE); never resolve them.
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let abort = handler.abortError { throw abort }
        if let error = watcher.firstError {
            throw .malformedXML(part: part, line: error.line, column: error.column, reason: reason(code: error.code))
        }
        guard ok else {
            throw .malformedXML(
                part: part, line: parser.lineNumber, column: parser.columnNumber,
                reason: reason(code: (parser.parserError as NSError?)?.code ?? -1))
        }
        guard watcher.sawRoot else {
            throw .malformedXML(part: part, line: 1, column: 1, reason: "the document has no root element")
        }
        guard watcher.depth == 0 else {
            throw .malformedXML(
                part: part, line: watcher.lastLine, column: watcher.lastColumn,
                reason: "the document ends before its elements are closed")
        }
    }

    /// libxml2 guesses an encoding from the first four bytes (UCS-4 from
    /// "\0\0\0<", EBCDIC from "Lo\u{A7}\u{94}"), and stopping it after an error
    /// in those encodings segfaults on Linux. So a document must start, after
    /// an optional UTF-8 byte-order mark, with "<" or white space and hold no
    /// NUL among its first four bytes: UTF-8 or nothing, as XLSX parts and
    /// CTFs are written.
    /// An XML declaration may not name another encoding either ("UTF-7" did it).
    static func startsAsUTF8(_ data: Data) -> Bool {
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let first = body.first, [0x3C, 0x20, 0x09, 0x0A, 0x0D].contains(first) else { return body.isEmpty }
        guard !body.prefix(4).contains(0) else { return false }
        let head = String(decoding: body.prefix(512), as: UTF8.self)
        guard head.hasPrefix("<?xml") else { return true }
        guard let end = head.range(of: "?>") else { return false }
        let declaration = head[..<end.lowerBound]
        guard let name = declaration.range(of: "encoding") else { return true }
        let value = declaration[name.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            .prefix { $0 != "\"" && $0 != "'" && $0 != " " }
        return ["utf-8", "utf8"].contains(value.lowercased())
    }

    /// Forwards events to the handler and keeps what the parser itself does not report reliably.
    final class Watcher: NSObject, XMLParserDelegate {
        let handler: any XMLEventHandler
        var firstError: (code: Int, line: Int, column: Int)?
        var depth = 0
        var sawRoot = false
        var lastLine = 1
        var lastColumn = 1

        init(_ handler: any XMLEventHandler) {
            self.handler = handler
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            guard firstError == nil else { return }
            depth += 1
            sawRoot = true
            note(parser)
            handler.start(elementName, attributes: attributes, parser: parser)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard firstError == nil else { return }
            depth -= 1
            note(parser)
            handler.end(elementName, parser: parser)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard firstError == nil else { return }
            handler.characters(string, parser: parser)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard firstError == nil else { return }
            handler.characters(String(decoding: CDATABlock, as: UTF8.self), parser: parser)
        }

        /// Stops at the first error: in recovery mode libxml2 would go on and
        /// hand Foundation elements that trap it. (Stopping here is only safe
        /// for documents `parse` has checked start as UTF-8.)
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard firstError == nil, handler.abortError == nil else { return }
            firstError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber)
            parser.abortParsing()
        }

        private func note(_ parser: XMLParser) {
            lastLine = parser.lineNumber
            lastColumn = parser.columnNumber
        }
    }

    /// A sentence for the parser's error code. The codes are libxml2's
    /// `xmlParserErrors` numbers, which both Apple's and Linux's XMLParser
    /// report (Linux's `XMLParser.ErrorCode` cases are numbered differently,
    /// so the numbers are matched here); the parser's own descriptions on
    /// Linux are empty.
    static func reason(code: Int) -> String {
        switch code {
        case 3: return "the document does not start with XML"
        case 4: return "the document is empty"
        case 5: return "the document ends before its elements are closed"
        case 86: return "there is text after the document's last element"
        case 9: return "a character that XML does not allow (or bytes that are not UTF-8)"
        case 22, 23, 26: return "an '&' that does not start a known entity (write &amp; for an ampersand)"
        case 31, 32: return "the document's encoding is not supported"
        case 39, 40, 41: return "an attribute is not written as name=\"value\""
        case 68: return "a tag has no name"
        case 72, 73, 74, 77: return "a tag is not properly opened or closed with < and >"
        case 76: return "an end tag does not match the element it closes"
        case 81: return "the bytes are not in the document's declared encoding (UTF-8 unless it says otherwise)"
        case 85: return "elements are not properly nested or closed"
        default: return "the XML is not well formed (parser error \(code))"
        }
    }
}
