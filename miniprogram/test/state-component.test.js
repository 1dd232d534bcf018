// components/state: the one loading / empty / error-with-重试 block (real TDesign loading, empty, button).
const simulate = require('miniprogram-simulate')
const { load, tap } = require('./helpers')

const id = load('components/state/index', 'state')

function render(props) {
  const c = simulate.render(id, props)
  c.attach(document.createElement('parent-wrapper'))
  return c
}
const msg = (c) => c.querySelector('.state-message').dom.textContent.trim()

test('loading shows the TDesign spinner and a readable message', () => {
  const c = render({ status: 'loading', message: '正在加载时段…' })
  expect(c.querySelector('.state-loading')).toBeTruthy()
  expect(c.dom.innerHTML).toMatch(/t-loading/) // the real TDesign component rendered
  expect(msg(c)).toBe('正在加载时段…')
  expect(c.querySelector('.state-retry')).toBeFalsy()
})

test('empty shows TDesign empty with the message and no 重试', () => {
  const c = render({ status: 'empty', message: '近期没有可预约的时段' })
  expect(c.dom.innerHTML).toMatch(/t-empty__description/)
  expect(msg(c)).toBe('近期没有可预约的时段')
  expect(c.querySelector('.state-retry')).toBeFalsy()
})

test('error shows the message and 重试 triggers the retry event', async () => {
  const c = render({ status: 'error', message: '网络不给力，请稍后再试' })
  expect(msg(c)).toBe('网络不给力，请稍后再试')
  const onRetry = jest.fn()
  c.addEventListener('retry', onRetry)
  expect(c.dom.textContent).toContain('重试')
  tap(c, '.state-retry')
  await simulate.sleep(0)
  expect(onRetry).toHaveBeenCalledTimes(1)
})

test('error without retry hides 重试; no status renders nothing', () => {
  expect(render({ status: 'error', message: 'x', retry: false }).querySelector('.state-retry')).toBeFalsy()
  expect(render({ status: '' }).querySelector('.state')).toBeFalsy()
})
