#!/usr/bin/env node
/**
 * Security scan of the Electron code (electron/**) with Electronegativity, offline.
 *
 *   node test/security/scan.mjs            exit 0: no finding of severity MEDIUM or higher
 *                                           exit 1: findings, unparseable files, or a bad setup
 *
 * Equivalent to `electronegativity -i electron -x AvailableSecurityFixesGlobalCheck,<below>
 * -e 45.5.0 -o <tmp>.sarif`, with three things the CLI cannot do:
 *
 * - Fail on files it could not parse. With `-o` the CLI drops its parse errors (they are only
 *   printed in table mode, mixed with the table), and it skips files whose extension it does not
 *   know (.mjs, .cjs, .mts, .cts). So we call the same runner the CLI calls (the package's main
 *   module), on a staged copy where those files are renamed to .js/.ts, check that the scanner's
 *   own parser reads every file, and fail on every parse error it reports.
 * - Stay offline. The runner fetches translations from the network on every run; we install the
 *   same i18n set-up with the bundled English strings instead.
 * - Forbid inline `eng-disable` comments, so the only way to silence a check is the documented
 *   list below. Our CSP, which the scanner cannot resolve through a constant, is evaluated here
 *   with the scanner's own CSP evaluator.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET = join(ROOT, 'electron');
const ELECTRON_VERSION = '45.5.0';
const CSP_SOURCE = join(ROOT, 'electron', 'main', 'security.ts');
const FAIL_AT = 2; // Electronegativity severity values: HIGH 3, MEDIUM 2, LOW 1, INFORMATIONAL 0.

/** Checks we do not run, each with the reason it does not apply. Keep this list short. */
const EXCLUDED_CHECKS = {
  AvailableSecurityFixesGlobalCheck:
    'Needs the network (downloads the Electron release list); the scan runs offline. ' +
    'Electron upgrades are tracked through package.json instead.',
  AuxclickJSCheck:
    "Asks for webPreferences.disableBlinkFeatures: 'Auxclick'. Chromium no longer has a Blink " +
    'feature of that name, so the setting does nothing (electron/electron#10315). The risk it ' +
    'addressed, middle-click opening a window, is covered: setWindowOpenHandler denies every ' +
    'new window and will-navigate denies leaving app://pelita (hardenContents, tested in ' +
    'test/electron/security.test.ts).',
  PreloadJSCheck:
    'Reports every use of a preload script as "review the preload", whatever it contains, so ' +
    'it can never pass. Our preload is reviewed and pinned by a test instead: it runs sandboxed ' +
    'and exposes exactly one function, window.pelita.call, relayed to one channel ' +
    '(electron/preload/index.ts, test/electron/ipc.test.ts "preload").',
};

/**
 * Findings reviewed and accepted, each for one check in one file only (a new use elsewhere still
 * fails), with the reason. Keep this list shorter still.
 */
const ACCEPTED_FINDINGS = [
  {
    id: 'CERTIFICATE_VERIFY_PROC_JS_CHECK',
    file: 'electron/main/index.ts',
    reason:
      'Client mode pins the office host certificate: the verify proc accepts exactly the ' +
      'SHA-256 fingerprint the admin configured for that host name and refuses every other ' +
      'certificate, CA-signed or not (pinnedCertificateCheck in electron/main/officeClient.ts, ' +
      'tested in test/electron/officeClient.test.ts). It narrows trust; it never skips validation.',
  },
];
const accepted = (issue) =>
  ACCEPTED_FINDINGS.find((a) => a.id === issue.id && repoPath(issue.file) === a.file);

/**
 * Guards the scanner does not insist on, required here (their behaviour is unit-tested in
 * test/electron/security.test.ts; this only makes sure nobody deletes them). For instance
 * LimitNavigationGlobalCheck is satisfied by setWindowOpenHandler alone, without will-navigate.
 */
const REQUIRED_GUARDS = [
  [/\.on\(\s*['"]will-navigate['"]/, "contents.on('will-navigate', ...) denying other origins"],
  [/\.on\(\s*['"]will-redirect['"]/, "contents.on('will-redirect', ...) denying other origins"],
  [
    /\.on\(\s*['"]will-attach-webview['"]/,
    "contents.on('will-attach-webview', ...) denying <webview>",
  ],
  [/\.setWindowOpenHandler\(/, 'setWindowOpenHandler denying new windows'],
  [/\.setPermissionCheckHandler\(/, 'session.setPermissionCheckHandler denying by default'],
  [/\.onHeadersReceived\(/, 'session.webRequest.onHeadersReceived setting the CSP'],
];

// File kinds the scanner reads, and the renames that make it read the module variants.
const SCANNED = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
const RENAMED = { '.mjs': '.js', '.cjs': '.js', '.mts': '.ts', '.cts': '.ts' };

function fail(message) {
  console.error(`security scan: FAILED: ${message}`);
  process.exit(1);
}

function listFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...listFiles(path));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files;
}

// --- Load Electronegativity ------------------------------------------------------------------

const requireHere = createRequire(import.meta.url);
let pkgDir;
try {
  pkgDir = dirname(requireHere.resolve('@doyensec/electronegativity/package.json'));
} catch {
  fail('@doyensec/electronegativity is not installed (run npm ci).');
}
const requireEng = createRequire(join(pkgDir, 'package.json'));

// Offline i18n: the same configuration as dist/locales/i18n.js, without the network fetch.
const i18nPath = join(pkgDir, 'dist', 'locales', 'i18n.js');
const offlineI18n = new Module(i18nPath);
offlineI18n.filename = i18nPath;
offlineI18n.loaded = true;
offlineI18n.exports = async function offlineTranslations() {
  const i18n = requireEng('i18n');
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: dirname(i18nPath),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
};
requireEng.cache[i18nPath] = offlineI18n;

const run = requireEng(pkgDir);
const { Parser } = requireEng(join(pkgDir, 'dist', 'parser', 'parser.js'));
const csp = requireEng('@doyensec/csp-evaluator');

// --- Stage the files -------------------------------------------------------------------------

const stage = mkdtempSync(join(tmpdir(), 'pelita-scan-'));
const input = join(stage, 'electron');
const reportPath = join(
  mkdtempSync(join(tmpdir(), 'pelita-scan-report-')),
  'electronegativity.sarif',
);
const original = new Map(); // staged path -> repository path
const problems = [];

for (const file of listFiles(TARGET)) {
  const ext = extname(file).toLowerCase();
  const rename = RENAMED[ext];
  if (!rename && !SCANNED.has(ext)) continue;
  const rel = relative(TARGET, file);
  const staged = join(input, rename ? rel + rename : rel);
  mkdirSync(dirname(staged), { recursive: true });
  copyFileSync(file, staged);
  original.set(staged, relative(ROOT, file));
}

const repoPath = (file) => original.get(file) ?? relative(stage, file);

if (original.size === 0) fail('no source files found under electron/.');

// --- Inline suppressions and parseability ----------------------------------------------------

const parser = new Parser(false, true);
let allSource = '';
for (const [staged, rel] of original) {
  const content = readFileSync(staged);
  allSource += content.toString() + '\n';
  if (/eng-disable/i.test(content.toString())) {
    problems.push(`${rel}: inline "eng-disable" comment; add a documented exclusion instead`);
  }
  try {
    const [, data, , warnings] = parser.parse(staged, content);
    if (data === null) problems.push(`${rel}: the scanner does not read this file type`);
    for (const warning of warnings ?? []) {
      problems.push(`${rel}: parse error: ${warning.message ?? warning}`);
    }
  } catch (error) {
    problems.push(`${rel}: cannot be parsed by the scanner: ${error.message}`);
  }
}

for (const [pattern, guard] of REQUIRED_GUARDS) {
  if (!pattern.test(allSource)) problems.push(`missing guard in electron/: ${guard}`);
}

// --- Run Electronegativity -------------------------------------------------------------------

let result;
try {
  result = await run(
    {
      input,
      output: reportPath,
      isSarif: true,
      customScan: [],
      excludeFromScan: Object.keys(EXCLUDED_CHECKS),
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: false,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: ELECTRON_VERSION,
      parserPlugins: [],
    },
    false,
  );
} catch (error) {
  rmSync(stage, { recursive: true, force: true });
  fail(`Electronegativity crashed: ${error.stack ?? error}`);
}

for (const error of result.errors) {
  problems.push(`${repoPath(error.file)}: the scanner could not analyse it: ${error.message}`);
}

// --- Our CSP, evaluated by the scanner's CSP evaluator ---------------------------------------

const cspMatch = /CONTENT_SECURITY_POLICY\s*=\s*(['"])(.*?)\1\s*;/s.exec(
  readFileSync(CSP_SOURCE, 'utf8'),
);
const cspFindings = [];
if (!cspMatch) {
  problems.push(`${relative(ROOT, CSP_SOURCE)}: CONTENT_SECURITY_POLICY string literal not found`);
} else {
  const policy = new csp.CspParser(cspMatch[2]).csp;
  for (const finding of new csp.CspEvaluator(policy, csp.Version.CSP3).evaluate()) {
    const serious = finding.severity <= csp.severities.MEDIUM; // HIGH, SYNTAX or MEDIUM
    cspFindings.push({ serious, finding });
  }
}

rmSync(stage, { recursive: true, force: true });

// --- Report ----------------------------------------------------------------------------------

const describe = (issue) =>
  `${issue.severity.name} ${issue.confidence.name}${issue.manualReview ? ' (review)' : ''} ` +
  `${issue.id} ${issue.file === 'N/A' ? '(project-wide)' : repoPath(issue.file)}` +
  `${issue.location && issue.location.line ? `:${issue.location.line}:${issue.location.column}` : ''}` +
  ` — ${String(issue.description).split('\n')[0]}`;

const blocking = result.issues.filter(
  (issue) => issue.severity.value >= FAIL_AT && !accepted(issue),
);
for (const issue of result.issues.filter(accepted))
  console.log(`  accepted: ${describe(issue)}\n    because: ${accepted(issue).reason}`);
const minor = result.issues.filter((issue) => issue.severity.value < FAIL_AT);

for (const issue of minor) {
  const unresolvedCsp = issue.id === 'CSP_GLOBAL_CHECK' && issue.sample === undefined;
  console.log(
    `  note: ${describe(issue)}` +
      (unresolvedCsp ? ' (it cannot read the policy through a constant; evaluated below)' : ''),
  );
}
for (const { serious, finding } of cspFindings) {
  const line = `CSP ${finding.directive}: ${finding.description}`;
  if (serious) problems.push(line);
  else console.log(`  note: ${line}`);
}
for (const issue of blocking) console.error(`  FINDING: ${describe(issue)}`);
for (const problem of problems) console.error(`  ERROR: ${problem}`);

const checks = result.atomicChecks + result.globalChecks;
const summary =
  `${original.size} files, ${checks} checks (excluded: ${Object.keys(EXCLUDED_CHECKS).join(', ')}), ` +
  `Electron ${ELECTRON_VERSION}: ${blocking.length} medium+ findings, ${minor.length} low/info, ` +
  `${problems.length} errors; report ${reportPath}`;

if (blocking.length > 0 || problems.length > 0) {
  console.error(`security scan: FAILED: ${summary}`);
  process.exit(1);
}
console.log(`security scan: passed: ${summary}`);
process.exit(0);
