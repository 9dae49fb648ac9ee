/// The inline stylesheet shared by every HTML report: system fonts only (nothing is fetched),
/// dark text on light backgrounds (contrast well above 4.5:1), status shown by words and
/// glyphs as well as colour, tables that scroll or stack on a phone, and a print stylesheet
/// for A4 that needs no background colours.
///
/// Class names other reports can use: `badge` with `status-met`, `status-partly-met`,
/// `status-not-met`, `status-needs-assessor`, `status-not-applicable`; `tag` with `tag-safety`,
/// `tag-mandatory`, `tag-desirable`; `verdict` with `verdict-achieved`,
/// `verdict-working-towards`, `verdict-not-yet`; `safety` (the safety-critical banner);
/// `notice`, `advisory`; `meta` (a two-column `dl`); `fields` (label/value `dl` inside an entry);
/// `checklist`, `entry`, `box` (a printed checkbox); `table-wrap`, `stack`, `num`, `summary` (a
/// figures table with a wide row-header column); `muted`; in the verdict box `verdict-label`,
/// `verdict-why`, `verdict-figures`, `verdict-next`, `verdict-ids`; for plans `plan-list`,
/// `step-result`, `draft` (a `pre` of XML to paste).
public enum HTMLStyle {
    /// The stylesheet ``HTMLPage`` puts in its `<style>` element by default.
    public static let stylesheet = [base, components, tables, checklist, small, printing].joined(separator: "\n")

    static let base = """
        :root { color-scheme: light; }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: #ffffff; color: #1a1a1a; font-size: 1rem; line-height: 1.5;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
        body > header, body > main, body > footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
        body > header { padding-top: 1.5rem; }
        body > footer { margin-top: 2.5rem; padding-bottom: 2rem; border-top: 1px solid #6b6b6b; font-size: .875rem; }
        h1 { font-size: 1.75rem; line-height: 1.2; margin: .25rem 0 1rem; }
        h2 { font-size: 1.375rem; line-height: 1.25; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #1a1a1a; }
        h3 { font-size: 1.125rem; line-height: 1.3; margin: 1.5rem 0 .5rem; }
        p { margin: .5rem 0; }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: .875em;
          background: #f2f2f2; border: 1px solid #dddddd; border-radius: 3px; padding: 0 .25em; overflow-wrap: anywhere; }
        .muted { color: #4a4a4a; }
        .subtitle { margin: .25rem 0; font-size: 1.0625rem; }
        .kicker { margin: 0; font-size: .9375rem; font-weight: 600; color: #4a4a4a; text-transform: uppercase; letter-spacing: .04em; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.25rem; margin: .75rem 0; }
        dl.meta dt { font-weight: 700; }
        dl.meta dd { margin: 0; }
        """

    static let components = """
        .advisory { border: 2px solid #1a1a1a; background: #f4f4f4; padding: .75rem 1rem; margin: 1rem 0; font-size: 1.0625rem; }
        .notice { border: 1px solid #6b6b6b; border-left-width: 6px; padding: .5rem 1rem; margin: 1rem 0; font-size: .9375rem; }
        .safety { border: 3px solid #b3261e; border-left-width: 12px; background: #fdecea; padding: .25rem 1.25rem 1rem; margin: 1.5rem 0; }
        .safety h2 { color: #7a1410; border-bottom: 1px solid #b3261e; margin-top: .75rem; }
        .safety > ul { margin: .5rem 0 0; padding-left: 0; list-style: none; }
        .safety > ul > li { margin: .75rem 0; }
        .safety ul ul { margin: .25rem 0 0; padding-left: 1.25rem; }
        .verdict { border: 3px solid #1a1a1a; border-radius: 4px; padding: .5rem 1.25rem; margin: 1rem 0; }
        .verdict-label { font-size: 1.625rem; font-weight: 800; margin: .25rem 0; }
        .verdict-achieved { border-color: #1e7b34; background: #e6f4ea; }
        .verdict-working-towards { border-color: #8a5a00; background: #fff4d6; }
        .verdict-not-yet { border-color: #b3261e; background: #fdecea; }
        body > header .verdict { margin: .75rem 0; }
        .verdict-why { list-style: none; padding: 0; margin: .25rem 0 .5rem; font-size: 1.0625rem; font-weight: 600; }
        .verdict-why li { margin: .2rem 0; }
        .verdict-figures, .verdict-next { margin: .35rem 0; }
        .verdict-ids { margin: .25rem 0; font-size: .8125rem; }
        .plan-list { padding-left: 1.5rem; }
        .plan-list li { margin: .3rem 0; }
        .step-result { border-left: 6px solid #1e7b34; padding: .25rem .75rem; }
        .step-result.fails { border-left-color: #b3261e; }
        pre.draft { overflow-x: auto; border: 1px solid #c4c4c4; background: #f7f7f7; padding: .75rem; font-size: .8125rem; white-space: pre-wrap; }
        pre.draft code { border: none; background: none; padding: 0; }
        .badge, .tag { display: inline-block; border: 1px solid #1a1a1a; border-radius: 1rem; padding: 0 .55rem;
          font-size: .8125rem; font-weight: 700; line-height: 1.5; white-space: nowrap; vertical-align: .05em; }
        .tag { border-radius: 3px; text-transform: uppercase; letter-spacing: .03em; background: #ffffff; }
        .tag-safety { border: 2px solid #b3261e; background: #fdecea; color: #7a1410; }
        .tag-mandatory { border-color: #1a1a1a; }
        .tag-desirable { border-color: #6b6b6b; border-style: dashed; color: #333333; }
        .status-met { background: #e6f4ea; border-color: #1e7b34; color: #0b3d17; }
        .status-partly-met { background: #fff4d6; border-color: #8a5a00; color: #3d2800; }
        .status-not-met { background: #fdecea; border-color: #b3261e; color: #5c0f0a; }
        .status-needs-assessor { background: #e8eefb; border-color: #2450a6; color: #0f2557; }
        .status-not-applicable { background: #f2f2f2; border-color: #6b6b6b; color: #1a1a1a; }
        .figures { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; padding: 0; margin: .75rem 0; list-style: none; }
        .figures strong { font-size: 1.125rem; }
        .conditions { list-style: none; padding: 0; margin: .5rem 0 1rem; }
        .conditions li { border: 1px solid #c4c4c4; border-left-width: 6px; padding: .4rem .75rem; margin: .4rem 0; }
        .conditions li.holds { border-left-color: #1e7b34; }
        .conditions li.fails { border-left-color: #b3261e; }
        .condition-detail { display: block; color: #4a4a4a; font-size: .9375rem; }
        """

    static let tables = """
        .table-wrap { overflow-x: auto; margin: .5rem 0 1.25rem; }
        .table-wrap:focus { outline: 3px solid #2450a6; outline-offset: 2px; }
        table { border-collapse: collapse; width: 100%; font-size: .9375rem; }
        caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 .4rem; }
        th, td { border: 1px solid #c4c4c4; padding: .35rem .6rem; text-align: left; vertical-align: top; }
        thead th { background: #f0f0f0; border-bottom: 2px solid #1a1a1a; }
        tfoot th, tfoot td { border-top: 2px solid #1a1a1a; font-weight: 700; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        thead th.num { white-space: normal; }
        table.summary th[scope="row"] { min-width: 15rem; }
        table.indicators th[scope="row"] { white-space: nowrap; }
        td ul { margin: 0; padding-left: 1.1rem; }
        td ul.plain { padding-left: 0; list-style: none; }
        td ul.plain code { white-space: nowrap; overflow-wrap: normal; }
        """

    static let checklist = """
        .checklist { list-style: none; padding: 0; margin: .5rem 0; }
        .entry { position: relative; border: 1px solid #8a8a8a; border-radius: 4px; padding: .6rem 1rem .75rem 3rem; margin: .75rem 0; }
        .entry.safety-critical { border: 2px solid #b3261e; border-left-width: 8px; }
        .box { position: absolute; left: .9rem; top: .85rem; width: 1.25rem; height: 1.25rem; border: 2px solid #1a1a1a; background: #ffffff; }
        .entry-head { margin: 0; }
        .entry-text { margin: .3rem 0 .4rem; font-weight: 600; }
        .fields { display: grid; grid-template-columns: 6.5rem 1fr; gap: .3rem .75rem; margin: .4rem 0 0; }
        .fields dt { font-weight: 700; }
        .fields dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
        .fields ul { margin: 0; padding-left: 1.1rem; }
        .plain-list { padding-left: 1.25rem; }
        .plain-list li { margin: .35rem 0; }
        """

    /// Phones: one column for label/value lists; `table.stack` becomes one card per row, each
    /// cell labelled from its `data-label`.
    static let small = """
        @media screen and (max-width: 40rem) {
          body > header, body > main, body > footer { padding: 0 .75rem; }
          h1 { font-size: 1.5rem; }
          .advisory { font-size: 1rem; padding: .5rem .75rem; }
          .notice { font-size: .875rem; padding: .4rem .75rem; }
          .safety { border-left-width: 6px; padding: .25rem .75rem .75rem; }
          .safety ul ul { padding-left: 1rem; }
          .verdict { padding: .25rem .75rem; }
          .verdict-label { font-size: 1.375rem; }
          .verdict-why { font-size: 1rem; }
          .plan-list { padding-left: 1.25rem; }
          table.summary { font-size: .875rem; }
          table.summary th[scope="row"] { min-width: 8.5rem; position: sticky; left: 0; background: #ffffff; box-shadow: 2px 0 0 #8a8a8a; }
          dl.meta, .fields { grid-template-columns: 1fr; gap: 0; }
          dl.meta dd, .fields dd { margin-bottom: .4rem; }
          .entry { padding-left: 2.5rem; padding-right: .75rem; }
          .box { left: .6rem; }
          table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
          table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: 100%; }
          table.stack tr { border: 1px solid #8a8a8a; border-radius: 4px; margin: 0 0 .75rem; }
          table.stack th, table.stack td { border: none; border-top: 1px solid #dddddd; text-align: left; white-space: normal; }
          table.stack tr > :first-child { border-top: none; background: #f0f0f0; }
          table.stack td ul.plain code { white-space: normal; overflow-wrap: anywhere; }
          table.stack td::before { content: attr(data-label); display: block; font-size: .8125rem; font-weight: 700; color: #4a4a4a; }
        }
        """

    static let printing = """
        @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
        @media print {
          body { font-size: 10pt; line-height: 1.35; }
          body > header, body > main, body > footer { max-width: none; padding: 0; }
          h1 { font-size: 18pt; }
          h2 { font-size: 14pt; margin-top: 14pt; }
          h3 { font-size: 11.5pt; }
          h2, h3, caption, .entry-head { break-after: avoid; page-break-after: avoid; }
          .table-wrap { overflow: visible; }
          table { font-size: 8.5pt; table-layout: auto; }
          th, td { padding: 2pt 4pt; overflow-wrap: break-word; }
          .badge { white-space: normal; padding: 0 3pt; border-radius: 4pt; }
          table.summary th[scope="row"] { min-width: 0; }
          table.comparison { table-layout: fixed; }
          table.comparison thead th:nth-child(1) { width: 17%; }
          table.comparison thead th:nth-child(2), table.comparison thead th:nth-child(6) { width: 7%; }
          table.comparison thead th:nth-child(3), table.comparison thead th:nth-child(4) { width: 15%; }
          table.comparison thead th:nth-child(5) { width: 10%; }
          table.comparison thead th:nth-child(7) { width: 29%; }
          thead { display: table-header-group; }
          pre.draft { white-space: pre-wrap; font-size: 8pt; }
          tr, .entry, .conditions li, .plan-list li, .safety > ul > li, .verdict, .advisory, .plain-list li { break-inside: avoid; page-break-inside: avoid; }
          .safety { border-width: 2.5pt; border-left-width: 8pt; }
          .table-wrap:focus { outline: none; }
        }
        """
}
