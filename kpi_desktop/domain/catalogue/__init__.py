"""The clerk's messages by code, in parts by what they are about (see domain.messages)."""
