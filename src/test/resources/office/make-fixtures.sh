#!/bin/sh
# Regenerates the Word/PDF test fixtures from the sample reports. Run once from the project root
# (needs python3 and LibreOffice: apt-get install libreoffice-writer-nogui fonts-noto-cjk);
# the outputs are committed, so tests never need LibreOffice.
#   sh src/test/resources/office/make-fixtures.sh
set -eu
here=src/test/resources/office
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$here/html"
for s in samples/00[0-4]_*.txt; do
  id=$(basename "$s" | cut -c1-3)
  python3 "$here/render.py" "$s" "$here/html/$id.html"
done
python3 "$here/render.py" samples/004_*.txt "$here/html/004-noborders.html" --no-borders

soff() { soffice --headless -env:UserInstallation=file://$tmp/profile "$@" >/dev/null 2>&1; }
# HTML opened in Writer (not Writer/Web) so that tables keep their spans and borders.
for h in "$here"/html/*.html; do
  soff --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$h"
done
for id in 000 001 002 003 004; do cp "$tmp/$id.docx" "$here/$id.docx"; done
for d in "$tmp"/*.docx; do soff --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$d"; done
for id in 000 002 003 004 004-noborders; do cp "$tmp/$id.pdf" "$here/$id.pdf"; done
for id in 002 004; do
  soff --convert-to doc:"MS Word 97" --outdir "$tmp" "$tmp/$id.docx"
  cp "$tmp/$id.doc" "$here/$id.doc"
done
# Automatic Chinese list numbering ("一、", "（一）" not in the paragraph text), as DOCX and DOC.
python3 "$here/numbered.py" "$here/numbered.docx"
soff --convert-to doc:"MS Word 97" --outdir "$tmp" "$here/numbered.docx"
cp "$tmp/numbered.doc" "$here/numbered.doc"
du -sh "$here"
