#!/usr/bin/env node
// Closing line for CI: `jest: <passed> passed, <failed> failed`.
//   node scripts/summary.js --run [jest args]   run jest (JSON to jest-results.json), then summarise
//   node scripts/summary.js [file]              summarise an existing jest --json output file
// Exits 1 if any test or suite failed, or the results are missing.
const fs = require('fs')
const path = require('path')
const { spawnSync } = require('child_process')

const root = path.resolve(__dirname, '..')
const args = process.argv.slice(2)
const run = args[0] === '--run'
const file = path.resolve(root, run ? 'jest-results.json' : args[0] || 'jest-results.json')

let jestStatus = 0
if (run) {
  fs.rmSync(file, { force: true }) // never summarise a stale file
  const jestBin = require.resolve('jest/bin/jest')
  const r = spawnSync(process.execPath, [jestBin, '--ci', '--json', '--outputFile=' + file, ...args.slice(1)], {
    cwd: root, stdio: 'inherit',
  })
  jestStatus = r.status === null ? 1 : r.status
}

let results
try {
  results = JSON.parse(fs.readFileSync(file, 'utf8'))
} catch (e) {
  console.log(`jest: results missing (${path.relative(root, file)}): ${e.message}`)
  process.exit(1)
}
const passed = results.numPassedTests || 0
const failed = results.numFailedTests || 0
console.log(`jest: ${passed} passed, ${failed} failed`)
const bad = failed > 0 || (results.numFailedTestSuites || 0) > 0 || results.success === false || jestStatus !== 0
process.exit(bad ? 1 : 0)
