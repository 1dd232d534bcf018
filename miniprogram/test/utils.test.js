// utils/station.js (scene, location, distance) and utils/routes.js (page URLs).
const { decodeScene, sceneFromPath, stationScene, currentLocation, distanceText, SCENE_RE } = require('../miniprogram/utils/station.js')
const { url } = require('../miniprogram/utils/routes.js')

test('scenes: decoded once from options or a scanned path, built from a station code', () => {
  expect(decodeScene('st%3DCY01')).toBe('st=CY01')
  expect(decodeScene('st=CY01')).toBe('st=CY01')
  expect(decodeScene('%zz')).toBe('%zz')
  expect(sceneFromPath('pages/station/index?scene=st%3DCY01&x=1')).toBe('st=CY01')
  expect(sceneFromPath('pages/home/index/index')).toBe('')
  expect(stationScene('CY01')).toBe('st=CY01')
  expect(SCENE_RE.test(stationScene('CY01'))).toBe(true)
})

test('currentLocation: GCJ-02 coordinates, or null when refused', async () => {
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => o.success({ latitude: 32.1, longitude: 112.1, speed: 0 }))
  await expect(currentLocation()).resolves.toEqual({ latitude: 32.1, longitude: 112.1 })
  expect(wx.getLocation.mock.calls[0][0].type).toBe('gcj02')
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }))
  await expect(currentLocation()).resolves.toBeNull()
})

test('distanceText', () => {
  expect(distanceText(320.4)).toBe('320米')
  expect(distanceText(1530)).toBe('1.5公里')
  expect(distanceText(undefined)).toBe('')
})

test('routes: page URLs with their query encoded once', () => {
  expect(url('station', { scene: 'st=CY01' })).toBe('/pages/station/detail/index?scene=st%3DCY01')
  expect(url('bookingForm', { stationId: 3, slotId: 11, stationName: '' })).toBe('/pages/booking/form/index?stationId=3&slotId=11')
  expect(url('home')).toBe('/pages/home/index/index')
  expect(() => url(/** @type {any} */ ('nope'))).toThrow('unknown page nope')
})
