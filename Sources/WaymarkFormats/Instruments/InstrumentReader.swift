public import Foundation
public import WaymarkCore

/// Reads an assessment instrument from its JSON definition and checks it,
/// so a file an LA loads is refused with every problem named by field and
/// rule (`scale[2].descriptor: must be given…`), never half-loaded.
public enum InstrumentReader {
    /// Larger than any sensible instrument; a bigger file is not one.
    public static let maximumBytes = 256 * 1024

    public static func read(_ data: Data) -> Result<Instrument, InstrumentReadError> {
        guard data.count <= maximumBytes else {
            return .failure(InstrumentReadError(problems: [InstrumentProblem(field: "file", rule: "must be at most \(maximumBytes / 1024) KB")]))
        }
        let instrument: Instrument
        do {
            instrument = try JSONDecoder().decode(Instrument.self, from: data)
        } catch let error as DecodingError {
            return .failure(InstrumentReadError(problems: [problem(error)]))
        } catch {
            return .failure(InstrumentReadError(problems: [InstrumentProblem(field: "file", rule: "is not JSON")]))
        }
        let problems = instrument.problems
        return problems.isEmpty ? .success(instrument) : .failure(InstrumentReadError(problems: problems))
    }

    static func problem(_ error: DecodingError) -> InstrumentProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return InstrumentProblem(field: path(context.codingPath + [key]), rule: "is missing")
        case .typeMismatch(let type, let context):
            return InstrumentProblem(field: path(context.codingPath), rule: "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return InstrumentProblem(field: path(context.codingPath), rule: "must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            return InstrumentProblem(field: context.codingPath.isEmpty ? "file" : path(context.codingPath), rule: "is not valid JSON")
        @unknown default:
            return InstrumentProblem(field: "file", rule: "could not be read")
        }
    }

    /// `groups[1].areas[0].key`, as a person reading the JSON would find it.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "file" : text
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}

/// An instrument that could not be loaded, with every reason.
public struct InstrumentReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [InstrumentProblem]

    public init(problems: [InstrumentProblem]) {
        self.problems = problems
    }

    public var description: String {
        "The instrument was not loaded:\n" + problems.map { "  \($0.field): \($0.rule)" }.joined(separator: "\n")
    }
}
