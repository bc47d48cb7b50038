#!/usr/bin/env bash
# Batch benchmark: 10,000 pages (the scrapinghub development corpus repeated through symlinks)
# with --jobs 1 and --jobs 2, and a 10,000-record web archive built from the same pages.
# Prints wall time, CPU time and peak RSS (from /usr/bin/time -v) for each run.
#
# Usage: benches/batch.sh [PAGES]   (build first: cargo build --release)
# Results depend on what else runs on the machine: note the load average printed first.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-10000}
BIN=${BIN:-target/release/gleaner}
CORPUS=${CORPUS:-../shared/corpus/scrapinghub/html}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mapfile -t FILES < <(ls "$CORPUS"/*.html.gz | sort)
n=0
while [ "$n" -lt "$PAGES" ]; do
  for f in "${FILES[@]}"; do
    [ "$n" -ge "$PAGES" ] && break
    d="$WORK/pages/r$((n / ${#FILES[@]}))"
    mkdir -p "$d"
    ln -s "$(realpath "$f")" "$d/$(basename "$f")"
    n=$((n + 1))
  done
done

python3 - "$WORK/crawl.warc.gz" "$PAGES" "${FILES[@]}" <<'PY'
import gzip, sys, uuid
out, count, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
bodies = [gzip.open(f).read() for f in files]
with open(out, "wb") as w:
    for i in range(count):
        body = bodies[i % len(bodies)]
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
        head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/%d\r\n"
                "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                % (i, uuid.UUID(int=i), len(http))).encode()
        w.write(gzip.compress(head + http + b"\r\n\r\n", 1))
PY

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $PAGES pages"
measure() {
  local label=$1; shift
  /usr/bin/time -v "$@" 2>"$WORK/time.txt" >/dev/null || true
  local wall user sys rss
  wall=$(grep "Elapsed (wall clock)" "$WORK/time.txt" | awk '{print $NF}')
  user=$(grep "User time" "$WORK/time.txt" | awk '{print $NF}')
  sys=$(grep "System time" "$WORK/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "$WORK/time.txt" | awk '{print $NF}')
  printf '%-28s wall %8s  user %7ss  sys %6ss  peak RSS %6.1f MB\n' \
    "$label" "$wall" "$user" "$sys" "$(echo "$rss / 1024" | bc -l)"
}
measure "folder, --jobs 1" "$BIN" "$WORK/pages" -q -f json --jobs 1 -o "$WORK/out1"
measure "folder, --jobs 2" "$BIN" "$WORK/pages" -q -f json --jobs 2 -o "$WORK/out2"
diff -r -x gleaner-manifest.jsonl "$WORK/out1" "$WORK/out2" >/dev/null && echo "outputs identical"
measure "folder, resume (all done)" "$BIN" "$WORK/pages" -q -f json --jobs 2 -o "$WORK/out2"
measure "warc, --jobs 2" "$BIN" "$WORK/crawl.warc.gz" -q --jobs 2
