import Testing
import WaymarkMatching

@Suite struct LinkageInputTests {
    @Test func readsColumnsByNameInAnyOrder() throws {
        let records = try LinkageInput.records(
            header: ["Family_Name", "record_id", "dob", "notes"], rows: [["Smith", "r1", "2009-03-07", "x"], ["", "r2", "", "y"], ["Jones", "r3"]])
        #expect(records.count == 3)
        #expect(records[0] == LinkageRecord(recordID: "r1", familyName: "Smith", dateOfBirth: BirthDate(year: 2009, month: 3, day: 7)))
        #expect(records[1].familyName == nil && records[1].dateOfBirth == nil, "empty fields are missing")
        #expect(records[2].familyName == "Jones", "a short row leaves the rest missing")
    }

    @Test func missingRecordIDColumnIsAnError() {
        #expect(throws: LinkageInputError.self) { try LinkageInput.records(header: ["given_name"], rows: [["Sam"]]) }
        do {
            _ = try LinkageInput.records(header: ["given_name", "dob"], rows: [])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("record_id"))
        }
    }

    @Test func badDateNamesRowAndField() {
        do {
            _ = try LinkageInput.records(header: ["record_id", "dob"], rows: [["a", "2009-01-01"], ["b", "2009-13-01"]])
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "row 3, dob: '2009-13-01' is not a date YYYY-MM-DD")
        }
    }

    @Test func emptyAndRepeatedIDsAreErrors() {
        #expect(throws: LinkageInputError("row 2, record_id: empty")) { try LinkageInput.records(header: ["record_id"], rows: [[" "]]) }
        #expect(throws: LinkageInputError("row 3, record_id: 'a' is already used on row 2")) {
            try LinkageInput.records(header: ["record_id"], rows: [["a"], ["a"]])
        }
    }
}
