"""Data files shipped with kpi-desktop: the built-in plan and icons."""
