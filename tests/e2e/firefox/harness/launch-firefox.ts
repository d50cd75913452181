import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import puppeteer, { type Browser } from 'puppeteer-core';
import { builtFirefoxExtensionDir, firefoxPath } from './paths';
import { startProxySink, type ProxySink } from './proxy-sink';

export interface LaunchedFirefox {
  browser: Browser;
  /** The add-on id Firefox installed the extension under (the manifest's gecko id). */
  extensionId: string;
  /** What the browser tried to reach beyond loopback (see proxy-sink.ts). */
  proxy: ProxySink;
  /** The last lines Firefox printed (its own messages and the extension's console), for error reports. */
  log(): string;
  /** Closes the browser (puppeteer deletes its temporary profile) and the proxy. */
  close(): Promise<void>;
}

export interface LaunchFirefoxOptions {
  extensionDir?: string;
  executablePath?: string;
  /** Bound on launching Firefox and on every single BiDi command. */
  timeoutMs?: number;
}

/**
 * Preferences for a fresh profile that keep Firefox from calling home: updates, telemetry, safe
 * browsing, add-on recommendations, Remote Settings, push and the like. Puppeteer writes a
 * similar set of its own; this one repeats what matters so as not to depend on it. Every
 * HTTP(S) request that still happens goes to the proxy sink, so nothing leaves the machine even
 * when a pref is missing here. Loopback is never proxied.
 */
export function offlinePrefs(proxyPort: number): Record<string, string | number | boolean> {
  return {
    // Remote Settings (blocklists, experiments, search config) syncs from nowhere. Release builds
    // read this pref only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the environment (set at launch).
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.failover_direct': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.geoip.url': '',
    'browser.discovery.enabled': false,
    'browser.topsites.contile.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.update.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'dom.push.enabled': false,
    'dom.push.connection.enabled': false,
    'geo.provider.network.url': '',
    // The extension's console (background and content script) goes to stdout, into log().
    'devtools.console.stdout.chrome': true,
    'devtools.console.stdout.content': true,
  };
}

const logLimit = 200;

/**
 * Launches headless Firefox ESR over WebDriver BiDi with a fresh profile and installs the built
 * extension as a temporary add-on (BiDi `webExtension.install`, which needs no signing).
 */
export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<LaunchedFirefox> {
  const extensionDir = options.extensionDir ?? builtFirefoxExtensionDir;
  const executablePath = options.executablePath ?? firefoxPath;
  const timeout = options.timeoutMs ?? 30_000;
  const manifestFile = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:firefox\` first.`);
  if (!existsSync(executablePath))
    throw new Error(
      `No Firefox at ${executablePath}: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.`,
    );
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };

  const proxy = await startProxySink();
  const lines: string[] = [];
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      timeout,
      protocolTimeout: timeout,
      extraPrefsFirefox: offlinePrefs(proxy.port),
      // Lets release builds honour services.settings.server (see offlinePrefs).
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    });
    for (const input of [browser.process()?.stdout, browser.process()?.stderr]) {
      if (!input) continue;
      createInterface({ input }).on('line', (line) => {
        if (!line.trim()) return;
        lines.push(line);
        if (lines.length > logLimit) lines.shift();
      });
    }
    const extensionId = await browser.installExtension(extensionDir);
    const expectedId = manifest.browser_specific_settings?.gecko?.id;
    if (expectedId && extensionId !== expectedId)
      throw new Error(`Firefox installed the extension as ${extensionId}, not as its manifest's id ${expectedId}.`);
    const launched = browser;
    return {
      browser,
      extensionId,
      proxy,
      log: () => lines.join('\n'),
      close: async () => {
        try {
          await launched.close();
        } finally {
          await proxy.close();
        }
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await proxy.close();
    if (error instanceof Error && lines.length) error.message += `\nLast lines from Firefox:\n${lines.join('\n')}`;
    throw error;
  }
}
