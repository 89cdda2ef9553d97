#!/usr/bin/env node
// Runs `npm ci` unless node_modules already matches package-lock.json, so repeated Maven builds do
// not reinstall. npm keeps a copy of the installed tree in node_modules/.package-lock.json; when its
// packages equal the lock file's, the install is current.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const packages = (file) => {
  try {
    const p = { ...JSON.parse(readFileSync(file, 'utf8')).packages };
    delete p[''];
    return p;
  } catch {
    return null;
  }
};

// Current when every installed package is the locked one and every locked package that is not
// installed is optional (platform binaries for other systems are left out of node_modules).
const current = (lock, installed) =>
  lock && installed &&
  Object.entries(installed).every(([k, v]) => lock[k] && lock[k].version === v.version && lock[k].integrity === v.integrity) &&
  Object.entries(lock).every(([k, v]) => installed[k] || v.optional || v.devOptional);

const wanted = packages('package-lock.json');
if (current(wanted, packages('node_modules/.package-lock.json'))) {
  console.log('node_modules is current; skipping npm ci');
} else {
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
