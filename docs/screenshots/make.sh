#!/bin/sh
# Remakes the report screenshots in this folder with headless Chromium (Debian's `chromium`).
# Run from the repository after `npm run build`: sh docs/screenshots/make.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tusoi="node $root/bin/tusoi.js"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shot() { # html png height
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --hide-scrollbars \
    --window-size=900,"$3" --screenshot="$2" "file://$1" >/dev/null 2>&1
}

# A 4-member cell, round closed; answers from a fixed seed (about 7 % reported, as in real rounds).
cd "$work"
db="--db $work/cb.sqlite"
$tusoi $db init --unit-code CB03 --unit-name "Chi bộ Văn phòng" --level chi-bo --parent DU01 >/dev/null
$tusoi $db member add "Nguyễn Văn An" "Trần Thị Bích Ngọc" "Lê Đức Thắng" "Phạm Thị Hương" >/dev/null
$tusoi $db round open --label 2026 >/dev/null
$tusoi $db questionnaire show nq4-khoa-xii --json | node -e '
  const q = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const ids = q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
  let s = 3;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 1; i <= 4; i++) {
    const rows = ids.map((id) => { const x = rnd(); return `${id},${x < 0.93 ? "khong" : x < 0.98 ? "thinh-thoang" : "thuong-xuyen"}`; });
    require("fs").writeFileSync(`f${i}.csv`, `behaviour,level\n${rows.join("\n")}\n`);
  }'
for i in 1 2 3 4; do $tusoi $db answer --member M00$i --answers f$i.csv >/dev/null; done
$tusoi $db round close >/dev/null 2>&1 </dev/null
$tusoi $db report --format html --out "$work/cell.html" --place "Hà Nội" >/dev/null
shot "$work/cell.html" "$here/cell-4-members.png" 2000

# The demo's bloc (one cell still missing).
$tusoi demo --dir "$work/demo" >/dev/null
$tusoi --db "$work/demo/khoi.sqlite" report --format html --out "$work/bloc.html" --place "Hà Nội" >/dev/null
shot "$work/bloc.html" "$here/demo-bloc.png" 2300

# The printed PDF's last page: page number and signature block.
$tusoi $db report --format pdf --out "$work/cell.pdf" --place "Hà Nội" >/dev/null
pages=$(pdfinfo "$work/cell.pdf" | sed -n 's/^Pages: *//p')
pdftoppm -f "$pages" -l "$pages" -r 70 -png -singlefile "$work/cell.pdf" "$here/cell-pdf-last-page"
echo "written: $here/cell-4-members.png $here/demo-bloc.png $here/cell-pdf-last-page.png"
