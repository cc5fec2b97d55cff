"""What a clerk does, as functions over a database: no dialogs, typed errors."""
