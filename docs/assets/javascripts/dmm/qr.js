// QR codes made in the page, after ISO/IEC 18004: byte mode (the UTF-8 bytes of the text, no ECI),
// error correction level M, the smallest version that holds the text, the data mask with the lowest
// penalty. Nothing is sent anywhere; nothing touches the DOM until qrSvg is called.
// tests/test_qr.py compares every module with segno, the encoder of the build-time codes.

// Level M, versions 1 to 40 (ISO/IEC 18004 Table 9): error correction codewords in each block ...
const EC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
  26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
// ... and the number of blocks the codewords are split into.
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
  17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];

// GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator 2. EXP is doubled in
// length so that EXP[LOG[a] + LOG[b]] needs no "mod 255".
const EXP = new Uint8Array(510);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = EXP[i + 255] = x;
  LOG[x] = i;
  x = x & 0x80 ? (x << 1) ^ 0x11D : x << 1;
}

const multiply = (a, b) => (a && b ? EXP[LOG[a] + LOG[b]] : 0);

// The Reed–Solomon generator polynomial (x - α^0)(x - α^1)...(x - α^(degree-1)), highest power first.
// Each step multiplies by (x - α^i), which in GF(256) is poly·x + poly·α^i.
function generator(degree) {
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    poly = [...poly, 0].map((coefficient, j) => coefficient ^ (j ? multiply(poly[j - 1], EXP[i]) : 0));
  }
  return poly;
}

// The error correction codewords of one block: the remainder of data·x^degree divided by the generator.
function errorCorrection(data, degree) {
  const gen = generator(degree);
  const remainder = new Array(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift();
    remainder.push(0);
    for (let i = 0; i < degree; i++) remainder[i] ^= multiply(gen[i + 1], factor);
  }
  return remainder;
}

// Alignment pattern centres on each axis: 6, then evenly spaced by an even step up to size - 7. The
// step formula gives the standard's table (Annex E), version 32's step of 26 included.
function alignmentPositions(version) {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  return [6, ...Array.from({length: count - 1}, (_, i) => 4 * version + 10 - (count - 2 - i) * step)];
}

// Modules left for codewords once the function patterns and format/version areas are taken.
function codewordModules(version) {
  const size = 4 * version + 17;
  let modules = size * size - 3 * 64 - 2 * (size - 16) - 31;  // finders+separators, timing, format+dark module
  const aligns = alignmentPositions(version).length;
  if (aligns) modules -= 25 * (aligns * aligns - 3) - 10 * (aligns - 2);  // minus timing overlap counted twice
  if (version >= 7) modules -= 36;  // two version information blocks of 6 × 3
  return modules;
}

// Data codewords of a version: all codewords less the error correction ones.
const dataCapacity = (version) =>
  Math.floor(codewordModules(version) / 8) - EC_PER_BLOCK[version - 1] * BLOCKS[version - 1];

// The character count takes 8 bits in versions 1-9 and 16 bits from version 10.
const countBits = (version) => (version < 10 ? 8 : 16);

// Bytes of text a version holds at level M, after the 4-bit mode and the count.
const byteCapacity = (version) => Math.floor((8 * dataCapacity(version) - 4 - countBits(version)) / 8);

// Byte mode: mode 0100, the count, the bytes, a terminator of up to four zeros, zeros to the end of
// the byte only if it is not already complete (segno 1.6 adds a whole zero byte then, unlike the
// standard), then the pad codewords 0xEC 0x11 alternately.
function dataCodewords(bytes, version) {
  const capacity = dataCapacity(version);
  const binary = (value, length) => value.toString(2).padStart(length, "0");
  let bits = "0100" + binary(bytes.length, countBits(version)) + bytes.map((byte) => binary(byte, 8)).join("");
  bits += "0".repeat(Math.min(4, capacity * 8 - bits.length));
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, "0");
  const words = bits.match(/.{8}/g).map((word) => parseInt(word, 2));
  for (let pad = 0xEC; words.length < capacity; pad ^= 0xEC ^ 0x11) words.push(pad);
  return words;
}

// Split into blocks (the later blocks one data codeword longer when it does not divide evenly), add
// each block's error correction, then interleave: data codewords column by column, then the rest.
function finalCodewords(data, version) {
  const degree = EC_PER_BLOCK[version - 1];
  const count = BLOCKS[version - 1];
  const total = Math.floor(codewordModules(version) / 8);
  const shortLength = Math.floor(total / count) - degree;
  const longBlocks = total % count;
  const blocks = [];
  for (let b = 0, offset = 0; b < count; b++) {
    const part = data.slice(offset, offset += shortLength + (b >= count - longBlocks ? 1 : 0));
    blocks.push({data: part, ec: errorCorrection(part, degree)});
  }
  const result = [];
  for (let i = 0; i <= shortLength; i++) {
    for (const block of blocks) if (i < block.data.length) result.push(block.data[i]);
  }
  for (let i = 0; i < degree; i++) for (const block of blocks) result.push(block.ec[i]);
  return result;
}

// The symbol with its function patterns; `reserved` marks modules that data never uses. Format and
// version areas and the dark module are reserved here and stay light until the mask is chosen.
function functionPatterns(version) {
  const size = 4 * version + 17;
  const modules = Array.from({length: size}, () => new Array(size).fill(false));
  const reserved = Array.from({length: size}, () => new Array(size).fill(false));
  const symbol = {size, modules, reserved};
  const set = symbol.set = (row, col, dark) => {
    symbol.modules[row][col] = dark;
    reserved[row][col] = true;
  };
  // Square rings around (r, c) out to `radius`, dark or light by their distance; clipped at the edges.
  const inside = (i) => i >= 0 && i < size;
  const rings = (r, c, radius, dark) => {
    for (let dr = -radius; dr <= radius; dr++) for (let dc = -radius; dc <= radius; dc++) {
      if (inside(r + dr) && inside(c + dc)) set(r + dr, c + dc, dark(Math.max(Math.abs(dr), Math.abs(dc))));
    }
  };
  // Finders with their separators: rings 0-1 dark, 2 light, 3 dark, 4 light (the separator).
  for (const [r, c] of [[3, 3], [3, size - 4], [size - 4, 3]]) rings(r, c, 4, (ring) => ring !== 2 && ring !== 4);
  for (let i = 8; i < size - 8; i++) {  // timing patterns: dark on even positions
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  const centres = alignmentPositions(version);
  const last = centres.length - 1;
  centres.forEach((r, i) => centres.forEach((c, j) => {  // alignment patterns: 5 × 5, light ring at distance 1
    if ((i === 0 && (j === 0 || j === last)) || (i === last && j === 0)) return;  // under a finder
    rings(r, c, 2, (ring) => ring !== 1);
  }));
  const cells = formatCells(size).flat().concat([[size - 8, 8]], version >= 7 ? versionCells(size).flat() : []);
  cells.forEach(([row, col]) => set(row, col, false));
  return symbol;
}

// Where format bit i goes (bit 0 the least significant), in its two copies: down column 8 and left
// along row 8 around the top-left finder, stepping over the timing; along row 8 from the right edge,
// then down column 8 at the bottom left.
function formatCells(size) {
  const first = [0, 1, 2, 3, 4, 5, 7, 8].map((row) => [row, 8]).concat([7, 5, 4, 3, 2, 1, 0].map((col) => [8, col]));
  const second = Array.from({length: 15}, (_, i) => (i < 8 ? [8, size - 1 - i] : [size - 15 + i, 8]));
  return [first, second];
}

// Where version bit i goes: two 6 × 3 blocks, above the bottom-left finder and left of the top-right one.
function versionCells(size) {
  const topRight = Array.from({length: 18}, (_, i) => [Math.floor(i / 3), size - 11 + i % 3]);
  return [topRight, topRight.map(([row, col]) => [col, row])];
}

// Codeword bits, most significant first, in two-module columns from the right, upwards then downwards,
// stepping over the vertical timing pattern. Remainder bits stay light.
function placeData(symbol, codewords) {
  const {size, modules, reserved} = symbol;
  let bit = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step;
      for (const col of [right, right - 1]) {
        if (reserved[row][col] || bit >= codewords.length * 8) continue;
        modules[row][col] = ((codewords[bit >>> 3] >>> (7 - (bit & 7))) & 1) === 1;
        bit++;
      }
    }
  }
}

// The eight data masks: a module is inverted where the condition holds (i = row, j = column).
const MASKS = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => (i * j) % 2 + (i * j) % 3 === 0,
  (i, j) => ((i * j) % 2 + (i * j) % 3) % 2 === 0,
  (i, j) => ((i + j) % 2 + (i * j) % 3) % 2 === 0
];

// The symbol's modules with `mask` applied to the data modules (the reserved ones stay as they are).
const masked = (symbol, mask) => symbol.modules.map((row, i) => row.map((dark, j) =>
  (symbol.reserved[i][j] ? dark : dark !== MASKS[mask](i, j))));

// Penalty rules 1 and 3 for one row or column: runs of five or more alike (3 + run - 5), and each
// dark-light-dark-dark-dark-light-dark with four light modules on one side (40; beyond the edge counts
// as light, and a pattern that scored is stepped over whole, as segno does).
function linePenalty(line) {
  const text = line.map((dark) => (dark ? "1" : "0")).join("");
  let score = 0;
  for (const run of text.match(/0+|1+/g)) if (run.length >= 5) score += run.length - 2;
  const light = (from, to) => line.slice(Math.max(from, 0), Math.max(to, 0)).every((dark) => !dark);
  for (let i = text.indexOf("1011101"); i !== -1; i = text.indexOf("1011101", i + 1)) {
    if (light(i - 4, i) || light(i + 7, i + 11)) {
      score += 40;
      i += 6;
    }
  }
  return score;
}

// The four penalty rules of ISO/IEC 18004 (7.8.3.1), scored before the format and version information
// are added, as the standard's steps order them and segno does (format areas and dark module light).
function penalty(modules) {
  const size = modules.length;
  const columns = modules.map((_, j) => modules.map((row) => row[j]));
  let score = 0;
  for (const line of modules.concat(columns)) score += linePenalty(line);
  for (let i = 1; i < size; i++) for (let j = 1; j < size; j++) {  // rule 2: each 2 × 2 block of one colour
    const dark = modules[i][j];
    if (modules[i - 1][j] === dark && modules[i][j - 1] === dark && modules[i - 1][j - 1] === dark) score += 3;
  }
  const dark = modules.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
  return score + 10 * Math.floor(Math.abs(dark * 20 - size * size * 10) / (size * size));  // 10 per 5 % off 50 %
}

// A BCH code: `data` followed by the remainder of data·x^(bits of generator - 1) divided by `generator`.
function bch(data, generator, generatorBits) {
  let remainder = data << (generatorBits - 1);
  for (let bit = 31 - Math.clz32(remainder); bit >= generatorBits - 1; bit--) {
    if (remainder & (1 << bit)) remainder ^= generator << (bit - generatorBits + 1);
  }
  return (data << (generatorBits - 1)) | remainder;
}

// Writes `bits` (bit 0 the least significant) into each copy of `cells`.
function drawBits(symbol, copies, bits) {
  copies.forEach((cells) => cells.forEach(([row, col], i) => symbol.set(row, col, ((bits >>> i) & 1) === 1)));
}

// Format information: level M (00) and the mask, BCH(15,5) with generator 0x537, XOR 0x5412; then the
// dark module. Version information (version 7 and up): the version, BCH(18,6) with generator 0x1F25.
function drawFormatAndVersion(symbol, version, mask) {
  drawBits(symbol, formatCells(symbol.size), bch(mask, 0x537, 11) ^ 0x5412);
  symbol.set(symbol.size - 8, 8, true);
  if (version >= 7) drawBits(symbol, versionCells(symbol.size), bch(version, 0x1F25, 13));
}

// {version, mask, size, modules}: modules[row][column], true for dark, without the quiet zone.
export function qrMatrix(text) {
  const bytes = Array.from(new TextEncoder().encode(text));
  let version = 1;
  while (version <= 40 && bytes.length > byteCapacity(version)) version++;
  if (version > 40) {
    throw new Error(`QR code: the text is ${bytes.length} bytes in UTF-8, ` +
      `more than the ${byteCapacity(40)} bytes version 40-M holds`);
  }
  const symbol = functionPatterns(version);
  placeData(symbol, finalCodewords(dataCodewords(bytes, version), version));
  const scores = MASKS.map((_, mask) => penalty(masked(symbol, mask)));
  const mask = scores.indexOf(Math.min(...scores));  // the first of equals: the lowest mask number
  symbol.modules = masked(symbol, mask);
  drawFormatAndVersion(symbol, version, mask);
  return {version, mask, size: symbol.size, modules: symbol.modules};
}

// The code as an <svg> element built with DOM calls (the title may be any text). Dark modules are one
// path of horizontal runs, "M x y hN v1 h-N z" each; a light border of two modules surrounds them.
export function qrSvg(text, title, document, scale = 6) {
  const {size, modules} = qrMatrix(text);
  const border = 2;
  const full = size + 2 * border;
  const SVG = "http://www.w3.org/2000/svg";
  const node = (name, attributes) => {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    return element;
  };
  const svg = node("svg", {viewBox: `0 0 ${full} ${full}`, width: full * scale, height: full * scale, role: "img"});
  const label = node("title", {});
  label.textContent = title;
  svg.appendChild(label);
  svg.appendChild(node("rect", {width: full, height: full, fill: "#ffffff"}));
  // Each run of dark modules in a row ("1+" in the row written as 0s and 1s) is one rectangle.
  const runs = modules.map((row, y) => [...row.map((dark) => (dark ? "1" : "0")).join("").matchAll(/1+/g)]
    .map((run) => `M${run.index + border} ${y + border}h${run[0].length}v1h-${run[0].length}z`).join(""));
  svg.appendChild(node("path", {d: runs.join(""), fill: "#000000"}));
  return svg;
}
