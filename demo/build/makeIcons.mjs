#!/usr/bin/env node
// Draws the demo's PNG icons (a magnifying glass on the brand colour) with a tiny PNG encoder, so no image
// tool is needed: `node demo/build/makeIcons.mjs` writes public/icons/icon-{192,512}.png and the maskable
// variant. public/icons/icon.svg is the same drawing by hand. The PNGs are committed (a few KiB).
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/icons');
const BG = [0x2f, 0x3b, 0x8f];
const FG = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
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
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage of the background (rounded square, or full bleed) and of the glyph at a point of the unit square. */
function sample(x, y, maskable) {
  let bg = 1;
  if (!maskable) {
    const r = 0.18, m = 0.02;
    const cx = Math.min(Math.max(x, m + r), 1 - m - r), cy = Math.min(Math.max(y, m + r), 1 - m - r);
    bg = Math.hypot(x - cx, y - cy) <= r && x >= m && x <= 1 - m && y >= m && y <= 1 - m ? 1 : 0;
  }
  const s = maskable ? 0.7 : 1; // maskable: keep the glyph inside the safe zone
  const gx = (x - 0.5) / s + 0.5, gy = (y - 0.5) / s + 0.5;
  const ring = Math.abs(Math.hypot(gx - 0.43, gy - 0.43) - 0.2) <= 0.055;
  const handle = distToSegment(gx, gy, 0.58, 0.58, 0.77, 0.77) <= 0.065;
  return { bg, fg: bg && (ring || handle) ? 1 : 0 };
}

function draw(size, maskable) {
  const buf = Buffer.alloc(size * size * 4);
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0, fg = 0;
      for (let j = 0; j < ss; j++) for (let i = 0; i < ss; i++) {
        const s = sample((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size, maskable);
        bg += s.bg;
        fg += s.fg;
      }
      bg /= ss * ss;
      fg /= ss * ss;
      const o = (y * size + x) * 4;
      const f = bg ? fg / bg : 0;
      for (let c = 0; c < 3; c++) buf[o + c] = Math.round(BG[c] * (1 - f) + FG[c] * f);
      buf[o + 3] = Math.round(bg * 255);
    }
  }
  return png(size, buf);
}

mkdirSync(out, { recursive: true });
for (const size of [192, 512]) writeFileSync(resolve(out, `icon-${size}.png`), draw(size, false));
writeFileSync(resolve(out, 'icon-maskable-512.png'), draw(512, true));
console.log(`icons → ${out}`);
