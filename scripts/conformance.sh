#!/bin/sh
# Conformance run: imports every contact file of ../shared/corpora (third-party test files,
# when present) with `rekindle import --dry-run --json`, then once more into a throwaway
# database to count the fields read, and prints one line per file plus a summary.
# Not part of the test suite: a fresh clone must pass its tests without ../shared.
#
# usage: scripts/conformance.sh [REKINDLE_EXE] [CORPORA_DIR]
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
exe=${1:-$here/build/rekindle}
corpora=${2:-$here/../shared/corpora}
if [ ! -x "$exe" ]; then echo "no executable at $exe (build first, or pass its path)" >&2; exit 2; fi
if [ ! -d "$corpora" ]; then echo "no corpora at $corpora: nothing to check"; exit 0; fi
command -v jq >/dev/null || { echo "jq is needed to read the JSON reports" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
files=0 read_ok=0 refused=0 cards_total=0 mismatched=0

# Fields counted per contact of the JSON export (non-empty values); photo_uri is a photo given
# by URL, address_parts an address that kept its ADR structure.
fields_list='["name","given_name","family_name","middle_name","name_prefix","name_suffix","nickname",
      "company","department","title","emails","phones","urls","addresses","tags","birthday","anniversary",
      "notes","has_photo","photo_uri","extra_properties","connected_on"]'
fields_filter="[.contacts[] | ((to_entries[]
  | select(.key as \$k | $fields_list | index(\$k))
  | select(.value != \"\" and .value != [] and .value != null and .value != false) | .key),
  (select([.addresses[]? | select(.parts)] | length > 0) | \"address_parts\"))]"
# Values in the export that still hold a vCard escape ("\:", "\,"...): each one is a field read wrong.
escapes_filter='[.contacts[] | del(.extra_properties) | .. | strings | select(test("\\\\[^nN]"))] | length'
all_fields="$work/all_fields"
: >"$all_fields"
escape_total=0 notes_total=0

for file in $(find "$corpora" -type f ! -name '*.json' ! -name '*.txt' ! -name 'LICENSE*' ! -path '*/LICENSES/*' | sort); do
  files=$((files + 1))
  name=${file#"$corpora"/}
  report=$("$exe" --db "$work/dry.db" import --dry-run --json "$file" 2>"$work/err")
  if [ $? -ne 0 ]; then
    refused=$((refused + 1))
    printf '%-45s REFUSED %s\n' "$name" "$(head -c 200 "$work/err")"
    continue
  fi
  read_ok=$((read_ok + 1))
  format=$(printf '%s' "$report" | jq -r '.files[0].format')
  cards=$(printf '%s' "$report" | jq '.added + .updated + .unchanged + .merged')
  skipped=$(printf '%s' "$report" | jq '.skipped')
  cards_total=$((cards_total + cards))
  # What the file says it holds: one BEGIN:VCARD per card (nested AGENT cards aside).
  expected=$(grep -ci '^[[:space:]]*begin:vcard' "$file" 2>/dev/null || true)
  note=""
  if [ "$format" = vcard ] && [ "$expected" -ne $((cards + skipped)) ]; then
    note=" (file has $expected BEGIN:VCARD)"
    mismatched=$((mismatched + 1))
  fi
  rm -f "$work/full.db"*
  "$exe" --db "$work/full.db" import "$file" >/dev/null 2>&1
  export=$("$exe" --db "$work/full.db" export --format json 2>/dev/null)
  keys=$(printf '%s' "$export" | jq -r "$fields_filter | .[]")
  printf '%s\n' "$keys" | sed '/^$/d' >>"$all_fields"
  fields=$(printf '%s\n' "$keys" | sed '/^$/d' | sort | uniq -c | awk '{printf "%s%s %s", sep, $2, $1; sep=", "}')
  count=$(printf '%s\n' "$keys" | sed '/^$/d' | wc -l)
  escapes=$(printf '%s' "$export" | jq "$escapes_filter")
  escape_total=$((escape_total + escapes))
  notes=$(printf '%s' "$report" | jq '[.files[0].notes // [] | .[]] | length')
  notes_total=$((notes_total + notes))
  per_card=$(awk -v f="$count" -v c="$cards" 'BEGIN { printf "%.1f", c ? f / c : 0 }')
  printf '%-45s %-6s %2d cards, %d skipped%s; %d fields (%s per card), %d escapes left, %d notes; fields: %s\n' \
    "$name" "$format" "$cards" "$skipped" "$note" "$count" "$per_card" "$escapes" "$notes" "$fields"
done
total_fields=$(wc -l <"$all_fields")
echo "fields read, summed over the contacts that have them:" \
  "$(sort "$all_fields" | uniq -c | awk '{printf "%s%s %s", sep, $2, $1; sep=", "}')"
echo "summary: $files files, $read_ok read ($cards_total cards), $refused refused, $mismatched with a card count" \
  "differing from BEGIN:VCARD; $total_fields fields read" \
  "($(awk -v f="$total_fields" -v c="$cards_total" 'BEGIN { printf "%.1f", c ? f / c : 0 }') per card)," \
  "$escape_total values with a vCard escape left in them, $notes_total report notes"
