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

import { ChildOutput, check, launchChromium, openPhone, waitFor, waitPressed } from "../tools/phones.mjs";

const [binary, story, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const home = mkdtempSync(join(tmpdir(), "attune-room-vote-"));

const room = spawn(binary, ["room", story, "--size", "1280x720", "--facilitator-size", "1280x800",
                            "--vote", "--port", "0", "--address", "127.0.0.1", "--min-votes", "3",
                            "--print-join", "--auto-confirm", "3"],
                   { stdio: ["pipe", "pipe", "inherit"],
                     env: { ...process.env, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home } });
const output = new ChildOutput(room, "room");

let browser;
try {
    const address = (await output.line("the room starts", /^join address: /)).replace("join address: ", "");
    const code = (await output.line("the room starts", /^room code: /)).replace("room code: ", "");
    browser = await launchChromium();
    const phones = [];
    for (let i = 0; i < 3; ++i) {
        const page = await openPhone(browser, address);
        await page.getByLabel("Room code").fill(code);
        await page.getByRole("button", { name: "Join" }).click();
        await waitFor(`phone ${i + 1} joins`, page.locator("#room"));
        phones.push(page);
    }
    check(true, "three phones joined the window's room with the room code");
    const [a, b, c] = phones;
    const open = (page) => page.locator("#choices button:not([disabled])");

    let rounds = 0;
    let from = 0;
    for (;;) {
        // The next round, or the end of the story.
        let news;
        [news, from] = await output.lineAndEnd(`after round ${rounds}, the next round or the end`,
                                               /^(round \d+ open|debrief: )/, { from, seconds: 60 });
        if (news.startsWith("debrief: ")) {
            break;
        }
        ++rounds;
        for (const [i, page] of phones.entries()) { // a fresh round: nobody's vote in it yet
            await waitFor(`round ${rounds}: phone ${i + 1} shows the fresh round`,
                          page.locator("#status", { hasText: "Choose one, or pass." }), 20);
        }
        const choices = await open(a).count();
        // innerText: "1. " + the choice's text (+ nothing, as it is open)
        const expected = (await open(a).first().innerText()).replace(/^\d+\. /, "").trim();
        if (rounds === 1) {
            await a.screenshot({ path: `${shots}/phone-voting.png` });
        }
        // Every step the test waits to see happens while the round is still open: the vote
        // that completes the room (phone 2's, last) closes the round at once (--auto-confirm),
        // and the next round replaces what a phone showed of the old one.
        await c.getByRole("button", { name: "Pass this round" }).click();
        await waitFor(`round ${rounds}: phone 3's pass counted`, c.locator("#pass[aria-pressed='true']"));
        // One phone changes its vote (when there is another choice to change from).
        if (choices > 1) {
            await open(a).nth(1).click();
            await waitPressed(`round ${rounds}: phone 1's first vote counted`, open(a).nth(1));
        }
        await open(a).first().click();
        await waitPressed(`round ${rounds}: phone 1's vote counted`, open(a).first());
        check(await a.getByText("Your vote is counted").isVisible(), `round ${rounds}: phone 1 says its vote is counted`);
        if (rounds === 1) {
            await a.screenshot({ path: `${shots}/phone-counted.png` });
            // Someone asks for a pause: their phone goes calm at once; the facilitator hears
            // "someone asked for a pause" (never who) and steps out; every phone goes calm.
            await c.getByRole("button", { name: "I need a pause" }).click();
            check(await c.locator("#calm").isVisible(), "the phone that asked shows the calm screen at once");
            await output.line("the pause request reaches the facilitator", /^someone asked for a pause$/, { from });
            check(true, "the facilitator heard that someone asked for a pause");
            const before = output.text.length;
            room.stdin.write("step out\n");
            await output.line("the facilitator steps out", /^stepped out$/, { from: before });
            for (const [i, page] of [a, b].entries()) {
                await waitFor(`phone ${i + 1} shows the calm screen in the room's pause`, page.locator("#calm"), 10);
                check(!(await page.locator("#scene").isVisible()), "during the room's pause no scene text shows");
            }
            await b.screenshot({ path: `${shots}/phone-calm-room.png` });
            room.stdin.write("step in\n");
            await output.line("the facilitator steps back in", /^back in$/, { from: before });
            await waitFor("phone 2 back in the room after the pause", b.locator("#room"), 10);
            await c.getByRole("button", { name: "Back to the room" }).click();
            await waitFor("phone 3 back in the room from its calm screen", c.locator("#room"), 10);
        }
        await open(b).first().click(); // the third phone to take part: the room chooses
        let chosen;
        [chosen, from] = await output.lineAndEnd(`round ${rounds}: the room chooses`, /^chosen: /, { from });
        check(chosen === "chosen: " + expected,
              `round ${rounds}: the most votes (two, one of them changed; one pass) chose ${expected}`);
    }
    check(rounds >= 2, `the phones voted through the whole story (${rounds} rounds)`);
    const path = (await output.line("the debrief is written", /^debrief: /)).replace("debrief: ", "");
    const debrief = readFileSync(path, "utf8");
    const chosenTexts = output.text.split("\n").filter((text) => text.startsWith("chosen: "))
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
    if (output.exited === null) {
        room.stdin.write("quit\n");
        await new Promise((resolve) => {
            const timer = setTimeout(() => { room.kill(); resolve(); }, 10000);
            room.on("exit", () => { clearTimeout(timer); resolve(); });
        });
    }
    rmSync(home, { recursive: true, force: true });
}
