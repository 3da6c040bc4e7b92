import Testing
import WaymarkCore
@testable import WaymarkFormats

/// The ONS Postcode Directory's CSV, and lookups that are wrong in each way
/// the reader names: the row, the field and the rule.
@Suite struct PostcodeWardReaderTests {
    static let header = "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype"

    static func problem(_ text: String, wardColumn: String? = nil) -> GeographyProblem? {
        do {
            _ = try PostcodeWardReader.read(Array(text.utf8), wardColumn: wardColumn)
            return nil
        } catch {
            return error.problems.first
        }
    }

    @Test func readsTheDirectoryWithPostcodesNormalisedAndPseudoWardsCounted() throws {
        let file = """
            \(Self.header)\r
            "LS6 2AB","LS6  2AB","LS6 2AB","198001","","E99999999","E99999999","E08000035","E05011234","E43000161","0"\r
            "LS6 2AD","LS6  2AD","ls6 2ad","198001","202012","E99999999","E99999999","E08000035","E05011234","E43000161","0"\r
            "GY1 1AA","GY1  1AA","GY1 1AA","198001","","L99999999","L99999999","L99999999","L99999999","","0"\r
            "LS1 1BA","LS1  1BA","LS1 1BA","198001","","E99999999","E99999999","E08000035","E05011235","E43000161","1"\r
            "LS1 1BA","LS1  1BA","LS1 1BA","198001","","E99999999","E99999999","E08000035","E05011235","E43000161","1"\r

            """
        let reading = try PostcodeWardReader.read(Array(file.utf8))
        #expect(reading.entries == [
            PostcodeWard(postcode: "LS6 2AB", wardCode: "E05011234"), PostcodeWard(postcode: "LS6 2AD", wardCode: "E05011234"),
            PostcodeWard(postcode: "LS1 1BA", wardCode: "E05011235"),
        ])
        #expect(reading.rowsRead == 5 && reading.withoutWard == 1)
    }

    @Test func aWardColumnNamedLikeTheLookupsOrGivenIsUsed() throws {
        #expect(try PostcodeWardReader.read(Array("PCDS,WD24CD,WD24NM\nNM1 2AB,E05900001,Castle\n".utf8)).entries == [PostcodeWard(postcode: "NM1 2AB", wardCode: "E05900001")])
        #expect(try PostcodeWardReader.read(Array("postcode,ward_code\nNM1 2AB,E05900001\n".utf8), wardColumn: "ward_code").entries.count == 1)
    }

    @Test func badFilesNameTheRowFieldAndRule() throws {
        let cases: [(String, String?, String, String, String)] = [
            ("\(Self.header)\nNM1,NM1,NM1 2,x,,,,,E05011234,,0\n", nil, "row 2", "pcds", "postcode"),
            ("\(Self.header)\nNM1 2AB,,NM1 2AB,,,,,,E0501,,0\n", nil, "row 2", "osward", "ward-code"),
            ("\(Self.header)\nNM1 2AB,,NM1 2AB,,,,,,E05000001,,0\nNM1 2AB,,NM1 2AB,,,,,,E05000002,,0\n", nil, "row 3", "pcds", "postcode-once"),
            ("\(Self.header)\nNM1 2AB,,NM1 2AB\n", nil, "row 2", "row", "columns"),
            ("name,ward\nx,y\n", nil, "row 1", "header", "postcode-column"),
            ("pcds,wd23cd,wd24cd\n", nil, "row 1", "header", "ward-column"),
            ("pcds,osward\n", "wd24cd", "row 1", "header", "ward-column"),
            ("", nil, "row 1", "header", "header"),
            ("pcds,osward\n\"NM1 2AB,E05000001\n", nil, "row 2", "CSV", "csv"),
        ]
        for (text, column, location, field, rule) in cases {
            let problem = try #require(Self.problem(text, wardColumn: column), "\(location) \(rule) was not refused")
            #expect(problem.location == location, "\(problem)")
            #expect(problem.field == field, "\(problem)")
            #expect(problem.rule == rule, "\(problem)")
        }
    }

    @Test func sectorsAreTheOutwardCodeAndTheInwardDigit() {
        #expect(PostcodeParts.sector(of: "ls6 2ab") == "LS6 2")
        #expect(PostcodeParts.sector(of: "NM10 9ZZ") == "NM10 9")
        #expect(PostcodeParts.sector(of: "NM1") == nil)
        #expect(PostcodeParts.normalisedSector(" ls6   2 ") == "LS6 2")
        #expect(PostcodeParts.normalisedSector("LS6 2AB") == nil)
    }
}
