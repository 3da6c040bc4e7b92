public import Foundation
public import WaymarkCore
import WaymarkStore

extension CalendarDate {
    /// Today in the UK, where the service's users live.
    public static func today(from instant: Date) -> CalendarDate { ServiceDay.of(instant) }
}
