// Screenshots of the plugin's pages as a Jenkins user sees them, in Debian's headless Chromium.
// Usage: node shoot.mjs JENKINS_URL OUT_DIR  (PageScreenshots.java prepares the jobs and the build first)
import { chromium } from 'playwright-core';

const [base, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

async function open(path) {
  await page.goto(base + path, { waitUntil: 'networkidle' });
}

// The build step as it appears on the job's configuration page, with its advanced fields shown.
async function builder(job, file) {
  // a viewport taller than the page: the sticky header and Save bar then cover nothing
  await page.setViewportSize({ width: 1280, height: 4000 });
  await open(`job/${job}/configure`);
  const chunk = page.locator('div.repeated-chunk[name="builder"]').first();
  await chunk.scrollIntoViewIfNeeded();
  for (const button of await chunk.locator('button.advanced-button, .advancedButton button').all()) {
    if (await button.isVisible()) await button.click();
  }
  await page.waitForTimeout(500);
  await chunk.screenshot({ path: `${out}/${file}` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

// The Pipeline Syntax page with the step chosen, its form filled in, and the generated snippet.
async function snippet(job, stepLabelStart, fields, file) {
  await page.setViewportSize({ width: 1280, height: 1800 });
  await open(`job/${job}/pipeline-syntax/`);
  const select = page.locator('select.dropdownList').first();
  const value = await select.locator('option').evaluateAll(
      (options, start) => options.find(o => o.textContent.trim().startsWith(start))?.value, stepLabelStart);
  await select.selectOption(value);
  await page.waitForTimeout(800);
  for (const [name, text] of Object.entries(fields)) {
    const input = page.locator(`input[name="_.${name}"]:visible`).first();
    await input.fill(text);
    await input.blur();
  }
  await page.getByRole('button', { name: 'Generate Pipeline Script' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/${file}`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

await builder('prepare-standby', 'freestyle-standby-prepare.png');
await builder('back-up-xcat', 'freestyle-db-backup.png');
await builder('restore-xcat', 'freestyle-db-restore.png');
await builder('fail-over-xcat', 'freestyle-failover.png');
await snippet('cluster-ops', 'xcatStandbyPrepare', { primary: 'mn1.cluster', standby: 'mn2.cluster' },
              'pipeline-syntax-xcatStandbyPrepare.png');
await snippet('cluster-ops', 'xcatDbBackup', { host: 'mn1.cluster' }, 'pipeline-syntax-xcatDbBackup.png');
await snippet('cluster-ops', 'xcatDbRestore', { host: 'mn1.cluster' }, 'pipeline-syntax-xcatDbRestore.png');
await snippet('cluster-ops', 'xcatFailover',
              { primary: 'mn1.cluster', standby: 'mn2.cluster', virtualIp: '10.0.0.1/24', interface: 'eth0' },
              'pipeline-syntax-xcatFailover.png');
await open('job/cluster-ops/1/');
await page.screenshot({ path: `${out}/build-artifacts.png`, fullPage: true });
await open('job/cluster-ops/1/console');
await page.screenshot({ path: `${out}/build-console.png`, fullPage: true });
await browser.close();
