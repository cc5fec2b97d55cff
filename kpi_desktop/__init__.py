"""kpi-desktop: tracking a government work report's quantitative targets through the year."""

__version__ = "0.5.0"
