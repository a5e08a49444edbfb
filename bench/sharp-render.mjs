// sharp peer for scripts/bench-images.sh.
//
//   node sharp-render.mjs main   OUT_DIR IN...   800x800, fitted inside, padded on white, q85
//   node sharp-render.mjs detail OUT_DIR IN...   750 px wide, aspect kept, q85
//
// Writes OUT_DIR/<input file name>. EXIF orientation is applied (.rotate() with no angle) and
// metadata is dropped (sharp's default). All inputs are started at once (Promise.all) and sharp
// runs them with its default concurrency: the libuv thread pool (UV_THREADPOOL_SIZE, default 4)
// and sharp.concurrency() libvips threads per image.
import path from "node:path";
import sharp from "sharp";

const [mode, outDir, ...inputs] = process.argv.slice(2);
if (!["main", "detail"].includes(mode) || !outDir || inputs.length === 0) {
  console.error("usage: node sharp-render.mjs main|detail OUT_DIR IN...");
  process.exit(2);
}

function render(input) {
  const out = path.join(outDir, path.basename(input));
  let img = sharp(input).rotate();
  img =
    mode === "main"
      ? img.resize(800, 800, { fit: "contain", background: "#ffffff" }).flatten({ background: "#ffffff" })
      : img.resize({ width: 750 });
  return img.jpeg({ quality: 85 }).toFile(out);
}

try {
  await Promise.all(inputs.map(render));
} catch (err) {
  console.error(`sharp-render: ${err.message}`);
  process.exit(1);
}
