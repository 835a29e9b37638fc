#!/usr/bin/env bash
# Rebuilds noun-genders.tsv: every noun form (singular and plural) that Apertium's Spanish morphological
# analyser knows, with its gender (m, f, or mf where it is both). Candidates are the stems of the Spanish Hunspell
# dictionary (npm package dictionary-es) and their regular plurals; the analyser keeps only real noun forms.
# Needs: apt packages lttoolbox and apertium-eng-spa (for spa-eng.automorf.bin), npm, python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
analyser=/usr/share/apertium/apertium-eng-spa/spa-eng.automorf.bin
[ -f "$analyser" ] || { echo "error: $analyser not found. Install it: apt-get install apertium-eng-spa lttoolbox" >&2; exit 1; }
(cd "$work" && npm pack dictionary-es@4.0.0 >/dev/null && tar xzf dictionary-es-4.0.0.tgz)
python3 - "$work/package/index.dic" "$work/candidates.txt" <<'PY'
import sys
strip = str.maketrans('áéíóú', 'aeiou')
stems = [line.split('/')[0].strip() for line in open(sys.argv[1], encoding='utf-8')][1:]
candidates = set()
for stem in stems:
    if not stem.isalpha() or stem != stem.lower():
        continue
    candidates.update({stem, stem + 's', stem + 'es', stem.translate(strip) + 'es'})
    if stem.endswith('z'):
        candidates.add(stem[:-1] + 'ces')
open(sys.argv[2], 'w', encoding='utf-8').write('\n'.join(sorted(candidates)) + '\n')
PY
lt-proc "$analyser" < "$work/candidates.txt" > "$work/analysed.txt"
python3 - "$work/analysed.txt" "$here/noun-genders.tsv" <<'PY'
import re, sys
genders = {}
for line in open(sys.argv[1], encoding='utf-8'):
    match = re.match(r'\^([^/]+)/(.*)\$$', line.strip())
    if not match or match.group(2).startswith('*'):
        continue
    found = set()
    for analysis in match.group(2).split('/'):
        noun = re.match(r'[^<]+<n>((?:<[^>]+>)*)', analysis)
        if noun:
            found.update(tag for tag in re.findall(r'<([^>]+)>', noun.group(1)) if tag in ('m', 'f', 'mf'))
    if found:
        genders[match.group(1)] = found.pop() if len(found) == 1 else 'mf'
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    for form in sorted(genders):
        out.write(f'{form}\t{genders[form]}\n')
print(f'{len(genders)} noun forms written to {sys.argv[2]}')
PY
