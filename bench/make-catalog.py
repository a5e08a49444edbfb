#!/usr/bin/env python3
"""Catalogs of any size for the benchmarks and the e2e test at scale (issue 13).

    python3 bench/make-catalog.py export DIR --products 20000 [--photos 200] [--bump]
        DIR/export.csv: a Shopify export in the classic headers, PRODUCTS products x 5
        variants. Each product has one photo: a URL (downloaded later), or with --photos K a
        local file DIR/photos/pN.jpg (K distinct files, product p shows photo p % K), which the
        import copies into the catalog. --bump adds 1.00 to every price (a changed file).

    python3 bench/make-catalog.py zh CATALOG
        After `kuajing import`: a Chinese title on every product (five fruits in turn), one in
        10 with a term the Advertising Law bans (最佳, an error finding) and one in 20 rejected
        in review, as a catalog mid-review has. Written straight into the tables: the catalog's
        triggers mark each product for the search index (the next search or write indexes it).

Only the standard library: it runs on a bare machine (the e2e test calls it).
"""
import argparse
import csv
import os
import sqlite3
import sys

HEAD = ["Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published", "Option1 Name",
        "Option1 Value", "Variant SKU", "Variant Grams", "Variant Inventory Qty", "Variant Price",
        "Variant Barcode", "Image Src", "Image Position", "Variant Weight Unit", "Status"]
FRUITS = ["樱桃", "坚果", "鲑鱼", "蓝莓", "杏仁"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def photos(folder, count):
    """`count` distinct JPEG files made from the sample's photos: the same picture with distinct
    bytes after its end, so each is its own media file and decodes like its source."""
    sources = sorted(os.path.join(ROOT, "assets/sample/images", f)
                     for f in os.listdir(os.path.join(ROOT, "assets/sample/images")) if f.endswith(".jpg"))
    bases = [open(s, "rb").read() for s in sources]
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        with open(os.path.join(folder, f"p{i}.jpg"), "wb") as f:
            f.write(bases[i % len(bases)] + i.to_bytes(4, "little"))


def export(args):
    os.makedirs(args.dir, exist_ok=True)
    if args.photos:
        photos(os.path.join(args.dir, "photos"), args.photos)
    bump = 1 if args.bump else 0
    with open(os.path.join(args.dir, "export.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEAD)
        for p in range(args.products):
            image = f"photos/p{p % args.photos}.jpg" if args.photos else f"https://cdn.example.com/p/{p}.jpg"
            for v in range(5):
                first = v == 0
                w.writerow([f"product-{p}", f"Product {p} Rainier Cherries" if first else "",
                            "<p>Sweet cherries from Washington.</p>" if first else "",
                            f"Vendor {p % 50}" if first else "", "Fruit" if first else "",
                            "fruit, cherries" if first else "", "true" if first else "",
                            "Size" if first else "", f"{v + 1} lb", f"SKU-{p}-{v}", str(454 * (v + 1)), "10",
                            f"{19.99 + v + bump:.2f}", f"0{p:06d}{v}", image if first else "",
                            "1" if first else "", "lb", "active" if first else ""])


def chinese(args):
    con = sqlite3.connect(args.catalog)
    ids = [r[0] for r in con.execute("SELECT id FROM products ORDER BY id")]
    if not ids:
        sys.exit(f"{args.catalog}: no products: run `kuajing import` first")
    con.executemany(
        "INSERT OR REPLACE INTO copy (product_id, locale, field, text) VALUES (?, 'zh-CN', 'title', ?)",
        [(pid, f"华盛顿州新鲜{FRUITS[i % 5]} {i}号 2-lb 礼盒装" + ("，最佳" if i % 10 == 3 else ""))
         for i, pid in enumerate(ids)])
    con.executemany(
        "INSERT OR REPLACE INTO review (product_id, locale, field, state, source_en, source_hash)"
        " VALUES (?, 'zh-CN', 'title', ?, '', '')",
        [(pid, "rejected" if i % 20 == 0 else "translated") for i, pid in enumerate(ids)])
    con.commit()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    e = sub.add_parser("export", help="write DIR/export.csv (and DIR/photos with --photos)")
    e.add_argument("dir")
    e.add_argument("--products", type=int, default=20000)
    e.add_argument("--photos", type=int, default=0)
    e.add_argument("--bump", action="store_true")
    e.set_defaults(run=export)
    z = sub.add_parser("zh", help="Chinese titles and review states in an imported catalog")
    z.add_argument("catalog")
    z.set_defaults(run=chinese)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
