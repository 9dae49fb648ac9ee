import RespectModel

/// Word lists and phrasing that make generated packs read like real ones. Invented names
/// only; any likeness to a real organisation is chance. Some names carry `&` and `'` on
/// purpose, so the XML escaping is exercised by every corpus.
enum CorpusText {
    static let placeStems = ["North", "South", "East", "West", "River", "Oak", "Harbour", "Moor", "Vale", "Bright",
                             "Green", "Stone", "Fair", "Kings", "Ash", "Elm", "Wren", "Heath", "Brook", "Marsh"]
    static let placeEndings = ["field", "bridge", "gate", "side", "wood", "ford", "haven", "mere", "ton", "bury", "ley", "holme"]
    static let organisationKinds = [
        "Safer Relationships", "Change Project", "Respect & Change", "Domestic Abuse Service", "Men's Programme",
        "Family Safety Partnership", "Healthy Relationships CIC", "Futures", "Safe & Together Trust", "Behaviour Change Service",
    ]
    static let regions = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
                          "East of England", "London", "South East", "South West", "Wales", "Scotland", "Northern Ireland"]
    static let owners = ["Chief Executive", "Head of Service", "Clinical Lead", "ISS Team Manager", "Data and Performance Officer",
                         "Chair of Trustees", "Group Programme Coordinator", "Safeguarding Lead", "Quality & Compliance Manager",
                         "Operations Director"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    static let actionOpeners = ["Close the gap on", "Address", "Put right", "Complete the work on", "Evidence"]
    static let extensions = ["pdf", "pdf", "pdf", "docx", "xlsx", "pdf"]

    static func providerName(_ random: inout SplitMix64) -> String {
        random.pick(placeStems) + random.pick(placeEndings) + " " + random.pick(organisationKinds)
    }

    /// A title for an evidence item of `label`'s type, offered for `indicator`.
    static func title(label: String, indicator: Indicator, issued: CalendarDate, random: inout SplitMix64) -> String {
        let month = months[issued.month - 1]
        let financialYear = issued.month >= 4 ? issued.year : issued.year - 1
        let yearPair = "\(financialYear)/\(String(financialYear + 1).suffix(2))"
        switch random.int(in: 0...5) {
        case 0: return "\(label), \(month) \(issued.year)"
        case 1: return "\(label): \(gist(of: indicator.text))"
        case 2: return "\(label) v\(random.int(in: 1...6)).\(random.int(in: 0...9)) (approved \(issued.day) \(month) \(issued.year))"
        case 3: return "\(label), Q\((issued.month + 8) % 12 / 3 + 1) \(yearPair)"
        case 4: return "\(label) — anonymised extract (\(random.int(in: 2...12)) records; names shown as \"<redacted>\")"
        default: return "\(label) for \(indicator.number) & related practice, \(yearPair)"
        }
    }

    /// The first words of an indicator's text, for titles.
    static func gist(of text: String) -> String {
        let words = text.split(separator: " ")
        let head = words.prefix(9).joined(separator: " ")
        return words.count > 9 ? head + "…" : head
    }

    /// A lowercase file-name fragment: letters and digits, hyphen-separated.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        var head = String(out.prefix(48))
        while head.hasSuffix("-") { head.removeLast() }
        return head
    }

    /// An action-plan entry for an unmet indicator, within the format's 2,000-character limit.
    static func action(for indicator: Indicator, random: inout SplitMix64) -> String {
        let text = "\(random.pick(actionOpeners)) \(indicator.number) (\(indicator.id)): \(indicator.remediation)"
        return text.count <= 1900 ? text : String(text.prefix(1899)) + "…"
    }

    /// An evidence type's label without its parenthesis: "Governance record (…)" → "Governance record".
    static func shortLabel(_ label: String) -> String {
        guard let open = label.firstIndex(of: "(") else { return label }
        let head = label[..<open]
        return head.hasSuffix(" ") ? String(head.dropLast()) : String(head)
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A charity or company number: `digits` digits, not starting with 0.
    static func registrationNumber(digits: Int, _ random: inout SplitMix64) -> String {
        String(random.int(in: 1...9)) + (1..<digits).map { _ in String(random.int(in: 0...9)) }.joined()
    }
}
