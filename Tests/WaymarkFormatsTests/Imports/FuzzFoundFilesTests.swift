import Foundation
import Testing
import WaymarkFormats

/// Inputs the fuzzer found that took the process down (scripts/fuzz). Each is
/// now a clear refusal; their bytes are also seeds in Fuzz/*/corpus.
@Suite struct FuzzFoundFilesTests {
    typealias T = ImportTestSupport

    /// libxml2 read through a null pointer when the parse was stopped from inside its error callback.
    @Test func nulBytesBeforeTheRootOfACTFAreMalformedXML() {
        let error = T.fileError { () throws(ImportFileError) in try CTFReader.read(Data("\0\0\0<CTfile><Header/></CTfile>".utf8)) }
        guard case .malformedXML(let part, let line, _, _) = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(part == "CTF" && line == 1)
    }

    @Test func nulBytesBeforeTheRootOfASheetAreMalformedXML() throws {
        let data = try XLSXWriter.zip([("xl/worksheets/sheet1.xml", "\0\0\0<worksheet><sheetData/></worksheet>")])
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.xlsx(data, kind: .dwpClaimants) }
        guard case .malformedXML(let part, _, _, _) = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
    }

    /// ZIPFoundation's in-memory archive trapped on a central directory entry pointing past the end of the data.
    @Test func aZipEntryPointingPastTheEndIsADamagedArchive() throws {
        let error = T.fileError { () throws(ImportFileError) in
            try ImportReader.xlsx(try! T.fixture("zip-entry-past-the-end.xlsx"), kind: .collegeLeavers)
        }
        guard case .notXLSX = error else {
            Issue.record("expected notXLSX, got \(String(describing: error))")
            return
        }
    }
}
