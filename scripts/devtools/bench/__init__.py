"""Measurements, not gates: `make bench` (build, packs, page weight, Lighthouse), `make readability`,
`make linkcheck-external`. Each builds the site afresh in a temporary folder and reports where the project
stands against its targets; none of them fails a change."""
