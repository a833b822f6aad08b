// Logs in on the board in one tab (the token lives in that tab's sessionStorage), then lets Lighthouse
// navigate the same tab again, for a phone and for a desktop, and prints the category scores.
import puppeteer from 'puppeteer-core';
import { startFlow, desktopConfig } from 'lighthouse';

const [url, user, password] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN']
});
try {
  for (const formFactor of ['mobile', 'desktop']) {
    const page = await browser.newPage();
    await page.goto(url + '/', { waitUntil: 'networkidle2' });
    await page.type('#username', user);
    await page.type('#password', password);
    await Promise.all([page.click('#login-button'), page.waitForSelector('#panels', { visible: true })]);
    const config = formFactor === 'desktop' ? desktopConfig : undefined;
    const flow = await startFlow(page, { config, flags: { disableStorageReset: true, formFactor } });
    await flow.navigate(url + '/', { disableStorageReset: true });
    const result = (await flow.createFlowResult()).steps[0].lhr;
    const scores = Object.values(result.categories).map((c) => c.title + ' ' + Math.round(c.score * 100)).join(', ');
    const audit = (id) => result.audits[id] ? result.audits[id].displayValue : '?';
    console.log(formFactor + ': ' + scores + ' | LCP ' + audit('largest-contentful-paint') + ', TBT ' + audit('total-blocking-time')
      + ', CLS ' + audit('cumulative-layout-shift'));
    if (process.env.LIGHTHOUSE_DETAILS) {
      const shifts = result.audits['layout-shifts'] || result.audits['layout-shift-elements'];
      for (const item of (shifts && shifts.details && shifts.details.items) || []) {
        console.log('  shift ' + (item.score ?? '').toString().slice(0, 5) + ' ' + ((item.node && item.node.selector) || ''));
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
}
