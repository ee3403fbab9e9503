"""The report store: the report model, its SQLite file, the checks, and TOML exchange.

Never imports textual or python-docx: the store knows the report, not screens or documents.
"""
