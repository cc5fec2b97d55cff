"""Who makes a change: a user and a computer, recorded with every change in the change log.

On a shared database the user is the server's (`current_user`, the role the server checked the
clerk in as), so the log cannot be made to name someone else; on a file it is the computer's
login. The computer is this machine's name in both cases.
"""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass


@dataclass(frozen=True)
class Who:
    user: str
    host: str

    @classmethod
    def here(cls, user: str | None = None) -> Who:
        if user is None:
            try:
                user = getpass.getuser()
            except (OSError, KeyError, ImportError):
                user = "?"
        return cls(user=user, host=socket.gethostname())

    def __str__(self) -> str:
        return f"{self.user}@{self.host}"
