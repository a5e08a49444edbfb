#!/usr/bin/env bash
# Catalog benchmarks: import against `sqlite3 .import` of the same file, re-import, the product
# list, a save's latency while an import holds the write lock, an export's peak memory, and
# the app window at 20,000 products (the e2e test at scale: first rows, scroll frames, memory).
# Writes docs/benchmarks-catalog.md. Takes about 7 minutes on 2 cores.
#
#   bash scripts/bench-catalog.sh
#   BENCH_PRODUCTS=4000 bash scripts/bench-catalog.sh    # a smaller catalog
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
products="${BENCH_PRODUCTS:-20000}"
export_products="${BENCH_EXPORT_PRODUCTS:-1000}"
doc="${BENCH_DOC:-$root/docs/benchmarks-catalog.md}"
work="$root/target/bench-catalog"
command -v sqlite3 >/dev/null || sudo apt-get install -y -qq sqlite3 >/dev/null
python3 -c 'import PIL' 2>/dev/null || pip install -q pillow

cargo build --release -p kuajing-cli --locked -q
k="$root/target/release/kuajing"
rm -rf "$work"; mkdir -p "$work"

# A Shopify export in the classic headers: $products products x 5 variants, one photo URL each.
python3 bench/make-catalog.py export "$work" --products "$products"
python3 bench/make-catalog.py export "$work/changed" --products "$products" --bump
mv "$work/changed/export.csv" "$work/export-changed.csv"
csv="$work/export.csv"
size_mb=$(du -m "$csv" | cut -f1)

# time_cmd OUT CMD...: wall seconds and peak RSS (KiB) of CMD into OUT as "secs kib".
time_cmd() { local out=$1; shift; /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null; }

time_cmd "$work/sqlite.t" sqlite3 "$work/plain.sqlite" ".mode csv" ".import $csv rows"
time_cmd "$work/import.t" "$k" --catalog "$work/catalog.sqlite" import "$csv"
# The floor the schema sets: the rows the import wrote (products, variants, images, English copy,
# history), written again by sqlite3 itself into an empty catalog: the same indexes and
# triggers, one transaction, no CSV to parse, no search index to build.
"$k" --catalog "$work/floor.sqlite" products --json >/dev/null
time_cmd "$work/floor.t" sqlite3 "$work/floor.sqlite" "ATTACH '$work/catalog.sqlite' AS src" "BEGIN" \
  "INSERT INTO products SELECT * FROM src.products" "INSERT INTO variants SELECT * FROM src.variants" \
  "INSERT INTO images SELECT * FROM src.images" "INSERT INTO copy SELECT * FROM src.copy" \
  "INSERT INTO history SELECT * FROM src.history" "COMMIT"
floor_rows=$(sqlite3 "$work/floor.sqlite" "SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM variants) + (SELECT count(*) FROM images) + (SELECT count(*) FROM copy) + (SELECT count(*) FROM history)")
time_cmd "$work/reimport.t" "$k" --catalog "$work/catalog.sqlite" import "$csv"
"$k" --catalog "$work/catalog.sqlite" import "$csv" --json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert len(r["unchanged"])==r["products"], "re-import not unchanged"'
# Chinese titles on every product, one in 20 rejected (as a catalog mid-review has) and one in
# 10 with a term the Advertising Law bans (最佳, an error finding), written straight into the
# tables: the triggers mark each product for the search index and forget its finding counts.
# The first search (one that matches nothing) brings the index up to date (timed as "index");
# the first `--errors` list checks every title (timed as "lint").
python3 bench/make-catalog.py zh "$work/catalog.sqlite"
time_cmd "$work/index.t" "$k" --catalog "$work/catalog.sqlite" products --search "zzzz" --json
time_cmd "$work/lint.t" "$k" --catalog "$work/catalog.sqlite" products --errors --json
flagged=$("$k" --catalog "$work/catalog.sqlite" products --errors --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
time_cmd "$work/list.t" "$k" --catalog "$work/catalog.sqlite" products --json
# Whole-process searches: the CLI, opening the catalog, asking and printing (best of 5 runs).
for q in "product 1999" "樱桃" "新鲜樱桃" "sku-1999" "2-lb"; do
  best=
  for _ in 1 2 3 4 5; do
    # GNU time counts in 10 ms steps: too coarse here.
    start=$(date +%s%N)
    "$k" --catalog "$work/catalog.sqlite" products --search "$q" --json >/dev/null
    t=$(( ($(date +%s%N) - start) / 1000 ))
    best=$(( t < ${best:-999999999} ? t : ${best:-999999999} ))
  done
  best=$(awk -v us="$best" 'BEGIN { printf "%.4f", us / 1e6 }')
  matches=$("$k" --catalog "$work/catalog.sqlite" products --search "$q" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  echo "$q	$matches	$best"
done > "$work/cli-search.txt"
cargo bench -p kuajing-core --bench search --locked -q -- "$work/catalog.sqlite" 2>/dev/null | grep -P '\t' > "$work/search-bench.txt"
time_cmd "$work/backup.t" "$k" --catalog "$work/catalog.sqlite" backup
backup_mb=$(du -m "$(ls -t "$work"/backups/catalog-*.sqlite | head -1)" | cut -f1)

# Saves while an import of a changed file holds the write lock: each must wait and land.
"$k" --catalog "$work/catalog.sqlite" import "$work/export-changed.csv" >/dev/null &
importer=$!
python3 - "$k" "$work/catalog.sqlite" > "$work/saves.txt" <<'PY'
import subprocess, sys, time
k, catalog = sys.argv[1], sys.argv[2]
times, failed = [], 0
time.sleep(0.3)
for i in range(12):
    t = time.monotonic()
    r = subprocess.run([k, "--catalog", catalog, "copy", "set", "product-7", "title", f"华盛顿雷尼尔樱桃 第{i}版"],
                       capture_output=True)
    times.append((time.monotonic() - t) * 1000)
    failed += r.returncode != 0
    time.sleep(0.25)
times.sort()
print(f"{len(times)} {failed} {times[len(times)//2]:.0f} {times[-1]:.0f}")
PY
wait "$importer"
landed=$("$k" --catalog "$work/catalog.sqlite" product product-7 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["title_zh"])')

# Export: $export_products products x 5 photos, every photo its own file (2 MP JPEGs).
python3 - "$work" "$export_products" <<'PY'
import sys, os
from PIL import Image
work, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{work}/shop/photos", exist_ok=True)
srcs = [f"/usr/share/backgrounds/mate/nature/{f}" for f in ("Aqua.jpg","Dune.jpg","Garden.jpg","LadyBird.jpg","Storm.jpg")]
bases = []
for s in srcs:
    im = Image.open(s).convert("RGB"); im.thumbnail((1600, 1600))
    path = f"{work}/base-{len(bases)}.jpg"; im.save(path, quality=88); bases.append(open(path, "rb").read())
with open(f"{work}/shop/products.csv", "w") as f:
    f.write("Handle,Title,Variant SKU,Variant Price,Image Src,Image Position\n")
    for p in range(n):
        for i in range(5):
            name = f"photos/p{p}-{i}.jpg"
            # Distinct bytes after the end of the picture: distinct media files, same decode.
            open(f"{work}/shop/{name}", "wb").write(bases[i] + p.to_bytes(4, "little"))
            f.write(f"p{p},Product {p},S{p},{10 + p % 50}.99,{name},{i + 1}\n" if i == 0 else f"p{p},,,,{name},{i + 1}\n")
PY
ex="$work/export-catalog.sqlite"
"$k" --catalog "$ex" import "$work/shop/products.csv" >/dev/null
"$k" --catalog "$ex" rate set USD/CNY 7.2 >/dev/null
python3 - "$k" "$ex" "$export_products" <<'PY'
import subprocess, sys
k, ex, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
# A Chinese title on every product, through one import-free path: the CLI, a product at a time.
import sqlite3
con = sqlite3.connect(ex)
con.executemany("INSERT INTO copy (product_id, locale, field, text) SELECT id, 'zh-CN', 'title', ? FROM products WHERE handle = ?",
                [(f"华盛顿州新鲜雷尼尔樱桃{p}号", f"p{p}") for p in range(n)])
con.commit()
PY
time_cmd "$work/export.t" "$k" --catalog "$ex" export --out "$work/bundle.zip"
bundle_mb=$(du -m "$work/bundle.zip" | cut -f1)
images=$(unzip -l "$work/bundle.zip" | grep -c '\.jpg$' || true)
# Again with every render cached (issue 13: ≤ 3 s), the renders still in the OS's page cache
# as after rendering them; then, where the script may drop the page cache (root), from disk,
# beside the floor of reading the cached renders alone.
time_cmd "$work/export-warm.t" "$k" --catalog "$ex" export --out "$work/bundle.zip"
cold_export="not measured (dropping the page cache needs root)"
if [ "$(id -u)" -eq 0 ] && sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then
  time_cmd "$work/export-cold.t" "$k" --catalog "$ex" export --out "$work/bundle.zip"
  sync; echo 3 > /proc/sys/vm/drop_caches
  start=$(date +%s%N); find "$work/renders" -type f -exec cat {} + > /dev/null; floor_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  read -r exc_s _ < "$work/export-cold.t"
  cold_export="$exc_s s; reading the cached renders alone from disk (\`cat\`): $(awk -v ms="$floor_ms" 'BEGIN { printf "%.2f", ms / 1000 }') s"
fi

# The app at 20,000 products: the e2e test generates its own catalog (bench/make-catalog.py,
# 200 local photos), opens it in the app window under Xvfb (the debug build the tests use),
# searches it, scrolls it and writes what it measured to target/e2e-metrics/scale.json.
(cd ui && npm run build --silent)
cargo build --workspace --bins --locked -q
rm -f target/e2e-metrics/scale.json
PATH="$HOME/.cargo/bin:$PATH" xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --workspace --test e2e --locked -q -- --ignored --test-threads=1 an_agency_opens_searches_and_scrolls >/dev/null
app_rows=$(python3 - target/e2e-metrics/scale.json <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
ok = lambda good: "**PASS**" if good else "**FAIL**"
def frames(name, what):
    f = m[name]
    return (f"| scrolling, {what} ({f['frames']} frames) | p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms, max {f['max_ms']} ms;"
            f" {f['over_50_ms']} frames over 50 ms | no frame over 50 ms | {ok(f['over_50_ms'] == 0)} |")
idle, opened, after = m["idle_empty"], m["opened"], m["scrolled"]
print(f"| first rows painted, from the window's start (`performance.now()` mark) | {m['first_rows_ms']:.0f} ms | ≤ 1000 ms | {ok(m['first_rows_ms'] <= 1000)} |")
print(frames("wheel", "a wheel's pace: 4 rows a frame"))
print(frames("fling", "a fling through the whole list: 100 rows a frame"))
print(f"| web view (WebKit processes) after the scroll | {after['web_mib']} MiB (opened: {opened['web_mib']} MiB) | ≤ 400 MiB | {ok(after['web_mib'] <= 400)} |")
print(f"| the app process after the scroll | {after['app_mib']} MiB ({after['app_anon_mib']} MiB anonymous, {after['app_file_mib']} MiB files: the binary, libraries and the catalog's map) | | |")
print(f"| the whole app idling on an empty catalog (app + WebKit) | {idle['total_mib']} MiB | ≤ 300 MiB | {ok(idle['total_mib'] <= 300)} |")
PY
)

read -r sq_s sq_k < "$work/sqlite.t"
read -r im_s im_k < "$work/import.t"
read -r re_s re_k < "$work/reimport.t"
read -r fl_s fl_k < "$work/floor.t"
read -r li_s li_k < "$work/list.t"
read -r ix_s ix_k < "$work/index.t"
read -r li2_s li2_k < "$work/lint.t"
read -r bk_s bk_k < "$work/backup.t"
read -r ex_s ex_k < "$work/export.t"
read -r exw_s exw_k < "$work/export-warm.t"
read -r saves failed median worst < "$work/saves.txt"
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "**PASS**" : "**FAIL**" }'; }

cat > "$doc" <<MD
# Catalog benchmarks

Written by \`bash scripts/bench-catalog.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (commit $(git rev-parse --short HEAD)). Every number below comes from that run; re-run the script rather than editing this file. Image benchmarks: [benchmarks.md](benchmarks.md).

The file: a generated Shopify export in the classic headers, $products products x 5 variants ($((products * 5)) rows), one photo URL per product, $size_mb MB. Times are whole-process wall time of one run (GNU time), peak memory is the process's maximum resident set.

| what | kuajing | peer or target | result |
|---|---|---|:-:|
| import $products products ($((products * 5)) variants) | $im_s s, $(mib "$im_k") | \`sqlite3 .import\` of the same file: $sq_s s ($(ratio "$im_s" "$sq_s")); target ≤ 2x and ≤ 150 MiB (issue 13) | $(awk -v a="$im_s" -v b="$sq_s" -v k="$im_k" 'BEGIN { print (a <= 2 * b && k <= 150 * 1024) ? "**PASS**" : "**FAIL**" }') |
| the floor: the same $floor_rows rows written by \`sqlite3\` itself (\`INSERT … SELECT\` from the imported catalog into an empty one: the same indexes and triggers; no CSV to parse, no search index) | $fl_s s ($(ratio "$fl_s" "$sq_s") the \`.import\`) | | |
| re-import of the unchanged file (every product reported unchanged) | $re_s s, $(mib "$re_k") | | |
| list every product (\`products --json\`) | $li_s s | | |
| lint every Chinese title ($products, all cores; \`products --errors\` the first time, whole process) | $li2_s s, $flagged with errors | ≤ 2 s (issue 13) | $(awk -v s="$li2_s" 'BEGIN { print (s <= 2) ? "**PASS**" : "**FAIL**" }') |
| first search after $products Chinese titles were written outside Kuajing (indexes every product; matches none) | $ix_s s | | |
| backup (\`backup\`: \`VACUUM INTO\` a $backup_mb MB copy, whole process) | $bk_s s, $(mib "$bk_k") | ≤ 2 s (issue 13) | $(awk -v s="$bk_s" 'BEGIN { print (s <= 2) ? "**PASS**" : "**FAIL**" }') |
| saves while an import of a changed file holds the write lock | $saves saves, $failed failed; median $median ms, worst $worst ms; the last one landed: "$landed" | every save waits and lands | $([ "$failed" = 0 ] && echo '**PASS**' || echo '**FAIL**') |
| export $export_products products x 5 photos ($images images, $bundle_mb MB bundle), rendering every photo | $ex_s s, peak $(mib "$ex_k") | ≤ 300 MiB | $(verdict "$ex_k" $((300 * 1024))) |
| the same export again, every render cached (in the page cache, as after rendering) | $exw_s s, peak $(mib "$exw_k") | ≤ 3 s (issue 13) | $(verdict "$exw_s" 3) |
| the same export, every render cached, the page cache dropped first (renders read from disk) | $cold_export | | |

## Search

The same catalog with a Chinese title on every product (\`华盛顿州新鲜樱桃 7号 2-lb 礼盒装\`, five different fruits), one in 10 with a banned term and one in 20 with a rejected title. In process: \`cargo bench -p kuajing-core --bench search\` asks each query as the list does (the first page of 100 and the total), 200 times after one untimed run. Whole process: \`kuajing products --search TEXT --json\`, best of 5 runs, printing every match.

| query (in process) | matches | p50 | p95 | target p95 ≤ 5 ms |
|---|--:|--:|--:|:-:|
$(awk -F'\t' '{ v = ($4 <= 5) ? "**PASS**" : "**FAIL**"; printf "| %s | %s | %s ms | %s ms | %s |\n", $1, $2, $3, $4, v }' "$work/search-bench.txt")

| query (whole CLI process) | matches | wall | target ≤ 100 ms |
|---|--:|--:|:-:|
$(awk -F'\t' '{ v = ($3 <= 0.1) ? "**PASS**" : "**FAIL**"; printf "| `%s` | %s | %.0f ms | %s |\n", $1, $2, $3 * 1000, v }' "$work/cli-search.txt")

Before issue 13's index, \`products --search\` scanned every product's copy with LIKE: 150 ms at 20,000 products.

Before issue 9's fix, the import grew with the square of the file (4,000 products 17.9 s, 20,000 products 534 s and 211 MiB): the SKU check walked every variant for each variant imported.

## The app at 20,000 products

\`cargo test --test e2e -- --ignored an_agency_opens_searches_and_scrolls\` (run by this script): a generated catalog of 20,000 products and 100,000 variants with Chinese titles (one in 10 with a banned term) and 200 local photos, opened in the app window (the debug build the tests use, under Xvfb with WebKit's compositing off), searched for 蓝莓 and scrolled end to end, one scroll step per animation frame. Frame times are the gaps between \`requestAnimationFrame\` callbacks (\`performance.now()\`); memory is PSS from \`/proc/PID/smaps_rollup\`, summed over the app and its WebKit processes. Measured, not asserted: one run on a noisy 2-core machine.

| what | measured | target (issue 13) | result |
|---|---|---|:-:|
$app_rows

## Machine

- $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM; $(. /etc/os-release; echo "$PRETTY_NAME")
- $("$k" --version), $(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/sqlite3 /')
- Load just before the run: $(cut -d' ' -f1-3 /proc/loadavg)
MD
echo "wrote $doc"
cat "$doc"
