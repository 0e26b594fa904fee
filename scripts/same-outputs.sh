#!/usr/bin/env bash
# Checks that a speed change changes no output (issue 14).
#   scripts/same-outputs.sh snapshot DIR   audits samples/ and corpus/ with the current build into DIR
#   scripts/same-outputs.sh compare A B    compares two snapshots; exit 0 when identical
# Comparison: HTML, CSV and text with whitespace runs collapsed; JSON parsed and re-serialised with
# sorted keys (Map.of key order varies from one JVM to the next); XLSX by the XML of its parts
# (docProps/core.xml, which holds the creation time, left out).
# Typical use: snapshot before a commit (git stash / checkout HEAD~), snapshot after, compare.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "${1:-}" in
  snapshot)
    out="$2"; mkdir -p "$out"
    for set in samples corpus; do
      rm -rf "$out/$set"
      # exit 1 is expected when an input cannot be audited (it still gets its JSON with an error)
      "$home/nianbao" batch "$home/$set" -o "$out/$set" >/dev/null 2>&1 || [ $? -eq 1 ]
    done
    ;;
  compare)
    python3 - "$2" "$3" <<'PY'
import json, os, re, sys, zipfile
a, b = sys.argv[1], sys.argv[2]
def files(root):
    out = set()
    for d, _, fs in os.walk(root):
        for f in fs:
            rel = os.path.relpath(os.path.join(d, f), root)
            if not rel.split(os.sep)[-1].startswith('.') and '.nianbao-state' not in rel:
                out.add(rel)
    return out
def canon(path):
    if path.endswith('.json'):
        with open(path, encoding='utf-8') as f:
            return json.dumps(json.load(f), sort_keys=True, ensure_ascii=False)
    if path.endswith('.xlsx'):
        with zipfile.ZipFile(path) as z:
            return {n: re.sub(rb'\s+', b' ', z.read(n)) for n in sorted(z.namelist()) if n != 'docProps/core.xml'}
    with open(path, 'rb') as f:
        return re.sub(rb'\s+', b' ', f.read()).strip()
fa, fb = files(a), files(b)
bad = 0
for rel in sorted(fa ^ fb):
    print('only in', a if rel in fa else b, rel); bad += 1
for rel in sorted(fa & fb):
    if canon(os.path.join(a, rel)) != canon(os.path.join(b, rel)):
        print('differs', rel); bad += 1
print(f'{len(fa & fb)} files compared, {bad} differences')
sys.exit(1 if bad else 0)
PY
    ;;
  *) echo "usage: $0 snapshot DIR | compare DIR_A DIR_B" >&2; exit 2 ;;
esac
