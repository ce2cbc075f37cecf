"""Viewership: Netflix's own published figures (weekly Top 10, most-popular lists and the
"What We Watched" engagement reports) imported, linked to tracked seasons and turned
into per-season figures that always carry their source and period.

`importers` reads files into plain rows, `linking` attaches rows to seasons,
`store_views` writes and reads them, `figures` derives what the explainer shows.
"""
