"""The decomposer's parts: a read document placed into a report (the composer run backwards).

exporters.importer cuts the document at the outline's headings and runs a reader per section;
what the readers share lives here: `placer` (what landed, what was kept in 未归类 and why),
`figures` (figure sentences read through the outline's own sentence templates first, then the
words a reader knows each figure by, and doubt where the field is not certain), `tables`
(tables told by their headers: organisation, staff, income and spending, breakdowns, 三公,
indicators).
"""
