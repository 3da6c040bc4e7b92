public import WaymarkCore

/// A pupil or student as a school's or college's portal reads them: who they
/// are, when their stay ended (nil while it lasts) and their stored
/// participation position's current activity, from which the category is
/// worked out. Nothing here is shown before the sharing rules have been asked.
public struct PortalPupil: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let givenName: String
    public let familyName: String
    public let leftOn: CalendarDate?
    public let activityCode: ActivityCode?
    public let lapsesOn: CalendarDate?
    public let academicAge: Int?

    public init(id: Int64, givenName: String, familyName: String, leftOn: CalendarDate?, activityCode: ActivityCode?, lapsesOn: CalendarDate?,
        academicAge: Int?) {
        self.id = id
        self.givenName = givenName
        self.familyName = familyName
        self.leftOn = leftOn
        self.activityCode = activityCode
        self.lapsesOn = lapsesOn
        self.academicAge = academicAge
    }
}

/// Where a young person's current activity is: the provider and the exact
/// activity, which go to a school only with consent.
public struct PortalPlacement: Sendable, Equatable {
    public let code: ActivityCode
    public let provider: String?
    public let startDate: CalendarDate

    public init(code: ActivityCode, provider: String?, startDate: CalendarDate) {
        self.code = code
        self.provider = provider
        self.startDate = startDate
    }
}
