#!/bin/sh
# Regenerates the Word/PDF test fixtures from the sample reports. Run once from the project root
# (needs python3 and LibreOffice: apt-get install libreoffice-writer-nogui fonts-noto-cjk);
# the outputs are committed, so tests never need LibreOffice.
#   sh src/test/resources/office/make-fixtures.sh            # everything
#   sh src/test/resources/office/make-fixtures.sh 002 004    # only these samples' forms
# Every run rewrites its binaries (new timestamps and ids), so regenerate only what changed.
set -eu
here=src/test/resources/office
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$here/html"
all=$#
want() { [ "$all" -eq 0 ] || case " $ids " in *" $1 "*) true ;; *) false ;; esac; }
ids="$*"

soff() { soffice --headless -env:UserInstallation=file://$tmp/profile "$@" >/dev/null 2>&1; }
for s in samples/00[0-4]_*.txt; do
  id=$(basename "$s" | cut -c1-3)
  want "$id" || continue
  python3 "$here/render.py" "$s" "$here/html/$id.html"
  [ "$id" = 004 ] && python3 "$here/render.py" "$s" "$here/html/004-noborders.html" --no-borders
  # HTML opened in Writer (not Writer/Web) so that tables keep their spans and borders.
  for h in "$here/html/$id.html" $([ "$id" = 004 ] && echo "$here/html/004-noborders.html"); do
    soff --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$h"
    base=$(basename "$h" .html)
    soff --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/$base.docx"
  done
  cp "$tmp/$id.docx" "$here/$id.docx"
  cp "$tmp/$id.pdf" "$here/$id.pdf"
  [ "$id" = 004 ] && cp "$tmp/004-noborders.pdf" "$here/"
  # Every sample in every form: DOCX, DOC and PDF.
  soff --convert-to doc:"MS Word 97" --outdir "$tmp" "$tmp/$id.docx"
  cp "$tmp/$id.doc" "$here/$id.doc"
done
# Automatic Chinese list numbering ("一、", "（一）" not in the paragraph text), as DOCX and DOC.
if want numbered; then
  python3 "$here/numbered.py" "$here/numbered.docx"
  soff --convert-to doc:"MS Word 97" --outdir "$tmp" "$here/numbered.docx"
  cp "$tmp/numbered.doc" "$here/numbered.doc"
fi
du -sh "$here"
