import Foundation
import Testing
import WaymarkFormats
import ZIPFoundation

/// Inputs the fuzzer found that took the process down (scripts/fuzz). Each is
/// now a clear refusal; their bytes are also seeds in Fuzz/*/corpus.
@Suite struct FuzzFoundFilesTests {
    typealias T = ImportTestSupport

    /// libxml2 read through a null pointer when the parse was stopped from inside its error callback, after guessing UCS-4.
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

    /// The same crash from libxml2 guessing EBCDIC from the first four bytes.
    @Test func aDocumentThatDoesNotStartAsUTF8IsRefusedBeforeParsing() {
        let error = T.fileError { () throws(ImportFileError) in try CTFReader.read(Data([0x4C, 0x6F, 0xA7, 0x94, 0x77])) }
        #expect(error == .malformedXML(part: "CTF", line: 1, column: 1, reason: "the document does not start as UTF-8 XML (save it as UTF-8)"))
    }

    /// And from an XML declaration naming another encoding.
    @Test func aDeclaredEncodingOtherThanUTF8IsRefused() {
        for declared in ["UTF-7", "UCS-4", "EBCDIC"] {
            let text = #"<?xml version="1.0" encoding="\#(declared)"?><CTfile/>"#
            let error = T.fileError { () throws(ImportFileError) in try CTFReader.read(Data(text.utf8)) }
            #expect(error == .malformedXML(part: "CTF", line: 1, column: 1, reason: "the document does not start as UTF-8 XML (save it as UTF-8)"))
        }
        let utf8 = T.fileError { () throws(ImportFileError) in try CTFReader.read(Data(#"<?xml version='1.0' encoding='utf-8'?><CTfile/>"#.utf8)) }
        #expect(utf8 == .notCTF(reason: "it holds no pupils (no <Pupil> in <CTFpupilData>)"))
    }

    /// Foundation's XMLParser passed a processing instruction's missing data to strlen.
    @Test func aProcessingInstructionWithNothingInItIsRefused() throws {
        let error = T.fileError { () throws(ImportFileError) in try CTFReader.read(Data("<CTfile>\n  <?x?></CTfile>".utf8)) }
        #expect(error == .malformedXML(part: "CTF", line: 2, column: 3, reason: "a processing instruction with nothing in it (<?name?>) is not accepted"))
        let sheet = try XLSXWriter.zip([("xl/worksheets/sheet1.xml", "<?xAo.0?><worksheet/>")])
        let sheetError = T.fileError { () throws(ImportFileError) in try ImportReader.xlsx(sheet, kind: .dwpClaimants) }
        #expect(sheetError?.description == "xl/worksheets/sheet1.xml: line 1, column 1: a processing instruction with nothing in it (<?name?>) is not accepted")
        let withData = T.fileError { () throws(ImportFileError) in try CTFReader.read(Data("<CTfile><?x ?><?y data?></CTfile>".utf8)) }
        #expect(withData == .notCTF(reason: "it holds no pupils (no <Pupil> in <CTFpupilData>)"))
    }

    /// ZIPFoundation's extract asked for input past the end of a deflate stream that never ended, for ever.
    @Test func aDeflateStreamThatNeverEndsIsADamagedArchive() throws {
        let error = T.fileError { () throws(ImportFileError) in
            try ImportReader.xlsx(try! T.fixture("zip-deflate-never-ends.xlsx"), kind: .collegeLeavers)
        }
        guard case .notXLSX(let reason) = error else {
            Issue.record("expected notXLSX, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("cannot be unzipped") || reason.contains("outside the file"))
    }

    /// Entries stored without compression are copied, not inflated.
    @Test func aStoredWorkbookStillReads() throws {
        let sheet = #"<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Surname</t></is></c><c t="inlineStr"><is><t>Forename</t></is></c>"#
            + #"<c t="inlineStr"><is><t>DOB</t></is></c><c t="inlineStr"><is><t>Claim date</t></is></c></row><row r="2">"#
            + #"<c t="inlineStr"><is><t>Ravensworth</t></is></c><c t="inlineStr"><is><t>Ellis</t></is></c><c><v>39557</v></c><c><v>44866</v></c></row>"#
            + "</sheetData></worksheet>"
        let archive = try Archive(data: Data(), accessMode: .create)
        let bytes = Data(sheet.utf8)
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .none,
            provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        let reading = try ImportReader.xlsx(try #require(archive.data), kind: .dwpClaimants)
        #expect(reading.rows.map(\.identity.familyName) == ["Ravensworth"])
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
