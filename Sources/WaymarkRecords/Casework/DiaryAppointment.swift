/// One appointment in an adviser's diary, with whom it is.
public struct DiaryAppointment: Sendable, Equatable {
    public let id: Int64
    public let personID: Int64
    public let startsAt: String
    public let place: String?
    public let status: String

    public init(id: Int64, personID: Int64, startsAt: String, place: String?, status: String) {
        self.id = id
        self.personID = personID
        self.startsAt = startsAt
        self.place = place
        self.status = status
    }
}
