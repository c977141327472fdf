"""kommunanalys: the thin Python runner around the dbt project (generate, score surveys, build, export, report)."""

__version__ = "0.1.0"
