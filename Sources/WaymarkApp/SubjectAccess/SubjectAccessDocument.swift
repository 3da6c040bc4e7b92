import Foundation
import WaymarkCore
import WaymarkStore

/// The pack's readable half: one self-contained HTML file (its styles
/// inline, nothing fetched) that a young person can open on any device.
/// Every value is escaped; columns keep their stored names, in words.
enum SubjectAccessDocument {
    static func html(_ pack: SubjectAccessPack) -> String {
        var out = """
            <!doctype html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Information held about \(XMLText.escaped(pack.name))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            <h1>Information held about \(XMLText.escaped(pack.name))</h1>
            <p>This is everything \(XMLText.escaped(pack.localAuthority))'s young people's service holds about you on its
            tracking system (record \(pack.personID)), as it stood at \(XMLText.escaped(time(pack.producedAt))). It was produced
            by \(XMLText.escaped(pack.producedBy)) in answer to a subject access request. Each entry says where it came from
            (its source), who recorded it and when; old entries are kept as history and are listed too.
            The file <code>subject-access-\(pack.personID).json</code> beside this one holds the same information for computers.</p>
            <nav aria-label="Contents"><h2>Contents</h2><ol>
            <li><a href="#record">Your record</a></li>

            """
        for section in pack.sections {
            out += "<li><a href=\"#\(section.key)\">\(XMLText.escaped(section.title))</a> (\(section.rows.count))</li>\n"
        }
        out += """
            <li><a href="#views">Who has looked at your record</a> (\(pack.views.count))</li>
            <li><a href="#history">Everything recorded about the record's use</a> (\(pack.history.count))</li>
            </ol></nav>
            <section id="record"><h2>Your record</h2>
            <table><thead><tr><th scope="col">Item</th><th scope="col">Held</th></tr></thead><tbody>

            """
        for key in pack.record.values.keys.sorted() where key != "id" {
            out += "<tr><th scope=\"row\">\(XMLText.escaped(heading(key)))</th><td>\(cell(pack.record, key))</td></tr>\n"
        }
        out += "</tbody></table></section>\n"
        for section in pack.sections {
            out += "<section id=\"\(section.key)\"><h2>\(XMLText.escaped(section.title))</h2>\n<p>\(XMLText.escaped(section.explanation))</p>\n"
            guard let first = section.rows.first else {
                out += "<p class=\"none\">None held.</p></section>\n"
                continue
            }
            let columns = first.values.keys.filter { $0 != "person_id" }.sorted { order($0) < order($1) }
            out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(XMLText.escaped(section.title)) (scrolls sideways)\"><table><thead><tr>" + columns.map { "<th scope=\"col\">\(XMLText.escaped(heading($0)))</th>" }.joined() + "</tr></thead><tbody>\n"
            for row in section.rows {
                out += "<tr>" + columns.map { "<td>\(cell(row, $0))</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody></table></div></section>\n"
        }
        out += events("views", "Who has looked at your record", "Each time a member of staff (or you, on your own page) opened your record or a list that showed you.", pack.views)
        out += events("history", "Everything recorded about the record's use", "The audit trail: every view, change, export and share of your record, oldest first.", pack.history)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private static func events(_ id: String, _ title: String, _ explanation: String, _ events: [SubjectAccessPack.Event]) -> String {
        var out = "<section id=\"\(id)\"><h2>\(XMLText.escaped(title))</h2>\n<p>\(XMLText.escaped(explanation))</p>\n"
        guard !events.isEmpty else { return out + "<p class=\"none\">None recorded.</p></section>\n" }
        out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(XMLText.escaped(title)) (scrolls sideways)\"><table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">Detail</th></tr></thead><tbody>\n"
        for event in events {
            let who = event.who + (event.role.map { " (\($0))" } ?? "")
            let what = describe(event)
            out += "<tr><td>\(XMLText.escaped(time(event.occurredAt)))</td><td>\(XMLText.escaped(who))</td><td>\(XMLText.escaped(what))</td><td>\(XMLText.escaped(event.detail ?? ""))</td></tr>\n"
        }
        return out + "</tbody></table></div></section>\n"
    }

    /// "Looked at the record", "Added activity 3".
    static func describe(_ event: SubjectAccessPack.Event) -> String {
        let verb = switch event.action {
        case "view": "Looked at"
        case "create": "Added"
        case "update": "Changed"
        case "export": "Exported"
        case "merge": "Merged"
        case "break-glass": "Opened restricted information:"
        case "sign-in-failed": "Wrong date of birth given for"
        case "import": "Imported"
        case "bulk-load": "Loaded"
        default: event.action
        }
        let thing = event.entity == "young_person" ? "the record" : event.entity.replacingOccurrences(of: "_", with: " ") + (event.entityID.map { " \($0)" } ?? "")
        return "\(verb) \(thing)"
    }

    private static func cell(_ row: SubjectAccessPack.Row, _ key: String) -> String {
        let value = XMLText.escaped(row.values[key]?.display ?? "")
        guard let meaning = row.meanings[key] else { return value }
        return value.isEmpty ? XMLText.escaped(meaning) : "\(value) <span class=\"meaning\">(\(XMLText.escaped(meaning)))</span>"
    }

    /// Ids first, provenance last, the rest alphabetically.
    private static func order(_ column: String) -> String {
        switch column {
        case "id": "0"
        case "source": "9a"
        case "recorded_by": "9b"
        case "recorded_at": "9c"
        default: "5" + column
        }
    }

    static func heading(_ column: String) -> String {
        let words = column.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }


    static func time(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        formatter.dateFormat = "d MMMM yyyy, HH:mm"
        return formatter.string(from: instant)
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;line-height:1.5;color:#0b0c0c;margin:0;background:#fff}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        h1{font-size:1.75rem;margin:.5rem 0 1rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-top:2px solid #b1b4b6;padding-top:1rem}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #b1b4b6}
        thead th{background:#f3f2f1}.scroll{overflow-x:auto}.meaning{color:#505a5f}.none{color:#505a5f}
        a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}code{font-size:.9em}
        @media print{.scroll{overflow:visible}a{color:#0b0c0c}}
        """
}
