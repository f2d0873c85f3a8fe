// What the browser tests share: Debian's Chromium driven by playwright-core, phone-sized
// pages that fail the test on any script error, and checks that say what they checked.

import { createRequire } from "node:module";

const require = createRequire(new URL("./package.json", import.meta.url));
const { chromium } = require("playwright-core");

/// Fails the test with `words` unless `condition` holds; prints what passed.
export function check(condition, words) {
    if (!condition) {
        throw new Error(words);
    }
    console.log("ok: " + words);
}

/// Headless Chromium, as CI has it.
export function launchChromium() {
    return chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
}

/// A new phone (390×844, its own cookies and storage) on `address`; a script error on
/// the page fails the test.
export async function openPhone(browser, address) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.on("pageerror", (error) => { throw error; });
    await page.goto(address);
    return page;
}

/// Waits until `button` shows as pressed (this phone's vote): the page marks it only
/// once the host has answered, so a test must not read it straight after the click.
export async function waitPressed(button, seconds = 20) {
    await button.and(button.page().locator("[aria-pressed='true']")).waitFor({ timeout: seconds * 1000 });
}
