// Guards for app-wide settings the elderly-friendly design depends on.
const fs = require('fs')
const path = require('path')

const ROOT = path.resolve(__dirname, '../miniprogram')
const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
const wxss = fs.readFileSync(path.join(ROOT, 'app.wxss'), 'utf8')

test('home page is first; red/white navigation bar titled 红色驿站', () => {
  expect(app.pages[0]).toBe('pages/home/index/index')
  expect(app.window).toMatchObject({
    navigationBarTitleText: '红色驿站',
    navigationBarBackgroundColor: '#B71C1C',
    navigationBarTextStyle: 'white',
  })
})

test('app.wxss: large type, high contrast; TDesign themed red on white with big buttons', () => {
  const page = /page\s*{([^}]*)}/.exec(wxss)[1]
  expect(Number(/font-size:\s*(\d+)rpx/.exec(page)[1])).toBeGreaterThanOrEqual(36)
  expect(page).toMatch(/line-height:\s*1\.6/)
  expect(page).toMatch(/color:\s*#1a1a1a/)
  expect(wxss).toMatch(/@import 'styles\/theme\.wxss';/)
  const theme = fs.readFileSync(path.join(ROOT, 'styles/theme.wxss'), 'utf8')
  const token = (name) => new RegExp('--' + name + ':\\s*([^;]+);').exec(theme)[1].trim()
  expect(token('rs-red')).toBe('#b71c1c')
  expect(token('td-brand-color')).toBe('var(--rs-red)')
  expect(token('td-button-primary-color')).toBe('#ffffff')
  expect(Number(/\d+/.exec(token('td-button-large-height'))[0])).toBeGreaterThanOrEqual(96)
  expect(Number(/\d+/.exec(token('td-button-medium-height'))[0])).toBeGreaterThanOrEqual(96)
  expect(Number(/\d+/.exec(token('td-cell-height'))[0])).toBeGreaterThanOrEqual(96)
  // no TDesign body text below 32rpx
  for (const f of ['td-font-body-large', 'td-font-body-medium', 'td-font-body-small', 'td-cell-title-font', 'td-tab-font']) {
    expect(Number(/(\d+)rpx/.exec(token(f))[1])).toBeGreaterThanOrEqual(32)
  }
})

test('every page follows pages/<feature>/<page>/index and utils/routes.js names exactly those pages', () => {
  const { PAGES } = require('../miniprogram/utils/routes.js')
  const legacy = ['pages/station/index'] // printed QR codes: forwards to the station page
  for (const p of app.pages) if (!legacy.includes(p)) expect(p).toMatch(/^pages\/[a-z]+\/[a-z]+\/index$/)
  expect(Object.values(PAGES).map((u) => u.slice(1)).sort()).toEqual(app.pages.filter((p) => !legacy.includes(p)).sort())
})

test('the four booking pages share one stylesheet through @import', () => {
  for (const p of ['slots', 'form', 'result', 'mine']) {
    const css = fs.readFileSync(path.join(ROOT, 'pages/booking', p, 'index.wxss'), 'utf8')
    expect(css).toMatch(/@import '..\/..\/..\/styles\/booking\.wxss';/)
  }
})

test('request.js stays plain CommonJS without getApp() (it must also run in Node)', () => {
  const src = fs.readFileSync(path.join(ROOT, 'utils/request.js'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '') // drop comments
  expect(src).not.toMatch(/^\s*(import|export)\s/m)
  expect(src).not.toMatch(/getApp\(/)
  expect(src).not.toMatch(/console\./)
})
