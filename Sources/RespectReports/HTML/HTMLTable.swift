/// An accessible data table: a `<caption>`, `<th scope="col">` column headers, a
/// `<th scope="row">` header starting every row, and optional footer rows (totals). It is
/// wrapped in a focusable, labelled region that scrolls sideways when the table is wider than
/// the screen; with the ``Layout/stack`` layout each row becomes a card on a phone instead,
/// every cell labelled with its column's title.
///
/// ```swift
/// var table = HTMLTable(caption: "Bids by lot", columns: [.init("Lot"), .init("Score", numeric: true)])
/// table.addRow("Lot 1", ["87"])
/// page.append(table.node)
/// ```
public struct HTMLTable: Sendable {
    /// How the table behaves on a narrow screen.
    public enum Layout: Sendable {
        /// The table keeps its columns and scrolls sideways inside its wrapper.
        case scroll
        /// Below 40rem each row is shown as a card of labelled cells (screen only, not print).
        case stack
    }

    /// A column: its header text, and whether it holds figures (right-aligned, tabular digits).
    public struct Column: Sendable {
        public var title: String
        public var numeric: Bool

        public init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    public var caption: String
    /// All columns, the first being the row-header column.
    public var columns: [Column]
    public var layout: Layout
    /// Extra class names for the `<table>` element.
    public var className: String?
    private var rows: [HTMLNode] = []
    private var footerRows: [HTMLNode] = []

    public init(caption: String, columns: [Column], layout: Layout = .scroll, className: String? = nil) {
        precondition(!columns.isEmpty, "a table needs at least its row-header column")
        self.caption = caption
        self.columns = columns
        self.layout = layout
        self.className = className
    }

    /// Adds a body row: `header` goes in the row's `<th scope="row">`, `cells` in the other
    /// columns, one each.
    public mutating func addRow(_ header: HTMLNode, _ cells: [HTMLNode]) {
        rows.append(row(header, cells))
    }

    /// Adds a row to `<tfoot>`, e.g. totals.
    public mutating func addFooterRow(_ header: HTMLNode, _ cells: [HTMLNode]) {
        footerRows.append(row(header, cells))
    }

    /// The wrapped table.
    public var node: HTMLNode {
        let headerCells = columns.map { column in
            HTMLNode.element("th", class: column.numeric ? "num" : nil, attributes: [HTMLAttribute("scope", "col")], text: column.title)
        }
        var classes = layout == .stack ? ["stack"] : []
        if let className { classes.append(className) }
        var parts: [HTMLNode] = [
            .element("caption", text: caption),
            .element("thead", [.element("tr", headerCells)]),
            .element("tbody", rows),
        ]
        if !footerRows.isEmpty { parts.append(.element("tfoot", footerRows)) }
        let table = HTMLNode.element("table", class: classes.isEmpty ? nil : classes.joined(separator: " "), parts)
        return .element("div", class: "table-wrap",
                        attributes: [HTMLAttribute("role", "region"), HTMLAttribute("aria-label", caption), HTMLAttribute("tabindex", "0")],
                        [table])
    }

    private func row(_ header: HTMLNode, _ cells: [HTMLNode]) -> HTMLNode {
        precondition(cells.count == columns.count - 1, "a row needs one cell per column after the header")
        var children: [HTMLNode] = [
            .element("th", class: columns[0].numeric ? "num" : nil, attributes: [HTMLAttribute("scope", "row")], [header]),
        ]
        for (column, cell) in zip(columns.dropFirst(), cells) {
            children.append(.element("td", class: column.numeric ? "num" : nil,
                                     attributes: [HTMLAttribute("data-label", column.title)], [cell]))
        }
        return .element("tr", children)
    }
}
