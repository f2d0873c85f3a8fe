// The room decides, end to end: `attune room` (both windows, under Xvfb) hosts a story,
// three real browser pages (Debian's Chromium driven by playwright-core) join with the room
// code and vote through the WHOLE story: one phone changes its vote, one passes, one asks
// for a pause; the facilitator (here the room's --auto-confirm, and "step out" typed on its
// stdin) pauses the room, every phone shows the calm screen, and the debrief page written
// at the end holds every round's split. Screenshots at 390x844 go to SHOTS_DIR.
//
//   node tests/window/room_vote_browser_test.mjs ATTUNE_BINARY STORY SHOTS_DIR
//
// Under the sanitizer build this passes too, but the room's own exit status is not
// asserted: there any `attune room` (a plain --screenshot run as well) ends with
// LeakSanitizer reporting 240 bytes from the GL driver, unloaded by then so its frames are
// "<unknown module>" and cannot be suppressed by name (the window tests pin the driver,
// tests/window/gl_driver_pin.cpp; the attune binary does not).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { check, launchChromium, openPhone, waitPressed } from "../tools/phones.mjs";

const [binary, story, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const home = mkdtempSync(join(tmpdir(), "attune-room-vote-"));

const room = spawn(binary, ["room", story, "--size", "1280x720", "--facilitator-size", "1280x800",
                            "--vote", "--port", "0", "--address", "127.0.0.1", "--min-votes", "3",
                            "--print-join", "--auto-confirm", "3"],
                   { stdio: ["pipe", "pipe", "inherit"],
                     env: { ...process.env, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home } });
let output = "";
let exited = null;
room.stdout.on("data", (chunk) => { output += chunk.toString(); });
room.on("exit", (code) => { exited = code; });

/// The first line of the room's output after `from` matching `pattern`, polled until
/// `seconds` have passed.
async function line(pattern, from = 0, seconds = 30) {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
        const found = output.slice(from).split("\n").find((text) => pattern.test(text));
        if (found !== undefined) {
            return found;
        }
        if (Date.now() > deadline || exited !== null) {
            throw new Error(`the room never printed ${pattern} (exit ${exited}); it printed:\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

let browser;
try {
    const address = (await line(/^join address: /)).replace("join address: ", "");
    const code = (await line(/^room code: /)).replace("room code: ", "");
    browser = await launchChromium();
    const phones = [];
    for (let i = 0; i < 3; ++i) {
        const page = await openPhone(browser, address);
        await page.getByLabel("Room code").fill(code);
        await page.getByRole("button", { name: "Join" }).click();
        await page.locator("#room").waitFor();
        phones.push(page);
    }
    check(true, "three phones joined the window's room with the room code");
    const [a, b, c] = phones;
    const open = (page) => page.locator("#choices button:not([disabled])");

    let rounds = 0;
    let from = 0;
    for (;;) {
        // The next round, or the end of the story.
        const news = await line(/^(round \d+ open|debrief: )/, from, 60);
        from = output.indexOf(news, from) + news.length;
        if (news.startsWith("debrief: ")) {
            break;
        }
        ++rounds;
        for (const page of phones) { // a fresh round: nobody's vote in it yet
            await page.locator("#status", { hasText: "Choose one, or pass." }).waitFor({ timeout: 20000 });
        }
        const choices = await open(a).count();
        // innerText: "1. " + the choice's text (+ nothing, as it is open)
        const expected = (await open(a).first().innerText()).replace(/^\d+\. /, "").trim();
        if (rounds === 1) {
            await a.screenshot({ path: `${shots}/phone-voting.png` });
        }
        await open(a).first().click();
        await a.getByText("Your vote is counted").waitFor();
        if (rounds === 1) {
            await a.screenshot({ path: `${shots}/phone-counted.png` });
            // Someone asks for a pause: their phone goes calm at once; the facilitator hears
            // "someone asked for a pause" (never who) and steps out; every phone goes calm.
            await c.getByRole("button", { name: "I need a pause" }).click();
            check(await c.locator("#calm").isVisible(), "the phone that asked shows the calm screen at once");
            await line(/^someone asked for a pause$/, from);
            check(true, "the facilitator heard that someone asked for a pause");
            const before = output.length;
            room.stdin.write("step out\n");
            await line(/^stepped out$/, before);
            for (const page of [a, b]) {
                await page.locator("#calm").waitFor({ timeout: 10000 });
                check(!(await page.locator("#scene").isVisible()), "during the room's pause no scene text shows");
            }
            await b.screenshot({ path: `${shots}/phone-calm-room.png` });
            room.stdin.write("step in\n");
            await line(/^back in$/, before);
            await b.locator("#room").waitFor({ timeout: 10000 });
            await c.getByRole("button", { name: "Back to the room" }).click();
            await c.locator("#room").waitFor({ timeout: 10000 });
        }
        // One phone changes its vote (when there is another choice to change from).
        if (choices > 1) {
            await open(b).nth(1).click();
            await b.getByText("Your vote is counted").waitFor();
        }
        await open(b).first().click();
        await waitPressed(open(b).first()); // counted before the pass below closes the round
        await c.getByRole("button", { name: "Pass this round" }).click();
        await c.locator("#pass[aria-pressed='true']").waitFor();
        const chosen = await line(/^chosen: /, from, 30);
        from = output.indexOf(chosen, from) + chosen.length;
        check(chosen === "chosen: " + expected,
              `round ${rounds}: the most votes (two, one of them changed; one pass) chose ${expected}`);
    }
    check(rounds >= 2, `the phones voted through the whole story (${rounds} rounds)`);
    const path = (await line(/^debrief: /)).replace("debrief: ", "");
    const debrief = readFileSync(path, "utf8");
    const chosenTexts = output.split("\n").filter((text) => text.startsWith("chosen: "))
        .map((text) => text.slice(8));
    for (const text of chosenTexts) {
        const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
            .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
        check(debrief.includes(escaped), `the debrief holds the room's choice ${text}`);
    }
    // Each round's split: two votes for the choice taken (one of them changed), a pass.
    const splits = debrief.split('<p class="label">How the room voted</p>').length - 1;
    check(splits === rounds, `the debrief shows the room's split for each of the ${rounds} rounds (${splits})`);
    const twoVotes = debrief.split('<td class="count">2 votes</td>').length - 1;
    check(twoVotes === rounds, `each split counts the two votes for the choice taken (${twoVotes})`);
    const passed = debrief.split("1 passed.").length - 1;
    check(passed === rounds, `each split counts the one pass (${passed})`);
    check(!debrief.includes(code), "the debrief holds no room code");
    console.log("room vote browser test: passed");
} catch (error) {
    console.error("room vote browser test: FAILED: " + error.message);
    process.exitCode = 1;
} finally {
    if (browser) {
        await browser.close();
    }
    if (exited === null) {
        room.stdin.write("quit\n");
        await new Promise((resolve) => {
            const timer = setTimeout(() => { room.kill(); resolve(); }, 10000);
            room.on("exit", () => { clearTimeout(timer); resolve(); });
        });
    }
    rmSync(home, { recursive: true, force: true });
}
