"""The outline files, one TOML file per outline; store/outline.py reads them."""
