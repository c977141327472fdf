"""dbt's `graph` context variable for sqlfluff's jinja templater: an empty project graph (as while dbt parses).

Only singular tests read it (tests/indikatorer/indikator_katalog_unionen.sql); no model or macro does."""

nodes: dict = {}
sources: dict = {}
