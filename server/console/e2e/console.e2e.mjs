// End-to-end test of the staff console in Debian's Chromium (playwright-core, no browser download).
// Usage: node e2e/console.e2e.mjs <baseUrl> '<json fixture>'   (run by ConsoleBrowserIT; exit 0 = passed)
// The fixture names what the server test prepared: admin login, a station to pause, a started slot with a
// booking, an open conversation and the resident's openid, the sandbox URL and the screenshot folder.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

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

/** The entries of a .xlsx (a zip) by name, inflated: read through the central directory (fastexcel streams with data descriptors). */
function unzip(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  check(end >= 0, 'zip end record');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    check(buf.readUInt32LE(p) === 0x02014b50, 'zip central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    // fastexcel writes non-ASCII text as character references (&#x9884;): decode them to compare text
    out[name] = (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8')
      .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Saves a download and checks it is a real workbook containing the given texts. */
async function checkXlsx(download, file, texts) {
  check(download.suggestedFilename().endsWith('.xlsx'), `xlsx file name ${download.suggestedFilename()}`);
  await download.saveAs(file);
  const buf = fs.readFileSync(file);
  check(buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])), 'zip magic PK\\x03\\x04');
  const entries = unzip(buf);
  check(entries['[Content_Types].xml'] && entries['xl/workbook.xml'], `xlsx parts: ${Object.keys(entries)}`);
  const all = Object.values(entries).join('\n');
  texts.forEach((t) => check(all.includes(t), `"${t}" in ${path.basename(file)}`));
  return entries;
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

  step('first sign-in: the initial password must be changed before anything else, then the deep link opens');
  await page.locator('input[name=password]').fill(fx.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/console/password**');
  await page.getByText('首次登录请先修改初始密码').waitFor();
  await shot('01b-first-password');
  await page.locator('input[name=currentPassword]').fill(fx.password);
  await page.locator('input[name=newPassword]').fill(fx.password); // the same password is refused by the server
  await page.locator('input[name=confirmPassword]').fill(fx.password);
  await page.locator('[data-change-password]').click();
  await page.locator('.el-form-item__error', { hasText: '不能' }).or(page.locator('.el-alert--error')).first().waitFor();
  await page.locator('input[name=newPassword]').fill(fx.newPassword);
  await page.locator('input[name=confirmPassword]').fill(fx.newPassword);
  await page.locator('[data-change-password]').click();
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

  step('the slot list downloads as a real .xlsx with the booking in it');
  const [slotXlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-slot]').click()]);
  await checkXlsx(slotXlsx, path.join(shots, 'slot-list.xlsx'), ['预约名单', '服务事项', fx.serviceName, String(fx.bookingId)]);

  step('the printable list opens in a new tab');
  const [printTab] = await Promise.all([context.waitForEvent('page'), page.locator('[data-print-slot]').click()]);
  await printTab.locator('[data-print-list]').getByText(fx.serviceName).waitFor();
  await printTab.screenshot({ path: path.join(shots, '03b-slot-print.png'), fullPage: true });
  await printTab.close();
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

  // Element Plus selects inside a wrapper (by its selector): open it and pick the visible option with that exact text
  const choose = async (wrapper, text, type = false) => {
    await page.locator(`${wrapper} .el-select__wrapper`).first().click();
    if (type) await page.keyboard.type(text);
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${text}`) }).first().click();
  };

  step('Service catalogue (district administrators): add an entry with what to bring');
  await page.locator('[data-open-catalogue]').click();
  await page.locator('[data-catalogue-table]').getByText('便民服务').first().waitFor();
  await page.locator('[data-new-service]').click();
  await page.locator('input[name=service-name]').fill(fx.catalogueService);
  await page.locator('[data-service-category] .el-select__wrapper').click();
  await page.keyboard.type('便民服务');
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: /^\s*便民服务\s*$/ }).first().click();
  await page.locator('textarea[name=service-description]').fill('控制台测试：社区工作人员上门指导');
  await page.locator('[data-service-mode] label', { hasText: '人工服务' }).click();
  await page.locator('input[name=service-bring]').fill('身份证');
  await shot('16-catalogue-dialog');
  await page.locator('[data-save-service]').click();
  await message('已保存');
  await page.locator('[data-catalogue-table]').getByText(fx.catalogueService).waitFor();
  await page.locator('[data-catalogue-table] .el-loading-mask').first().waitFor({ state: 'hidden' });
  await shot('16b-catalogue');
  const entry = (await json(`${base}/api/staff/services`, token)).body.find((x) => x.name === fx.catalogueService);
  check(entry && entry.usageMode === 'STAFFED' && entry.whatToBring === '身份证' && entry.enabled, `catalogue entry: ${JSON.stringify(entry)}`);
  await page.keyboard.press('Escape');
  await page.locator('[data-catalogue-table]').waitFor({ state: 'hidden' });

  step('Opening hours: a Sunday window; the server\'s error shows next to the field, then it is saved');
  await page.locator(`[data-hours="${fx.stationCode}"]`).click();
  const sunday = '[data-hours-dialog] [data-hours-day="7"]';
  await page.locator('[data-hours-dialog] [data-hours-day="1"]').waitFor();
  await page.locator('[data-hours-dialog] .el-loading-mask').first().waitFor({ state: 'hidden' });
  await shot('17-hours-dialog');
  while (await page.locator(`${sunday} [data-remove-window]`).count()) await page.locator(`${sunday} [data-remove-window]`).first().click();
  await page.locator(`${sunday} [data-add-window]`).click();
  await choose(`${sunday} [data-window-start]`, '19:00', true);
  await choose(`${sunday} [data-window-end]`, '18:00', true);
  await choose(`${sunday} [data-window-kind]`, '红色周末');
  await page.locator('[data-save-hours]').click();
  await page.locator(`${sunday} [data-window-error=end]`, { hasText: '结束时间要晚于开始时间' }).waitFor();
  await page.locator(`${sunday} [data-window-error=end]`).scrollIntoViewIfNeeded();
  await shot('17b-hours-error');
  await choose(`${sunday} [data-window-end]`, '20:30', true);
  check(!(await page.locator(`${sunday} [data-window-error]`).count()), 'the error goes once the field changes');
  await page.locator('[data-save-hours]').click();
  await message('开放时间已保存');
  const hoursView = await until('the Sunday window in the resident station view', async () => {
    const v = await json(`${base}/api/stations/${fx.stationId}`);
    const day = v.body && v.body.schedule.find((d) => d.dayOfWeek === 7);
    return day && day.windows.length === 1 && day.windows[0].start === '19:00' && day.windows[0].end === '20:30' ? day : null;
  });
  check(hoursView.windows[0].kind === 'RED_WEEKEND' && hoursView.windows[0].kindName === '红色周末', `Sunday window: ${JSON.stringify(hoursView)}`);

  step('Services: add the new catalogue entry to the station, with a note, moved up one; residents see it offered');
  await page.locator(`[data-services="${fx.stationCode}"]`).click();
  await page.locator('[data-services-dialog] .el-loading-mask').first().waitFor({ state: 'hidden' });
  await choose('[data-services-dialog] [data-add-service-select]', fx.catalogueService, true);
  await page.locator('[data-add-service]').click();
  const offer = page.locator(`[data-offer="${fx.catalogueService}"]`);
  await offer.locator('input[name=offer-note]').fill(fx.offerNote);
  await offer.locator('input[name=offer-hours]').fill('每周日 19:00-20:30');
  const count = await page.locator('[data-services-dialog] [data-offer]').count();
  if (count > 1) await offer.locator('[data-offer-up]').click();
  await shot('18-services-dialog');
  await page.locator('[data-save-services]').click();
  await message('已保存：提供');
  const offered = await until('the service offered in the resident station view', async () => {
    const v = await json(`${base}/api/stations/${fx.stationId}`);
    return v.body && v.body.serviceGroups.flatMap((g) => g.services).find((x) => x.name === fx.catalogueService);
  });
  check(offered.note === fx.offerNote && offered.hours === '每周日 19:00-20:30', `offered: ${JSON.stringify(offered)}`);

  step('Duty: approve a Party member; the member can then claim a shift through the API');
  await page.locator('[data-nav=duty]').click();
  await page.getByRole('tab', { name: '报到审核' }).click();
  await page.locator(`[data-approve="${fx.memberId}"]`).click();
  await message('已通过');
  const claim = await fetch(`${base}/api/duty/shifts/${fx.shiftId}/claim`, { method: 'POST', headers: { Authorization: `Bearer ${fx.memberToken}` } });
  check(claim.status === 200, `approved member claims the shift: ${claim.status} ${await claim.text()}`);

  step('Duty: the week calendar shows shifts; the yearly hours export is a real .xlsx');
  await page.getByRole('tab', { name: '周历' }).click();
  await page.locator('[data-week-calendar]').waitFor();
  await page.getByRole('button', { name: '下一周 ›' }).click();
  await page.getByRole('button', { name: '‹ 上一周' }).click();
  await page.waitForLoadState('networkidle');
  await shot('06b-duty-week');
  await page.getByRole('tab', { name: '服务时长' }).click();
  const [hoursXlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-hours]').click()]);
  await checkXlsx(hoursXlsx, path.join(shots, 'hours.xlsx'), ['按党员', '按党组织', '服务时长（小时）']);

  // Element Plus selects: open one (by a wrapper's data attribute) and pick the visible option with that exact text
  const pick = async (wrapper, text, type = false) => {
    await page.locator(`${wrapper} .el-select__wrapper`).first().click();
    if (type) await page.keyboard.type(text); // a long list (time selects): filter it down to the option
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).first().click();
  };

  step('Party organisations: register a unit branch; it is listed and searchable');
  await page.locator('[data-nav=orgs]').click();
  await page.locator('[data-orgs-table]').waitFor();
  await page.locator('[data-new-org]').click();
  await pick('[data-org-community]', fx.orgCommunityName);
  await page.locator('input[name=org-name]').fill(fx.orgName);
  await page.locator('input[name=org-unit]').fill('控制台测试单位');
  await page.locator('input[name=org-secretary]').fill('周书记');
  await page.locator('input[name=org-phone]').fill('13700001234');
  await page.locator('[data-save-org]').click();
  await message('已登记');
  await page.locator('input[name=org-keyword]').fill(fx.orgName);
  await page.locator('input[name=org-keyword]').press('Enter'); // searched on the server
  await page.locator('[data-orgs-table]').getByText(fx.orgName).waitFor();
  await page.locator('[data-orgs-table]').getByText('137****1234').waitFor();
  await page.locator('input[name=org-keyword]').fill('');
  await page.locator('input[name=org-keyword]').press('Enter');
  await page.locator('[data-orgs-table]').getByText('襄阳铁路中学党支部').waitFor(); // the demo organisations are back
  await page.locator('[data-orgs-table] .el-loading-mask').first().waitFor({ state: 'hidden' });
  await shot('14-orgs');

  step('Party organisations: a branch an applicant typed becomes an organisation, and the application joins it');
  await page.getByRole('tab', { name: /报到填写的党组织/ }).click();
  await page.locator(`[data-register-unlisted="${fx.typedOrg}"]`).waitFor();
  await shot('14b-orgs-typed');
  await page.locator(`[data-register-unlisted="${fx.typedOrg}"]`).click();
  await page.locator('input[name=org-name]').fill(fx.typedOrgProper);
  await page.locator('[data-save-org]').click();
  await message('条报到已归入');
  const pending = await json(`${base}/api/staff/members?status=PENDING`, token);
  const typedMember = pending.body.find((m) => m.id === fx.typedMemberId);
  check(typedMember && typedMember.orgName === fx.typedOrgProper && !typedMember.orgNotListed, `typed application joined: ${JSON.stringify(typedMember)}`);

  step('Resource lists: filter by category; the export is a real .xlsx with names masked');
  await page.getByRole('tab', { name: '资源清单' }).click();
  await page.locator('[data-resources-table]').waitFor();
  await pick('[data-resource-category]', '法律咨询');
  // both are listed before the filter: wait for the server's filtered answer to replace the list
  await until('another category filtered out', async () => (await page.locator('[data-resources-table]').getByText(fx.otherResourceText).count()) === 0);
  await page.locator('[data-resources-table]').getByText(fx.resourceText).waitFor();
  await page.locator('[data-resources-table] .el-loading-mask').first().waitFor({ state: 'hidden' });
  await shot('15-resources');
  const [resourcesXlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-resources]').click()]);
  const resourceParts = await checkXlsx(resourcesXlsx, path.join(shots, 'resources.xlsx'), ['资源清单', '可提供的服务', fx.resourceText, fx.memberNameMasked]);
  check(!Object.values(resourceParts).join('').includes(fx.memberName), 'the export masks the member\'s name');

  step('Duty: a weekly pattern made in the browser fills the week calendar');
  await page.locator('[data-nav=duty]').click();
  await page.getByRole('tab', { name: '每周规律' }).click();
  await page.locator('[data-new-pattern]').click();
  await pick('[data-pattern-station]', fx.patternStationName);
  for (const d of ['周六', '周日']) await page.locator('[data-pattern-weekdays] label', { hasText: d }).click();
  await pick('[data-pattern-start]', '20:00', true);
  await pick('[data-pattern-end]', '21:00', true);
  await page.locator('input[name=pattern-role]').fill(fx.patternRole);
  await page.locator('[data-save-pattern]').click();
  await message('已保存');
  await page.locator('[data-patterns-table]').getByText(fx.patternRole).waitFor();
  // the member approved above claims one of the pattern's shifts (not tomorrow's: that evening is taken)
  const open = await json(`${base}/api/duty/shifts`, fx.memberToken);
  const mine = open.body.filter((x) => x.roleName === fx.patternRole).pop();
  check(mine, `the pattern's shifts are open to members: ${JSON.stringify(open.body).slice(0, 300)}`);
  const claimed = await fetch(`${base}/api/duty/shifts/${mine.id}/claim`, { method: 'POST', headers: { Authorization: `Bearer ${fx.memberToken}` } });
  check(claimed.status === 200, `claim a pattern shift: ${claimed.status} ${await claimed.text()}`);
  await page.getByRole('tab', { name: '周历' }).click();
  // the calendar reloads after the save (and after 下一周): poll rather than trust a load state
  const weekShows = async (text) => {
    for (let i = 0; i < 2; i++) {
      const seen = await until(`${text} on the week calendar`, async () =>
        (await page.locator('[data-week-calendar] .shift', { hasText: fx.patternRole }).filter({ hasText: text }).count()) > 0, 6000).catch(() => false);
      if (seen) return true;
      await page.getByRole('button', { name: '下一周 ›' }).click(); // late on a Sunday: this week has no evening left
    }
    return false;
  };
  check(await weekShows('20:00-21:00'), 'the pattern\'s shifts are on the week calendar');
  await page.getByRole('button', { name: '本周' }).click();

  step('Duty: the pattern moves to 19:00; the week calendar follows, the claimed shift stays');
  await page.getByRole('tab', { name: '每周规律' }).click();
  await page.locator('[data-patterns-table] tr', { hasText: fx.patternRole }).locator('[data-edit-pattern]').click();
  await pick('[data-pattern-start]', '19:00', true);
  await pick('[data-pattern-end]', '20:00', true);
  await page.locator('[data-save-pattern]').click();
  await message('已有人认领，保持不变');
  await page.getByRole('tab', { name: '周历' }).click();
  check(await weekShows('19:00-20:00'), 'the moved shifts are on the week calendar');
  await shot('06c-duty-week-pattern');
  await page.getByRole('tab', { name: '每周规律' }).click();
  await page.locator('[data-patterns-table] tr', { hasText: fx.patternRole }).filter({ hasText: '19:00-20:00' }).waitFor();
  await shot('06d-duty-patterns');
  const after = await json(`${base}/api/staff/duty/shifts?stationId=${mine.stationId}&from=${mine.date}&to=${mine.date}`, token);
  const kept = after.body.find((x) => x.id === mine.id);
  check(kept && kept.start === '20:00' && kept.taken === 1, `the claimed shift is kept: ${JSON.stringify(kept)}`);

  step('Dashboard renders its charts and the district figures');
  await page.locator('[data-nav=dashboard]').click();
  await page.locator('[data-chart=per-day] canvas').waitFor();
  await page.locator('[data-dashboard-table]').getByText(fx.communityName).first().waitFor();
  await page.locator('[data-district-table]').getByText('报到党员').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800); // let ECharts finish its entry animation before the screenshot
  await shot('11-dashboard');

  step('Conversations: keyword rules with a test box');
  await page.locator('[data-nav=conversations]').click();
  await page.locator('[data-rules-link]').click();
  await page.locator('[data-rules-table]').waitFor();
  await page.locator('input[name=rule-test]').fill('帮助');
  await page.locator('[data-test-rule]').click();
  await page.locator('[data-test-result]').waitFor();
  await shot('12-rules');

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

  step('Accounts: the staff list with roles and scope');
  await page.locator('[data-nav=accounts]').click();
  await page.locator('[data-accounts-table]').waitFor();
  await page.locator('input[name=account-keyword]').fill(fx.otherStaff);
  await page.locator('input[name=account-keyword]').press('Enter'); // filtered on the server
  await page.locator('[data-accounts-table]').getByText(fx.otherStaff).waitFor();
  await page.waitForLoadState('networkidle');
  await shot('08-accounts');

  step('community staff of another community: neither the console nor the API shows 东风社区');
  const other = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const op = await other.newPage();
  op.setDefaultTimeout(15000);
  await op.goto(`${base}/console/stations`);
  await op.locator('input[name=username]').fill(fx.otherStaff);
  await op.locator('input[name=password]').fill(fx.otherPassword);
  await op.getByRole('button', { name: '登录' }).click();
  await op.locator(`[data-status="${fx.stationCode}"]`).waitFor();
  check(!(await op.locator(`[data-status="${fx.bookingStationCode}"]`).count()), 'another community\'s station is not listed');
  check(!(await op.locator('[data-open-catalogue]').count()), 'community staff get no 服务目录 button');
  await op.screenshot({ path: path.join(shots, '13-other-community-stations.png'), fullPage: true });
  const otherToken = await op.evaluate(() => JSON.parse(sessionStorage.getItem('rs-console-session')).token);
  const denied = await json(`${base}/api/staff/booking/slots/${fx.slotId}/bookings`, otherToken);
  check(denied.status === 403 && denied.body.code === 'FORBIDDEN', `another community's slot list: ${denied.status} ${JSON.stringify(denied.body)}`);
  const deniedExport = await fetch(`${base}/api/staff/booking/slots/${fx.slotId}/bookings.xlsx`, { headers: { Authorization: `Bearer ${otherToken}` } });
  check(deniedExport.status === 403, `another community's export: ${deniedExport.status}`);
  await op.goto(`${base}/console/dashboard`);
  await op.locator('[data-dashboard-table]').waitFor();
  await op.waitForLoadState('networkidle');
  check(!(await op.locator('[data-dashboard-table]').getByText(fx.communityName).count()), 'another community is not on the dashboard');
  await other.close();

  step('a phone (WeChat browser size): the menu is a drawer');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN' });
  const mobile = await phone.newPage();
  mobile.setDefaultTimeout(15000);
  await mobile.goto(`${base}/console/login`);
  await mobile.locator('input[name=username]').fill(fx.username);
  await mobile.locator('input[name=password]').fill(fx.newPassword);
  await mobile.getByRole('button', { name: '登录' }).click();
  await mobile.getByText('今晚（晚间一小时）与今日时段').waitFor();
  check(!(await mobile.locator('.el-aside').count()), 'no side menu on a phone');
  await mobile.waitForLoadState('networkidle');
  await mobile.screenshot({ path: path.join(shots, '09-today-phone.png'), fullPage: false });
  await mobile.getByRole('button', { name: '打开菜单' }).click();
  await mobile.locator('[data-nav=conversations]').click();
  await mobile.locator(`[data-conversation="${fx.conversationId}"]`).waitFor();
  await mobile.screenshot({ path: path.join(shots, '10-conversations-phone.png') });
  await mobile.getByRole('button', { name: '打开菜单' }).click();
  await mobile.locator('[data-nav=orgs]').click();
  await mobile.locator('[data-orgs-table]').getByText('襄阳铁路中学党支部').waitFor();
  await mobile.locator('[data-orgs-table] .el-loading-mask').first().waitFor({ state: 'hidden' });
  await mobile.screenshot({ path: path.join(shots, '14c-orgs-phone.png') });
  await mobile.getByRole('button', { name: '打开菜单' }).click();
  await mobile.locator('[data-nav=stations]').click();
  await mobile.locator(`[data-hours="${fx.stationCode}"]`).click();
  await mobile.locator('[data-hours-dialog] [data-hours-day="7"] [data-window-start]').waitFor();
  await mobile.waitForTimeout(400); // the dialog's opening animation
  await mobile.screenshot({ path: path.join(shots, '17c-hours-phone.png') });
  await mobile.keyboard.press('Escape');

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
