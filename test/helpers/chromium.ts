/**
 * How the browser tests and the web benchmark start Chromium: Debian's build (never a downloaded
 * one), headless, with the background services off that would try to reach the network.
 */
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
