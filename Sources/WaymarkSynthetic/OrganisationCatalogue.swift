import WaymarkCore

/// The authority's schools, colleges, providers and agencies, plus a few
/// neighbouring-authority schools and colleges for those educated out of area.
struct OrganisationCatalogue: Sendable {
    let all: [SyntheticOrganisation]
    let schools: [Int]
    let specialSchools: [Int]
    let sixthFormColleges: [Int]
    let furtherEducationColleges: [Int]
    let trainingProviders: [Int]
    let outOfAreaColleges: [Int]

    init(laCode: String, laName: String) {
        var list: [SyntheticOrganisation] = []
        func add(_ kind: OrganisationKind, _ name: String, la: String, estab: Int? = nil, ukprn: Int? = nil, phase: String? = nil) -> Int {
            let key = list.count + 1
            list.append(SyntheticOrganisation(
                key: key, kind: kind, name: name, laCode: la, establishmentNumber: estab.map { "\(la)\($0)" }, ukprn: ukprn.map(String.init), phase: phase))
            return key
        }
        _ = add(.localAuthority, "\(laName) Council", la: laCode)
        let schoolNames = [
            "Northmere Grammar School", "Castle Hill Academy", "St Aidan's Church of England Academy", "Riverside Community School",
            "Kelstow High School", "Ashby Fold Community College", "Wetherby Marsh School", "Fenwick Academy", "Saltcote High School",
            "Millbrook Park School", "Harbour Academy", "Moorside School", "Greystones Academy", "St Mary's Catholic High School",
        ]
        schools = schoolNames.enumerated().map { index, name in
            add(.school, name, la: laCode, estab: (index.isMultiple(of: 3) ? 4000 : 5400) + index * 7, ukprn: 10_030_000 + index * 13, phase: "secondary")
        }
        specialSchools = [
            add(.specialSchool, "Brackenridge School", la: laCode, estab: 7001, ukprn: 10_031_500, phase: "special"),
            add(.specialSchool, "Oakfield Specialist College", la: laCode, estab: 7012, ukprn: 10_031_517, phase: "special"),
        ]
        sixthFormColleges = [
            add(.sixthFormCollege, "Northmere Sixth Form College", la: laCode, estab: 8600, ukprn: 10_004_721, phase: "16 plus"),
            add(.sixthFormCollege, "Kelstow Sixth Form College", la: laCode, estab: 8601, ukprn: 10_004_733, phase: "16 plus"),
        ]
        furtherEducationColleges = [
            add(.furtherEducationCollege, "Northmere College", la: laCode, estab: 8610, ukprn: 10_004_810, phase: "16 plus"),
            add(.furtherEducationCollege, "Saltcote and Fenwick College", la: laCode, estab: 8611, ukprn: 10_004_827, phase: "16 plus"),
        ]
        trainingProviders = [
            "Marshside Training Ltd", "Northmere Construction Skills", "Harbour Hair and Beauty Academy", "Kelstow Motor Vehicle Training",
            "Ashby Care Academy", "Fenwick Engineering Apprenticeships", "Castle Digital Skills", "Youth Works Northmere",
        ].enumerated().map { index, name in add(.trainingProvider, name, la: laCode, ukprn: 10_050_000 + index * 101) }
        _ = add(.youthJustice, "\(laName) Youth Justice Service", la: laCode)
        _ = add(.leavingCare, "\(laName) Leaving Care Team", la: laCode)
        _ = add(.housing, "\(laName) Housing Options", la: laCode)
        outOfAreaColleges = PlaceTables.neighbours.enumerated().map { index, neighbour in
            add(.furtherEducationCollege, "\(neighbour.name) College of Further Education", la: neighbour.code, estab: 8620 + index, ukprn: 10_006_000 + index * 17, phase: "16 plus")
        }
        all = list
    }

    func organisation(_ key: Int) -> SyntheticOrganisation { all[key - 1] }
}
