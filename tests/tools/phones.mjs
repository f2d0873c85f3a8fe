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
export async function waitPressed(step, button, seconds = 20) {
    await waitFor(step, button.and(button.page().locator("[aria-pressed='true']")), seconds);
}

/// Waits until `locator` shows; a timeout fails the test naming `step` (which phone, what
/// it waited for), since Playwright's own message names only the selector.
export async function waitFor(step, locator, seconds = 30) {
    try {
        await locator.waitFor({ timeout: seconds * 1000 });
    } catch (error) {
        throw new Error(`${step}: not seen within ${seconds} s (${error.message.split("\n")[0]})`);
    }
}

/// The standard output of a child process (the host or the room), kept as it arrives,
/// for tests that wait for what it prints.
export class ChildOutput {
    constructor(child, name) {
        this.name = name;
        this.text = "";
        this.exited = null;
        child.stdout.on("data", (chunk) => { this.text += chunk.toString(); });
        child.on("exit", (code) => { this.exited = code; });
    }

    /// The first line printed after offset `from` that matches `pattern`, polled until
    /// `seconds` have passed or the child has ended; `step` says in the failure what the
    /// test was waiting for.
    async line(step, pattern, { from = 0, seconds = 30 } = {}) {
        const deadline = Date.now() + seconds * 1000;
        for (;;) {
            const found = this.text.slice(from).split("\n").find((text) => pattern.test(text));
            if (found !== undefined) {
                return found;
            }
            if (Date.now() > deadline || this.exited !== null) {
                const why = this.exited !== null ? `it ended (exit ${this.exited})`
                                                 : `not within ${seconds} s`;
                throw new Error(`${step}: the ${this.name} never printed ${pattern}, ${why}; ` +
                                `after that point it printed:\n${this.text.slice(from)}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    }

    /// Like line(), and the offset just past the line found, to wait for what comes next.
    async lineAndEnd(step, pattern, options = {}) {
        const from = options.from ?? 0;
        const found = await this.line(step, pattern, options);
        return [found, this.text.indexOf(found, from) + found.length];
    }
}
