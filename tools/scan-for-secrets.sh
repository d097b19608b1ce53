#!/usr/bin/env bash
# Leak scan for CI: fails when a configured secret appears in any file under the given paths.
#
#   tools/scan-for-secrets.sh PATH...
#
# Secrets: ARCHIVEMATICA_API_KEY, STORAGE_SERVICE_API_KEY, STORAGE_SERVICE_PASSWORD, EMBEDDED_API_KEY and
# each line of SCAN_SECRETS; those shorter than 8 characters are ignored (they would match by chance). Each is
# looked for as is, URL-encoded, JSON-escaped and as base64 (the HTML report embeds its data as
# base64: a secret shows there as one of three fragments, one per byte alignment). The same rules
# as Conformance.Framework.Redaction.SecretScanner, which the self-tests use.
#
# Exit 0: nothing found. 1: a secret was found (the files are listed, never the secret). 2: no
# secret to look for, or no path given.
set -uo pipefail

if [ $# -eq 0 ]; then echo "usage: $0 PATH..." >&2; exit 2; fi

secrets=()
for value in "${ARCHIVEMATICA_API_KEY:-}" "${STORAGE_SERVICE_API_KEY:-}" "${STORAGE_SERVICE_PASSWORD:-}" "${EMBEDDED_API_KEY:-}"; do
  [ ${#value} -ge 8 ] && secrets+=("$value")
done
while IFS= read -r line; do
  [ ${#line} -ge 8 ] && secrets+=("$line")
done <<<"${SCAN_SECRETS:-}"
if [ ${#secrets[@]} -eq 0 ]; then echo "scan-for-secrets: no secret of 8 or more characters to look for" >&2; exit 2; fi

# The forms of one secret, one a line.
forms() {
  local s=$1 k n first last enc
  printf '%s\n' "$s"
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, json, urllib.parse; s = sys.argv[1]; print(urllib.parse.quote(s, safe="")); print(json.dumps(s)[1:-1])' "$s"
  fi
  n=$(printf '%s' "$s" | wc -c)
  for k in 0 1 2; do
    enc=$({ head -c "$k" /dev/zero; printf '%s' "$s"; } | base64 -w0)
    first=$(( (k * 8 + 5) / 6 ))
    last=$(( (k + n) * 8 / 6 ))
    [ $((last - first)) -ge 8 ] && printf '%s\n' "${enc:first:last-first}"
  done
}

paths=()
for p in "$@"; do [ -e "$p" ] && paths+=("$p"); done
if [ ${#paths[@]} -eq 0 ]; then echo "scan-for-secrets: none of the paths exists; nothing to scan"; exit 0; fi

patterns=$(mktemp)
trap 'rm -f "$patterns"' EXIT
for s in "${secrets[@]}"; do forms "$s"; done | awk 'length($0) >= 8' | sort -u >"$patterns"

found=$(grep -rlaF -f "$patterns" -- "${paths[@]}" 2>/dev/null)
if [ -n "$found" ]; then
  echo "scan-for-secrets: a configured secret appears in these files:"
  printf '%s\n' "$found" | sed 's/^/  /'
  exit 1
fi
echo "scan-for-secrets: ${#secrets[@]} secret(s) looked for in ${paths[*]}: not found"
exit 0
