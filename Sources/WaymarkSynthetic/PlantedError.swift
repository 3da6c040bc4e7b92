import WaymarkCore

/// Deliberate breaches of national rules, so a demo return has errors for the
/// data manager's readiness page to find.
enum PlantedError {
    /// Breaks one rule on the activity and names it; nil when the activity has no rule of that kind to break.
    static func apply(to activity: ActivityRecord, random: inout SeededGenerator) -> (ActivityRecord, String?) {
        var broken = activity
        if activity.code.requiresPredictedEndDate, random.chance(0.5) {
            broken.predictedEndDate = nil
            return (broken, "NCCIS 259")
        }
        if activity.code.requiresNEETStartDate {
            broken.neetStartDate = activity.startDate.adding(days: 10)
            return (broken, "NCCIS 225")
        }
        broken.dateAscertained = activity.startDate.adding(days: -20)
        broken.dateVerified = nil
        return (broken, "NCCIS 242")
    }
}
