import Foundation
import RespectModel
import Testing

/// CSV as spreadsheet programs export it.
@Suite("CSV reader")
struct CSVReaderTests {
    private func read(_ text: String) throws -> CSVTable {
        try CSVTable(bytes: Array(text.utf8), file: "register.csv")
    }

    @Test("a UTF-8 byte-order mark is not part of the first cell")
    func byteOrderMark() throws {
        let table = try read("\u{FEFF}id,type\r\na,b\r\n")
        #expect(table.records.map(\.cells) == [["id", "type"], ["a", "b"]])
    }

    @Test("comma, semicolon and tab separated files are told apart, also when the first row is a title alone",
          arguments: [(",", Character(",")), (";", ";"), ("\t", "\t")])
    func separators(separator: String, expected: Character) throws {
        let text = ["Services", "service type\(separator)risk levels", "disruption\(separator)\"standard, high\"", "early-intervention\(separator)medium"]
            .joined(separator: "\r\n")
        let table = try read(text)
        #expect(table.separator == expected)
        #expect(table.records[2].cells == ["disruption", "standard, high"])
    }

    @Test("a first line sep=; names the separator and is not a record")
    func declaredSeparator() throws {
        let table = try read("sep=;\nid;title\na;\"b, c\"\n")
        #expect(table.separator == ";")
        #expect(table.records.map(\.cells) == [["id", "title"], ["a", "b, c"]])
        #expect(table.records.map(\.row) == [2, 3])
    }

    @Test("quoted cells keep separators, doubled quotes and line breaks; rows are counted as a spreadsheet counts them")
    func quotedCells() throws {
        let table = try read("id,title,notes\r\na,\"Policy, v2 \"\"final\"\"\",\"line one\r\nline two\"\r\nb,plain,\n")
        #expect(table.records.map(\.cells) == [["id", "title", "notes"], ["a", "Policy, v2 \"final\"", "line one\r\nline two"], ["b", "plain", ""]])
        #expect(table.records.map(\.row) == [1, 2, 3])
    }

    @Test("LF, CRLF and CR line ends are all one record end")
    func lineEnds() throws {
        #expect(try read("a,b\nc,d\n").records.count == 2)
        #expect(try read("a,b\r\nc,d\r\n").records.count == 2)
        #expect(try read("a,b\rc,d\r").records.count == 2)
    }

    @Test("bytes that are not UTF-8 are refused at their line, with what to do")
    func notUTF8() throws {
        var bytes = Array("id,title\na,Caf".utf8) + [0xE9] + Array("\n".utf8)  // "Café" in Windows-1252
        #expect(throws: CSVReadError.notUTF8(file: "register.csv", line: 2, byte: 0xE9)) { try CSVTable(bytes: bytes, file: "register.csv") }
        bytes = [0xFF, 0xFE] + Array("i\0d\0".utf8)
        #expect(throws: CSVReadError.utf16(file: "register.csv")) { try CSVTable(bytes: bytes, file: "register.csv") }
        #expect(CSVReadError.notUTF8(file: "r.csv", line: 2, byte: 0xE9).description.contains("save it as \"CSV UTF-8\""))
    }

    @Test("a quote that is never closed is refused at the row it opens")
    func unclosedQuote() throws {
        #expect(throws: CSVReadError.unclosedQuote(file: "register.csv", row: 2)) { try read("id,title\na,\"never closed\nb,c\n") }
    }

    @Test("what CSVWriter writes, CSVTable reads back cell for cell")
    func writerRoundTrip() throws {
        let rows = [["id", "title"], ["a", "Smith & Jones, \"quoted\"\nsecond line"], ["=1+1", "-5"], ["", "é ü 中"]]
        let table = try read(rows.map(CSVWriter.record).joined())
        #expect(table.records.map(\.cells) == [["id", "title"], ["a", "Smith & Jones, \"quoted\"\nsecond line"], ["'=1+1", "'-5"], ["", "é ü 中"]])
    }
}
