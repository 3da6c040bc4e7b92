public import Foundation
public import WaymarkCore
import WaymarkFormats
import WaymarkRecords

/// The diary page's appointments as a download: one row an appointment, in
/// the page's order, times in UK time as the page shows them. Someone outside
/// the viewer's records is a taken slot with no name or number, as on the
/// page. Audited as an export with everyone named.
extension DiaryDesk {
    static let columns = ["Date", "Time", "Record number", "Given name", "Family name", "Place", "Status"]

    public func export(of adviserID: Int64?, _ period: DiaryPeriod, format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        let diary = try await diary(of: adviserID, period, for: grant, at: now, auditAs: "export; format=\(format.rawValue); ")
        var rows: [[SpreadsheetCell]] = []
        for day in diary.days {
            for entry in day.entries {
                let appointment = entry.appointment
                let time = Timestamp.parse(appointment.startsAt).map(Self.clockTime) ?? ""
                let place = appointment.place.flatMap { $0.isEmpty ? nil : $0 }
                let status = NewAppointment.Status(rawValue: appointment.status).map(Self.label) ?? appointment.status
                if let person = entry.person {
                    rows.append([.date(day.date), .text(time), .integer(Int(person.id)), .text(person.givenName), .text(person.familyName), .textOrEmpty(place), .text(status)])
                } else {
                    rows.append([.date(day.date), .text(time), .empty, .text("A young person outside your records"), .empty, .textOrEmpty(place), .text(status)])
                }
            }
        }
        let table = SpreadsheetTable(title: "Diary from \(period.first.iso)", columns: Self.columns, rows: rows)
        return ExportDownload(table, format: format, fileStem: "diary-\(diary.adviser.id)-\(period.span.rawValue)-\(period.first.iso)")
    }

    /// "09:05": the UK clock time of an instant.
    static func clockTime(_ instant: Date) -> String {
        let parts = UKClock.calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    static func label(_ status: NewAppointment.Status) -> String {
        switch status {
        case .booked: "Booked"
        case .attended: "Attended"
        case .missed: "Missed"
        case .cancelled: "Cancelled"
        }
    }
}
