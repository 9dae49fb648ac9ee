public import RespectXML

/// A mapping table from one framework edition's indicators to another framework's standards,
/// e.g. Respect 2017 indicators → Home Office 2023 standards, so one evidence pack can be read
/// against both (format `crosswalk-v1.xsd`).
public struct Crosswalk: Sendable {
    /// How fully a source indicator covers a target standard's point.
    public enum Fit: String, Sendable, Codable, CaseIterable {
        case full
        case partial
    }

    /// One source indicator mapped to a target standard.
    public struct Mapping: Sendable, Hashable, Codable {
        public var indicatorID: String
        public var fit: Fit
        public var line: Int

        public init(indicatorID: String, fit: Fit, line: Int = 0) {
            self.indicatorID = indicatorID
            self.fit = fit
            self.line = line
        }
    }

    /// A standard of the target framework and the source indicators mapped to it.
    public struct TargetStandard: Sendable {
        public var standardID: String
        public var note: String?
        public var indicators: [Mapping]
        public var line: Int

        public init(standardID: String, note: String?, indicators: [Mapping], line: Int = 0) {
            self.standardID = standardID
            self.note = note
            self.indicators = indicators
            self.line = line
        }
    }

    public var id: String
    public var revision: Int
    public var title: String
    /// Provenance: who made the mapping and how far it can be trusted.
    public var notice: String
    /// The framework edition whose indicators are mapped (e.g. respect-standard@2017).
    public var source: FrameworkTarget
    /// The framework whose standards they are mapped to (e.g. home-office@2023).
    public var target: FrameworkTarget
    public var standards: [TargetStandard]
    /// The file it was read from.
    public var file: String

    public init(id: String, revision: Int, title: String, notice: String, source: FrameworkTarget,
                target: FrameworkTarget, standards: [TargetStandard], file: String) {
        self.id = id
        self.revision = revision
        self.title = title
        self.notice = notice
        self.source = source
        self.target = target
        self.standards = standards
        self.file = file
    }

    /// Located problems when the crosswalk names standards or indicators the two frameworks do
    /// not define, or frameworks other than the ones given; empty when it fits them.
    public func problems(source sourceFramework: Framework, target targetFramework: Framework) -> [XMLDiagnostic] {
        var problems: [XMLDiagnostic] = []
        func report(_ message: String, line: Int) {
            problems.append(XMLDiagnostic(location: SourceLocation(file: file, line: line), message: message))
        }
        if sourceFramework.identity.id != source.framework || sourceFramework.identity.edition != source.edition {
            report("the crosswalk maps from \(source.reference), but the framework is \(sourceFramework.identity.reference); evaluate against \(source.reference) to use it (a submission written for an older edition is carried over)", line: 0)
            return problems
        }
        if targetFramework.identity.id != target.framework || targetFramework.identity.edition != target.edition {
            report("the crosswalk maps to \(target.reference), but the framework is \(targetFramework.identity.reference)", line: 0)
            return problems
        }
        let targetStandards = Set(targetFramework.sections.flatMap(\.standards).map(\.id))
        let sourceIndicators = Set(sourceFramework.indicators.map(\.id))
        for standard in standards {
            if !targetStandards.contains(standard.standardID) {
                report("standard '\(standard.standardID)' is not a standard of \(target.reference); expected one of: \(targetStandards.sorted().joined(separator: ", "))", line: standard.line)
            }
            for mapping in standard.indicators where !sourceIndicators.contains(mapping.indicatorID) {
                report("indicator '\(mapping.indicatorID)' (mapped to '\(standard.standardID)') is not an indicator of \(source.reference)", line: mapping.line)
            }
        }
        return problems
    }
}
