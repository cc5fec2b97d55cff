"""Persistence: table models, the database engine, schema versions and backups."""
