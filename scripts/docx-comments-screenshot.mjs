#!/usr/bin/env node
// Remakes docs/images/docx-comments.png: the reviewer's workflow of the README's Word section, as
// LibreOffice shows it. A draft is written as a .docx (the `docx` package, as Word writes it),
// checked with the built CLI (`yaodian check --format docx -o`), and the commented copy is opened
// in LibreOffice Writer in a virtual screen (Xvfb); the page and its comment margin are captured.
//
// Needs: `npm run build`, and Debian's libreoffice-writer, xvfb and imagemagick.
// Run: node scripts/docx-comments-screenshot.mjs [out.png]

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs/images/docx-comments.png'));
const WIDTH = 1280;
const HEIGHT = 960;

// A draft with the mistakes a reviewer meets: a number skipped, a marker in the wrong form, a
// task with no time node, a month that does not exist, a deadline outside the plan year.
const DRAFT = [
  '2026年某区政务公开工作要点',
  '为深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，结合本区实际，制定本要点。',
  '一、围绕稳增长强化信息公开',
  '（一）做好财政信息公开。按季度公开财政收支情况。（责任单位：区财政局；完成时限：每季度）',
  '（三）推进重大项目信息公开。及时发布重点建设项目目录。（责任单位：区发展改革委）',
  '二.围绕惠民生强化信息公开',
  '（四）推进教育信息公开。公布公办学校招生区域，做好招生政策解读。（责任单位：区教育局；完成时限：13月底前）',
  '（五）加强就业信息公开。及时发布用工需求和招聘信息。（责任单位：区人社局；完成时限：2025年6月底前）',
];

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A display number no X server holds. */
function freeDisplay() {
  for (let n = 90; n < 200; n++) if (!fs.existsSync(`/tmp/.X11-unix/X${n}`) && !fs.existsSync(`/tmp/.X${n}-lock`)) return n;
  throw new Error('no free X display');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-shot-'));
const draft = path.join(tmp, 'draft.docx');
// ASCII names: LibreOffice started without a UTF-8 locale cannot open a Chinese file name.
const commented = path.join(tmp, 'draft-review.docx');
const doc = new Document({ sections: [{ children: DRAFT.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
fs.writeFileSync(draft, await Packer.toBuffer(doc));

const check = run(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'docx', '-o', commented, draft]);
if (!fs.existsSync(commented)) throw new Error(`yaodian check --format docx wrote nothing: ${check.stderr}`);
process.stdout.write(check.stdout);

const display = freeDisplay();
const env = { ...process.env, DISPLAY: `:${display}` };
// Each in a process group of its own, so that it and its children end together.
const xvfb = spawn('Xvfb', [`:${display}`, '-screen', '0', `${WIDTH}x${HEIGHT}x24`, '-nolisten', 'tcp'], { detached: true, stdio: 'ignore' });
let office;
try {
  await sleep(1000);
  office = spawn('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'profile')}`, '--norestore', '--nologo', '--view', commented], { env, detached: true, stdio: 'ignore' });
  // Wait for Writer's window, then for the page and its comments to be drawn.
  let shown = false;
  for (let i = 0; i < 120 && !shown; i++) {
    await sleep(500);
    shown = /LibreOffice Writer/.test(run('xwininfo', ['-root', '-tree'], { env }).stdout);
  }
  if (!shown) throw new Error('LibreOffice did not open the document within a minute');
  await sleep(8000);
  const full = path.join(tmp, 'screen.png');
  run('import', ['-window', 'root', full], { env });
  // The page and the comment margin, without the menus, the toolbars and the status bar.
  if (process.env.KEEP_SCREEN) fs.copyFileSync(full, process.env.KEEP_SCREEN);
  const r = run('convert', [full, '-crop', '1015x620+102+100', '+repage', OUT]);
  if (r.status !== 0) throw new Error(`convert: ${r.stderr}`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)}\n`);
} finally {
  for (const p of [office, xvfb]) {
    if (p?.pid) {
      try {
        process.kill(-p.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  await sleep(500);
  fs.rmSync(tmp, { recursive: true, force: true });
}
