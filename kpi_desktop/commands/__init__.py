"""One module per command-line command: parse nothing, print the outcome, return the exit status.

`kpi_desktop.cli` builds the parser and calls `run(args)` of the module named after the
command. Commands use services, never Qt widgets (printing to PDF may use QtGui offscreen).
"""
