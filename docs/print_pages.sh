#!/usr/bin/env bash
# The page images in docs/: the 2024Q1 summary table as the PDF prints it, and the Word table
# and bulletin draft as LibreOffice prints them (needs soffice and pdftoppm).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/kpi.sqlite"
kpi-desktop export-summary --db "$db" --period 2024Q1 -o "$work/summary.pdf"
kpi-desktop export-summary --db "$db" --period 2024Q1 -o "$work/summary.docx"
kpi-desktop bulletin --db "$db" --period 2024Q1 -o "$work/bulletin.docx"
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
  --outdir "$work/lo" "$work/summary.docx" "$work/bulletin.docx" >/dev/null
rm -f summary-2024Q1-page-*.png summary-2024Q1-docx-page-*.png bulletin-2024Q1-page-*.png
pdftoppm -r 60 -png "$work/summary.pdf" summary-2024Q1-page
pdftoppm -r 60 -png -f 1 -l 2 "$work/lo/summary.pdf" summary-2024Q1-docx-page
pdftoppm -r 60 -png "$work/lo/bulletin.pdf" bulletin-2024Q1-page
