import Foundation
import RespectTestSupport
import Testing

/// Tenders through the pages: creating one from XML or from the form, providers bidding with
/// submitted versions, and the comparison with unsafe bids first and every reason's clause.
@Suite("Commissioner pages")
struct CommissionerPageTests {
    static let tender = TestSupport.examplesDirectory + "/tender/tender-lot1.xml"
    static let bids = TestSupport.examplesDirectory + "/tender/bids/"

    static func commissioner(_ server: TestServer) async throws -> PageSession {
        try await server.user("procurement@westmere.example", .commissioner, organisation: "WBC0001", name: "Westmere Borough Council")
        return try await PageSession.signIn(server, "procurement@westmere.example")
    }

    /// A provider of the bid file's organisation imports and submits it, then bids with it.
    static func bid(_ server: TestServer, tender: String, file: String, organisation: String, email: String) async throws {
        let provider = try await PageFixtures.provider(server, email, organisation: organisation)
        let path = try await PageFixtures.importFile(provider, bids + file, title: file)
        #expect(try await provider.post(path + "/versions/1/submit", []).status == 303)
        let page = try await provider.get(tender)
        #expect(page.text.contains("Offer a submitted version"))
        let placed = try await provider.post(tender + "/bids", [("version", "\(PageFixtures.id(path)):1")])
        #expect(placed.status == 303, "\(placed.text.prefix(300))")
    }

    @Test("a tender uploaded as XML compares three bids with the unsafe one first and each reason citing its clause")
    func comparisonPutsUnsafeFirst() async throws {
        try await TestServer.run { server in
            let commissioner = try await Self.commissioner(server)
            let created = try await commissioner.postMultipart("/tenders", [], files: [
                .init(field: "file", fileName: "tender-lot1.xml", mediaType: "application/xml", bytes: PageFixtures.bytes(Self.tender)),
            ])
            #expect(created.status == 303)
            let tender = try #require(created.headers["location"])
            try await Self.bid(server, tender: tender, file: "a-northgate-achieved.xml", organisation: "1190001", email: "a@northgate.example")
            try await Self.bid(server, tender: tender, file: "b-harrowby-24-weeks.xml", organisation: "1190005", email: "b@harrowby.example")
            try await Self.bid(server, tender: tender, file: "d-eastfield-unsafe.xml", organisation: "1190003", email: "d@eastfield.example")
            let page = try await commissioner.get(tender)
            #expect(page.status == 200)
            let html = page.text
            #expect(html.contains("Unsafe bids (1)"))
            let rows = html.components(separatedBy: "<tr id=\"bid-").dropFirst()
            #expect(rows.count == 3)
            #expect(rows.first?.contains("unsafe, not compliant") == true, "the unsafe bid is the first row")
            #expect(rows.dropFirst().first?.contains(">1</td>") == true, "then the compliant bid ranked 1")
            #expect(html.contains("(clause 4.2"), "the 26-week threshold cites its clause")
            let csv = try await commissioner.get(tender + "/comparison.csv")
            #expect(csv.status == 200 && csv.headers["content-type"]?.hasPrefix("text/csv") == true)
            let report = try await commissioner.get(tender + "/comparison.html")
            #expect(report.status == 200 && report.text.contains("Unsafe"))
        }
    }

    @Test("a tender made from the form is read like an uploaded one; a form with mistakes comes back filled")
    func tenderFromTheForm() async throws {
        try await TestServer.run { server in
            let commissioner = try await Self.commissioner(server)
            let wrong = try await commissioner.postMultipart("/tenders", [
                ("framework", "respect-standard@2017"), ("reference", "WBC/2027/001 & <Lot 2>"), ("title", "Lot 2"),
                ("deadline", "2027-13-01"), ("accept", "achieved"),
            ], files: [])
            #expect(wrong.status == 422)
            #expect(wrong.text.contains("value=\"WBC/2027/001 &amp; &lt;Lot 2&gt;\"") && wrong.text.contains("id=\"deadline-error\""))
            let created = try await commissioner.postMultipart("/tenders", [
                ("framework", "respect-standard@2017"), ("reference", "WBC/2027/001 & <Lot 2>"), ("title", "Lot 2: one-to-one work"),
                ("deadline", "2027-01-15"), ("contractStart", "2027-04-01"), ("accept", "achieved"), ("accept", "working-towards"),
                ("service", "one-to-one-behaviour-change"), ("thresholdFact", "programme-duration-weeks"), ("thresholdValue", "26"),
                ("actionsByContractStart", "true"),
            ], files: [])
            #expect(created.status == 303, "\(created.text.prefix(800))")
            let page = try await commissioner.get(try #require(created.headers["location"]))
            #expect(page.text.contains("WBC/2027/001 &amp; &lt;Lot 2&gt;"))
            #expect(page.text.contains("must be at least 26 weeks"))
        }
    }

    @Test("another commissioner's tender answers 404, and a provider sees no comparison")
    func tendersAreTheirCommissioners() async throws {
        try await TestServer.run { server in
            let commissioner = try await Self.commissioner(server)
            let created = try await commissioner.postMultipart("/tenders", [], files: [
                .init(field: "file", fileName: "tender-lot1.xml", bytes: PageFixtures.bytes(Self.tender)),
            ])
            let tender = try #require(created.headers["location"])
            try await server.user("buyer@eastshire.example", .commissioner, organisation: "ESC0002")
            let other = try await PageSession.signIn(server, "buyer@eastshire.example")
            for suffix in ["", "/comparison.csv", "/comparison.html"] { #expect(try await other.get(tender + suffix).status == 404) }
            let provider = try await PageFixtures.provider(server)
            #expect(try await provider.get(tender + "/comparison.csv").status == 404)
            #expect(!(try await provider.get(tender)).text.contains("Unsafe bids"))
        }
    }
}
