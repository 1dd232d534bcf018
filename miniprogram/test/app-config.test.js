// Guards for app-wide settings the elderly-friendly design depends on.
const fs = require('fs')
const path = require('path')

const ROOT = path.resolve(__dirname, '../miniprogram')
const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
const wxss = fs.readFileSync(path.join(ROOT, 'app.wxss'), 'utf8')

test('home page is first; red/white navigation bar titled 红色驿站', () => {
  expect(app.pages[0]).toBe('pages/index/index')
  expect(app.window).toMatchObject({
    navigationBarTitleText: '红色驿站',
    navigationBarBackgroundColor: '#B71C1C',
    navigationBarTextStyle: 'white',
  })
})

test('app.wxss: large type, high contrast, big tap targets', () => {
  const page = /page\s*{([^}]*)}/.exec(wxss)[1]
  expect(Number(/font-size:\s*(\d+)rpx/.exec(page)[1])).toBeGreaterThanOrEqual(36)
  expect(page).toMatch(/line-height:\s*1\.6/)
  expect(page).toMatch(/color:\s*#1a1a1a/)
  const primary = /\.btn-primary\s*{([^}]*)}/.exec(wxss)[1]
  expect(primary).toMatch(/background-color:\s*#b71c1c/i)
  expect(primary).toMatch(/color:\s*#ffffff/i)
  expect(Number(/min-height:\s*(\d+)rpx/.exec(primary)[1])).toBeGreaterThanOrEqual(96)
})

test('request.js stays plain CommonJS without getApp() (it must also run in Node)', () => {
  const src = fs.readFileSync(path.join(ROOT, 'utils/request.js'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '') // drop comments
  expect(src).not.toMatch(/^\s*(import|export)\s/m)
  expect(src).not.toMatch(/getApp\(/)
  expect(src).not.toMatch(/console\./)
})
