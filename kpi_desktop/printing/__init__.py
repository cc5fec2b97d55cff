"""Printing the summary table: laid out with QPainter on a PDF writer or a printer.

Uses QtGui and QtPrintSupport only, never QtWidgets, so the command line prints offscreen.
"""
