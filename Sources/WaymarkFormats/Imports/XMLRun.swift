import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A SAX delegate that can stop the parse with a file error of its own (a
/// row limit reached, a root element that is not a CTF).
protocol ImportXMLDelegate: XMLParserDelegate {
    var abortError: ImportFileError? { get }
}

/// Runs XMLParser over one document, event by event (no tree is built), and
/// turns a parse failure into "part: line N, column M: reason".
enum XMLRun {
    static func parse(_ data: Data, part: String, delegate: some ImportXMLDelegate) throws(ImportFileError) {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        // External entities could read local files or the network (XXE); never resolve them.
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let abort = delegate.abortError { throw abort }
        guard ok else {
            throw .malformedXML(
                part: part, line: parser.lineNumber, column: parser.columnNumber,
                reason: reason(parser.parserError, empty: data.isEmpty))
        }
    }

    /// A sentence for the parser's error code; XMLParser's own descriptions
    /// on Linux are not meant for people.
    static func reason(_ error: (any Error)?, empty: Bool) -> String {
        if empty { return "the document is empty" }
        guard let error = error as NSError? else { return "the XML is not well formed" }
        switch XMLParser.ErrorCode(rawValue: error.code) {
        case .emptyDocumentError?: return "the document is empty"
        case .prematureDocumentEndError?: return "the document ends before its elements are closed"
        case .tagNameMismatchError?: return "an end tag does not match the element it closes"
        case .notWellBalancedError?: return "elements are not properly nested or closed"
        case .invalidCharacterError?: return "a character that XML does not allow"
        case .ltRequiredError?, .gtRequiredError?: return "a tag is not properly opened or closed with < and >"
        case .attributeNotStartedError?, .attributeNotFinishedError?:
            return "an attribute is not written as name=\"value\""
        case .entityRefAtEOFError?, .entityRefLoopError?, .undeclaredEntityError?, .entityReferenceMissingSemiError?,
            .entityReferenceWithoutNameError?:
            return "an '&' that does not start a known entity (write &amp; for an ampersand)"
        case .unknownEncodingError?, .encodingNotSupportedError?:
            return "the document's encoding is not supported"
        case .invalidEncodingError?, .invalidEncodingNameError?:
            return "the bytes are not in the document's declared encoding (UTF-8 unless it says otherwise)"
        case .documentStartError?: return "the document does not start with XML"
        case .delegateAbortedParseError?: return "reading was stopped"
        default: return "the XML is not well formed (parser error \(error.code))"
        }
    }
}
