#!/usr/bin/env node
// Headless "build npm" for TDesign Miniprogram (what WeChat DevTools' 构建 npm does, minus the
// components we do not use). Reads every usingComponents target "tdesign-miniprogram/<x>/<x>" of the
// app's .json files and copies those components, plus everything they reach (child components, JS
// imports, WXS, WXML templates, WXSS @imports, tdesign's own miniprogram_npm/tslib...), from
// node_modules/tdesign-miniprogram/miniprogram_dist to miniprogram/miniprogram_npm/tdesign-miniprogram.
// The output is git-ignored and rebuilt by `npm ci` (postinstall) and `npm run ci`; it is ~1 MB
// instead of the 5.6 MB package, so jest (whose wcc compiles every WXML under the root) stays fast.
const fs = require('fs')
const path = require('path')

const LIB = 'tdesign-miniprogram'
const root = path.resolve(__dirname, '..')
const appRoot = path.join(root, 'miniprogram')
const dist = path.join(root, 'node_modules', LIB, 'miniprogram_dist')
const out = path.join(appRoot, 'miniprogram_npm', LIB)

function walk(dir, acc = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'miniprogram_npm' || e.name === 'node_modules' || e.name.startsWith('.')) continue
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p, acc)
    else acc.push(p)
  }
  return acc
}

const isFile = (p) => fs.existsSync(p) && fs.statSync(p).isFile()
const COMPONENT_EXT = ['.js', '.json', '.wxml', '.wxss', '.wxs']

/** Files a specifier may stand for: a component base, a module, a directory index. */
function candidates(base) {
  const found = []
  for (const ext of COMPONENT_EXT) if (isFile(base + ext)) found.push(base + ext)
  if (isFile(base)) found.push(base)
  if (!found.length && isFile(path.join(base, 'index.js'))) found.push(path.join(base, 'index.js'))
  return found
}

/** Relative and bare (tslib, dayjs) references of one file. */
function references(file) {
  const src = fs.readFileSync(file, 'utf8')
  const specs = []
  const add = (re) => { for (const m of src.matchAll(re)) specs.push(m[1]) }
  if (file.endsWith('.json')) {
    for (const t of Object.values(JSON.parse(src).usingComponents || {})) specs.push(/** @type {string} */ (t))
  } else if (file.endsWith('.js') || file.endsWith('.wxs')) {
    add(/\bfrom\s*["']([^"']+)["']/g)
    add(/\bimport\s*["']([^"']+)["']/g)
    add(/\brequire\(\s*["']([^"']+)["']\s*\)/g)
  } else if (file.endsWith('.wxml')) {
    add(/\bsrc\s*=\s*["']([^"'{}]+)["']/g)
  } else if (file.endsWith('.wxss')) {
    add(/@import\s+["']([^"']+)["']/g)
  }
  return specs
}

function pack() {
  if (!fs.existsSync(dist)) throw new Error(`${LIB} is not installed: run npm ci`)
  const wanted = new Set()
  for (const f of walk(appRoot).filter((f) => f.endsWith('.json'))) {
    for (const t of Object.values(JSON.parse(fs.readFileSync(f, 'utf8')).usingComponents || {})) {
      if (typeof t === 'string' && t.startsWith(LIB + '/')) wanted.add(t.slice(LIB.length + 1))
    }
  }
  const files = new Set()
  const nested = new Set() // packages under tdesign's own miniprogram_npm (tslib, dayjs...)
  const queue = []
  const visit = (list) => { for (const f of list) if (!files.has(f)) { files.add(f); queue.push(f) } }
  for (const c of wanted) {
    const found = candidates(path.join(dist, c))
    if (!found.length) throw new Error(`${LIB}/${c} does not exist in ${LIB}`)
    visit(found)
  }
  while (queue.length) {
    const f = queue.shift()
    for (const spec of references(f)) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const base = spec.startsWith('/') ? path.join(dist, spec) : path.resolve(path.dirname(f), spec)
        visit(candidates(base))
      } else if (!spec.startsWith('plugin://')) {
        nested.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])
      }
    }
  }
  fs.rmSync(path.join(appRoot, 'miniprogram_npm'), { recursive: true, force: true })
  for (const f of files) {
    const to = path.join(out, path.relative(dist, f))
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.copyFileSync(f, to)
  }
  for (const pkg of nested) {
    const from = path.join(dist, 'miniprogram_npm', pkg)
    if (!fs.existsSync(from)) throw new Error(`${LIB} imports ${pkg}, which its miniprogram_npm does not ship`)
    fs.cpSync(from, path.join(out, 'miniprogram_npm', pkg), { recursive: true })
  }
  return { components: [...wanted].sort(), files: files.size, nested: [...nested].sort() }
}

const r = pack()
console.log(`pack-npm: ${LIB} ${r.components.length} components (${r.components.join(', ')}), ${r.files} files, + ${r.nested.join(', ') || 'no'} from its miniprogram_npm`)
