// End-to-end test of the staff console in Debian's Chromium (playwright-core, no browser download).
// Usage: node e2e/console.e2e.mjs <baseUrl> '<json fixture>'   (run by ConsoleBrowserIT; exit 0 = passed)
// The fixture names what the server test prepared: admin login, a station to pause, a started slot with a
// booking, an open conversation and the resident's openid, the sandbox URL and the screenshot folder.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const base = (process.argv[2] || 'http://127.0.0.1:8080').replace(/\/$/, '');
const fx = JSON.parse(process.argv[3] || '{}');
const shots = fx.screenshots || 'target/console-screenshots';
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
fs.mkdirSync(shots, { recursive: true });

const step = (name) => console.log(`· ${name}`);
function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}
async function until(what, fn, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}
async function json(url, token) {
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.json().catch(() => null) };
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
let page;
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(15000);
  const message = (text) => page.locator('.el-message', { hasText: text }).first().waitFor();
  const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  step('a deep link without a session goes to the login page');
  await page.goto(`${base}/console/stations`);
  await page.getByRole('button', { name: '登录' }).waitFor();
  check(page.url().includes('/console/login'), `login url, got ${page.url()}`);
  await shot('01-login');

  step('a wrong password shows the server message');
  await page.locator('input[name=username]').fill(fx.username);
  await page.locator('input[name=password]').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.el-alert').waitFor();

  step('log in as the bootstrap administrator and land on the deep link');
  await page.locator('input[name=password]').fill(fx.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/console/stations');
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('rs-console-session')).token);
  check(token && token.startsWith('v1.'), 'token kept in sessionStorage');

  step('Today: tonight\'s slot with its booking; open its list before it starts');
  await page.locator('[data-nav=today]').click();
  await page.waitForURL(/\/console\/$/);
  await page.getByText('今晚（晚间一小时）与今日时段').waitFor();
  await page.locator(`[data-slot="${fx.slotId}"]`).first().waitFor();
  await page.waitForLoadState('networkidle');
  await shot('02-today');
  await page.locator(`[data-slot="${fx.slotId}"]`).first().click();
  await page.locator(`[data-attend="${fx.bookingId}"]`).waitFor();
  const today = page;

  // the other pages in a second tab of the same signed-in session, while the slot is about to start
  const sessionValue = await page.evaluate(() => sessionStorage.getItem('rs-console-session'));
  page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${base}/console/login`);
  await page.evaluate((v) => sessionStorage.setItem('rs-console-session', v), sessionValue);
  await page.goto(`${base}/console/`);
  await page.getByText('今晚（晚间一小时）与今日时段').waitFor();

  step('Stations: pause a station with a notice; residents see it');
  await page.locator('[data-nav=stations]').click();
  await page.locator(`[data-status="${fx.stationCode}"]`).waitFor();
  await shot('04-stations');
  await page.locator(`[data-status="${fx.stationCode}"]`).click();
  await page.getByRole('radio', { name: '暂停' }).check({ force: true });
  await page.locator('textarea[name=notice]').fill(fx.notice);
  await page.locator('[data-save-status]').click();
  await message('已保存');
  const view = await until('the notice in the station view', async () => {
    const v = await json(`${base}/api/stations/${fx.stationId}`);
    return v.body && v.body.station && v.body.station.status === 'PAUSED' && v.body.notice === fx.notice ? v.body : null;
  });
  check(view.todayText === '今天暂停服务', `todayText ${view.todayText}`);

  step('Stations: download the printable poster');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-poster="${fx.stationCode}"]`).click()]);
  check(download.suggestedFilename().endsWith('.png'), `poster file name ${download.suggestedFilename()}`);
  const poster = path.join(shots, 'poster.png');
  await download.saveAs(poster);
  const bytes = fs.readFileSync(poster);
  check(bytes.length > 10000 && bytes.subarray(1, 4).toString() === 'PNG', `poster is a PNG (${bytes.length} bytes)`);

  step('Booking and Duty pages render');
  await page.locator('[data-nav=booking]').click();
  await page.getByRole('tab', { name: '预约规则' }).waitFor();
  await page.waitForLoadState('networkidle');
  await shot('05-booking');
  await page.locator('[data-nav=duty]').click();
  await page.getByRole('tab', { name: '报到审核' }).waitFor();
  await page.waitForLoadState('networkidle');
  await shot('06-duty');

  step('Conversations: reply to a resident; the reply reaches WeChat (sandbox inbox)');
  await page.locator('[data-nav=conversations]').click();
  await page.locator(`[data-conversation="${fx.conversationId}"]`).click();
  await page.locator('textarea[name=reply]').fill(fx.reply);
  await page.locator('[data-send]').click();
  await message('已发送');
  await page.locator('.bubble', { hasText: fx.reply }).waitFor();
  await until('the reply in the sandbox inbox', async () => {
    const res = await fetch(`${fx.sandbox}/sandbox/inbox?type=custom&touser=${encodeURIComponent(fx.residentOpenid)}`);
    return (await res.text()).includes(fx.reply);
  });
  await shot('07-conversations');

  step('Accounts page renders');
  await page.locator('[data-nav=accounts]').click();
  await page.getByText('开通工作人员账号').waitFor();
  await page.waitForLoadState('networkidle');
  await shot('08-accounts');

  step('a phone (WeChat browser size): the menu is a drawer');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN' });
  const mobile = await phone.newPage();
  mobile.setDefaultTimeout(15000);
  await mobile.goto(`${base}/console/login`);
  await mobile.locator('input[name=username]').fill(fx.username);
  await mobile.locator('input[name=password]').fill(fx.password);
  await mobile.getByRole('button', { name: '登录' }).click();
  await mobile.getByText('今晚（晚间一小时）与今日时段').waitFor();
  check(!(await mobile.locator('.el-aside').count()), 'no side menu on a phone');
  await mobile.waitForLoadState('networkidle');
  await mobile.screenshot({ path: path.join(shots, '09-today-phone.png'), fullPage: false });
  await mobile.getByRole('button', { name: '打开菜单' }).click();
  await mobile.locator('[data-nav=conversations]').click();
  await mobile.locator(`[data-conversation="${fx.conversationId}"]`).waitFor();
  await mobile.screenshot({ path: path.join(shots, '10-conversations-phone.png') });

  step('Today: once the slot has started, mark the resident attended');
  await until('the slot to start', async () => Date.now() > fx.slotStartsAt + 1000, 120000);
  await today.bringToFront();
  await today.locator(`[data-attend="${fx.bookingId}"]`).click();
  await today.locator('.el-message', { hasText: '已登记到场' }).first().waitFor();
  const list = await json(`${base}/api/staff/booking/slots/${fx.slotId}/bookings`, token);
  check(list.body.bookings.some((b) => b.id === fx.bookingId && b.status === 'ATTENDED'), `booking ${fx.bookingId} attended: ${JSON.stringify(list.body)}`);
  await today.screenshot({ path: path.join(shots, '03-slot-bookings.png') });

  step('an expired session (401) goes back to the login page');
  await page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem('rs-console-session'));
    s.token = 'v1.expired.bad';
    sessionStorage.setItem('rs-console-session', JSON.stringify(s));
  });
  await page.locator('[data-nav=stations]').click();
  await page.waitForURL('**/console/login**');

  console.log(JSON.stringify({ ok: true, screenshots: shots }));
} catch (e) {
  console.error(e && e.stack ? e.stack : String(e));
  if (page) await page.screenshot({ path: path.join(shots, 'failure.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
