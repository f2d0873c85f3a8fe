// A real browser test: headless Chromium (Debian's), driven by playwright-core, opens
// three phone pages on `attune host --headless`, joins with the room code, votes, passes,
// changes a vote, asks for a pause, drops and comes back; the host's tally must match.
// Screenshots of the phone page at 390x844 go to SHOTS_DIR.
//
// Then a second room on a story whose first choice is closed (the player is flooded):
// the phone shows it closed, with the game's reason, and cannot vote for it.
//
//   node tests/host/browser_test.mjs ATTUNE_BINARY STORY FLOODED_STORY SHOTS_DIR
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

import { check, launchChromium, openPhone, waitPressed } from "../tools/phones.mjs";

const [binary, story, floodedStory, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

const host = spawn(binary, ["host", story, "--headless", "--port", "0", "--address", "127.0.0.1",
                            "--min-votes", "3", "--seed", "3"],
                   { stdio: ["pipe", "pipe", "inherit"] });
let output = "";
let waiting = null;
host.stdout.on("data", (chunk) => {
    output += chunk.toString();
    if (waiting) {
        waiting();
    }
});

/// Resolves with the first output line (after `from`) matching `pattern`.
async function line(pattern, seconds = 15) {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
        const found = output.split("\n").find((text) => pattern.test(text));
        if (found !== undefined) {
            return found;
        }
        if (Date.now() > deadline) {
            throw new Error(`the host never printed ${pattern}; it printed:\n${output}`);
        }
        await new Promise((resolve) => {
            waiting = resolve;
            setTimeout(resolve, 200);
        });
    }
}

/// Waits for `pattern` in output printed after this call.
async function next(command, pattern) {
    const before = output.length;
    host.stdin.write(command + "\n");
    const deadline = Date.now() + 15000;
    for (;;) {
        const found = output.slice(before).split("\n").find((text) => pattern.test(text));
        if (found !== undefined) {
            return found;
        }
        if (Date.now() > deadline) {
            throw new Error(`after '${command}' the host never printed ${pattern}:\n${output.slice(before)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

let browser;
let flooded;
try {
    const address = (await line(/^join address: /)).replace("join address: ", "");
    const code = (await line(/^room code: /)).replace("room code: ", "");
    browser = await launchChromium();
    const phones = [];
    for (let i = 0; i < 3; ++i) {
        const page = await openPhone(browser, address);
        await page.getByLabel("Room code").fill(code.toLowerCase());
        await page.getByRole("button", { name: "Join" }).click();
        await page.getByRole("heading", { name: "You're in" }).waitFor();
        phones.push(page);
    }
    check(true, "three phones joined with the room code");

    await next("open", /^round 1 open/);
    const [a, b, c] = phones;
    const choice = (page, n) => page.locator("#choices button").nth(n);
    for (const page of phones) {
        await choice(page, 0).waitFor();
    }
    await a.screenshot({ path: `${shots}/phone-voting.png` });

    await choice(a, 0).click();
    await choice(b, 1).click();
    await c.getByRole("button", { name: "Pass this round" }).click();
    await c.locator("#pass[aria-pressed='true']").waitFor();
    await choice(c, 0).click(); // changes the pass to a vote
    await waitPressed(choice(a, 0));
    await waitPressed(choice(b, 1));
    await waitPressed(choice(c, 0));
    for (const page of phones) {
        await page.getByText("Your vote is counted").waitFor();
    }
    check(await choice(c, 0).getAttribute("aria-pressed") === "true", "the changed vote shows as this phone's vote");
    check(await c.locator("#pass").getAttribute("aria-pressed") === "false", "the pass is no longer this phone's vote");
    await a.screenshot({ path: `${shots}/phone-counted.png` });

    // A phone that drops and comes back keeps its token and its vote.
    await a.reload();
    await choice(a, 0).waitFor();
    await a.locator("#choices button[aria-pressed='true']").waitFor();
    check(await choice(a, 0).getAttribute("aria-pressed") === "true", "a reloaded phone still shows its vote");

    const before = output.length;
    host.stdin.write("close\n");
    await next("", /^\s+pass: /);
    const tally = output.slice(before);
    check(/3 took part/.test(tally), "the host counts three taking part");
    check(/^\s+1: 2$/m.test(tally), "choice 1 has two votes (one changed from a pass)");
    check(/^\s+2: 1$/m.test(tally), "choice 2 has one vote");
    check(/^\s+pass: 0$/m.test(tally), "no pass is left");

    await next("reveal", /shown to the room/);
    await b.locator("#split").waitFor();
    check((await b.locator("#split").innerText()).includes("67%"), "phones show the revealed split");
    await b.screenshot({ path: `${shots}/phone-revealed.png` });

    await b.getByRole("button", { name: "I need a pause" }).click();
    check(await b.locator("#calm").isVisible(), "the phone that asked shows the calm screen at once");
    await line(/^someone asked for a pause$/);
    check(true, "the host heard that someone asked for a pause");
    await b.screenshot({ path: `${shots}/phone-calm-asked.png` });

    await next("pause", /^paused/);
    await a.locator("#calm").waitFor();
    check(!(await a.locator("#scene").isVisible()), "during the room's pause no scene text shows");
    await a.screenshot({ path: `${shots}/phone-calm-room.png` });
    await next("resume", /^back to the story/);
    await a.locator("#room").waitFor();

    await next("confirm", /^chosen: 1/);
    await next("next", /type open|the story has ended/);
    await a.getByRole("heading", { name: "You're in" }).waitFor();
    check(true, "after the choice, phones wait for the next round");
    host.stdin.write("quit\n");
    await line(/^room closed$/);

    flooded = spawn(binary, ["host", floodedStory, "--headless", "--port", "0",
                                   "--address", "127.0.0.1", "--seed", "1"],
                          { stdio: ["pipe", "pipe", "inherit"] });
    let floodedOutput = "";
    flooded.stdout.on("data", (chunk) => { floodedOutput += chunk.toString(); });
    const joinLine = async (pattern) => {
        for (let i = 0; i < 150; ++i) {
            const found = floodedOutput.split("\n").find((text) => pattern.test(text));
            if (found !== undefined) {
                return found;
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error(`the flooded room never printed ${pattern}:\n${floodedOutput}`);
    };
    const floodedAddress = (await joinLine(/^join address: /)).replace("join address: ", "");
    const floodedCode = (await joinLine(/^room code: /)).replace("room code: ", "");
    const d = await openPhone(browser, floodedAddress + "?code=" + floodedCode); // as the QR code opens it
    await d.getByRole("heading", { name: "You're in" }).waitFor();
    flooded.stdin.write("open\n");
    await choice(d, 0).waitFor();
    check(await choice(d, 0).isDisabled(), "a choice closed in the story is closed on the phone");
    check((await choice(d, 0).innerText()).includes("Closed in the story: You're too flooded"),
          "with the game's own reason, said to be the story's");
    check(!(await choice(d, 1).isDisabled()), "the other choices stay open");
    await d.screenshot({ path: `${shots}/phone-closed-choice.png` });
    flooded.stdin.write("quit\n");
    await joinLine(/^room closed$/);
    console.log("browser test: passed");
} catch (error) {
    console.error("browser test: FAILED: " + error.message);
    process.exitCode = 1;
} finally {
    if (browser) {
        await browser.close();
    }
    host.kill();
    if (flooded) {
        flooded.kill();
    }
}
