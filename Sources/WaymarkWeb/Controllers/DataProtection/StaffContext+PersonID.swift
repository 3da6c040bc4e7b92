import Hummingbird
import WaymarkApp

extension StaffContext {
    /// The `:id` of a record route; anything but a number is the same 404 as an unknown id.
    func personID() throws -> Int64 {
        guard let id = parameters.get("id", as: Int64.self) else {
            throw Refusal.notFound("There is no young person with that id in the records you can see.")
        }
        return id
    }
}
