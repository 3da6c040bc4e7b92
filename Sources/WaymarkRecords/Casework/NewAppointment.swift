public import Foundation

/// A meeting booked with a young person.
public struct NewAppointment: Sendable, Equatable {
    public enum Status: String, CaseIterable, Sendable { case booked, attended, missed, cancelled }

    public var startsAt: Date
    public var place: String?
    public var userID: Int64
    public var status: Status

    public init(startsAt: Date, place: String?, userID: Int64, status: Status = .booked) {
        self.startsAt = startsAt
        self.place = place
        self.userID = userID
        self.status = status
    }
}
