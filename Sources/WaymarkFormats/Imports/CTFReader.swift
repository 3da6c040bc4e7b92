public import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a school Common Transfer File (root `<CTfile>`) as a stream of
/// parser events, one pupil at a time, never building the document tree: a
/// whole-school CTF with assessments and attendance runs to tens of
/// megabytes.
///
/// From the header it takes the source school (LEA + Estab as the 7-digit
/// establishment number, and SchoolName); from each `CTFpupilData/Pupil` the
/// identity fields, address, NC year, ethnicity, SEN provision, looked-after
/// and free-school-meal status (element names per reference/nccis-notes.md
/// §9). UPN, Surname, Forename, DOB and Gender (or Sex) are required; a pupil
/// lacking one, or with a value that fails its check, is a problem naming
/// the pupil's position ("pupil 3, DOB: …").
public enum CTFReader {
    /// Reads a CTF. Malformed XML, a root other than `<CTfile>`, a file with no
    /// pupils or more than the row limit is an `ImportFileError`.
    public static func read(_ data: Data, limits: ImportLimits = .standard) throws(ImportFileError) -> ImportReading {
        guard !data.isEmpty else { throw .empty }
        let reader = CTFEventHandler(limits: limits)
        try XMLRun.parse(data, part: "CTF", handler: reader)
        guard reader.pupilCount > 0 else {
            throw .notCTF(reason: "it holds no pupils (no <Pupil> in <CTFpupilData>)")
        }
        let school = reader.sourceSchool
        var rows: [ImportRow] = []
        var problems: [ImportProblem] = []
        for (index, pupil) in reader.pupils.enumerated() {
            switch CTFPupilChecker.check(pupil, position: index + 1, school: school) {
            case .success(let row): rows.append(row)
            case .failure(let found): problems.append(contentsOf: found.problems)
            }
        }
        return ImportReading(
            kind: .ctf, rows: rows, problems: problems, rowsRead: reader.pupilCount,
            sourceSchool: school.isEmpty ? nil : school)
    }
}

/// Collects the header's source school and each pupil's leaf elements as the
/// parser reports them.
final class CTFEventHandler: XMLEventHandler {
    let limits: ImportLimits
    var abortError: ImportFileError?
    /// Each pupil's leaf elements as (path below Pupil, text), in file order.
    private(set) var pupils: [[(path: String, value: String)]] = []
    var pupilCount: Int { pupils.count }
    private var header: [String: String] = [:]
    private var stack: [String] = []
    private var text = ""
    /// Whether the element on top of the stack has child elements (then its text is layout, not a value).
    private var hasChildren = false
    private var pupilDepth: Int?

    init(limits: ImportLimits) {
        self.limits = limits
    }

    var sourceSchool: ImportEstablishment {
        let lea = header["LEA"] ?? ""
        let estab = header["Estab"] ?? ""
        let number = try? ImportValues.establishmentNumber(lea + estab)
        return ImportEstablishment(number: number, name: header["SchoolName"])
    }

    func start(_ elementName: String, attributes: [String: String], parser: XMLParser) {
        let name = localName(elementName)
        if stack.isEmpty, name != "CTfile" {
            stop(parser, .notCTF(reason: "the root element is <\(name)>; a CTF's is <CTfile>"))
            return
        }
        stack.append(name)
        text = ""
        hasChildren = false
        if name == "Pupil", stack.count == 3, stack[1] == "CTFpupilData" {
            guard pupils.count < limits.maxRows else {
                stop(parser, .tooManyRows(limit: limits.maxRows))
                return
            }
            pupils.append([])
            pupilDepth = stack.count
        }
    }

    func end(_ elementName: String, parser: XMLParser) {
        defer {
            stack.removeLast()
            // The parent has at least this child.
            hasChildren = true
            text = ""
        }
        let isLeaf = !hasChildren
        if let depth = pupilDepth {
            if stack.count == depth {
                pupilDepth = nil
            } else if isLeaf {
                let path = stack[depth...].joined(separator: "/")
                pupils[pupils.count - 1].append((path, text.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        } else if isLeaf, stack.count == 4, stack[1] == "Header", stack[2] == "SourceSchool" {
            header[stack[3]] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    func characters(_ string: String, parser: XMLParser) {
        text += string
        guard text.utf8.count > limits.maxCellCharacters, text.count > limits.maxCellCharacters else { return }
        let column = stack.dropFirst(pupilDepth ?? 1).joined(separator: "/")
        stop(
            parser,
            .cellTooLong(row: max(pupils.count, 1), column: column, characters: text.count, limit: limits.maxCellCharacters))
    }

    private func stop(_ parser: XMLParser, _ error: ImportFileError) {
        if abortError == nil { abortError = error }
        parser.abortParsing()
    }
}
