import WaymarkCore
import WaymarkStore

/// Removes from a person what a set of visible classes does not cover.
/// Identity is never withheld from someone who may open the record at all.
enum RecordRedaction {
    static func withholding(_ person: PersonBundle, showing visible: Set<SensitivityClass>, current: ActivityRecord?) -> PersonBundle {
        var shown = person
        if !visible.contains(.contact) { shown.addresses = [] }
        if !visible.contains(.educationAndActivity) {
            // The category of what they do now may still show; the history may not.
            shown.activities = visible.contains(.currentActivity) ? [current].compactMap { $0 } : []
            shown.intendedDestinations = []
            shown.guarantees = []
        }
        if !visible.contains(.sendAndHealth) { shown.needs = [] }
        shown.characteristics = person.characteristics.filter { visible.contains($0.code.sensitivityClass) }
        return shown
    }
}
