// 生成扩展图标 images/icon.png(128×128):红色印章底、白色边框和清单条目,纯几何图形,无需字体。
// Writes images/icon.png: a red seal with a white rim and a checklist, drawn with signed distances
// and 4×4 supersampling, encoded as an RGBA PNG with zlib. Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const RED = [179, 38, 30];
const WHITE = [255, 255, 255];

/** Signed distance to a rounded rectangle [x0,x1]×[y0,y1] with corner radius r (negative inside). */
function roundRect(x, y, x0, y0, x1, y1, r) {
  const qx = Math.abs(x - (x0 + x1) / 2) - (x1 - x0) / 2 + r;
  const qy = Math.abs(y - (y0 + y1) / 2) - (y1 - y0) / 2 + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** The colour at a point, or null outside the seal. */
function paint(x, y) {
  if (roundRect(x, y, 0, 0, SIZE, SIZE, 24) > 0) return null;
  const rimOuter = roundRect(x, y, 10, 10, SIZE - 10, SIZE - 10, 16);
  const rimInner = roundRect(x, y, 15, 15, SIZE - 15, SIZE - 15, 11);
  if (rimOuter <= 0 && rimInner > 0) return WHITE;
  const rows = [
    [42, 96],
    [64, 96],
    [86, 80],
  ];
  for (const [cy, end] of rows) {
    if (roundRect(x, y, 32, cy - 6, 44, cy + 6, 2) <= 0) return WHITE; // bullet
    if (roundRect(x, y, 52, cy - 4, end, cy + 4, 4) <= 0) return WHITE; // line of text
  }
  return RED;
}

const SS = 4;
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = paint(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a++;
      }
    }
    const o = row + 1 + x * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / (SS * SS));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(fileURLToPath(import.meta.resolve('../images/icon.png')), png);
console.log(`images/icon.png: ${png.length} bytes`);
