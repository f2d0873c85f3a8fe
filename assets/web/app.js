// The phone page: join with the room code, vote, pass, ask for a pause. It keeps one
// thing, the phone's random token (localStorage), so a phone that drops comes back to
// its vote; it sends no name and keeps nothing else. Polls the room every 1.5 s.
"use strict";

(() => {
    const tokenKey = "attune-device";
    const pollMs = 1500;
    const $ = (id) => document.getElementById(id);

    let device = readToken();
    let privatePause = false;
    let last = null;
    let builtRound = -1;
    let pollTimer = null;
    // How many of this phone's votes the host has answered. A state read that left before
    // an answer may have been read before that vote counted: its "your_vote" is older than
    // what the answer told us, and must not make a counted vote look uncounted.
    let votesAnswered = 0;

    function readToken() {
        try {
            return localStorage.getItem(tokenKey) || "";
        } catch (e) {
            return "";
        }
    }

    function keepToken(token) {
        device = token;
        try {
            if (token) {
                localStorage.setItem(tokenKey, token);
            } else {
                localStorage.removeItem(tokenKey);
            }
        } catch (e) {
            // Private browsing: the token lives as long as the page.
        }
    }

    function show(section) {
        for (const id of ["join", "room", "calm", "gone"]) {
            $(id).hidden = id !== section;
        }
    }

    async function call(method, path, body) {
        const headers = {};
        if (device) {
            headers["X-Device"] = device;
        }
        if (body !== undefined) {
            headers["Content-Type"] = "application/json";
        }
        const response = await fetch(path, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            cache: "no-store",
        });
        let data = {};
        try {
            data = await response.json();
        } catch (e) {
            data = {};
        }
        return { status: response.status, data };
    }

    async function join(code) {
        $("join-problem").textContent = "";
        let reply;
        try {
            reply = await call("POST", "/api/join", { code });
        } catch (e) {
            $("join-problem").textContent = "The room cannot be reached. Check that this phone is on the same Wi-Fi.";
            return;
        }
        if (reply.status === 200) {
            keepToken(reply.data.device);
            poll();
        } else {
            $("join-problem").textContent = reply.data.error || "That did not work; try again.";
            show("join");
        }
    }

    function schedule() {
        clearTimeout(pollTimer);
        pollTimer = setTimeout(poll, pollMs);
    }

    async function poll() {
        if (!device) {
            show("join");
            return;
        }
        const answeredBefore = votesAnswered;
        try {
            const reply = await call("GET", "/api/state");
            if (reply.status === 200) {
                const fresh = reply.data;
                if (votesAnswered !== answeredBefore && last && fresh.round === last.round) {
                    fresh.your_vote = last.your_vote;
                }
                last = fresh;
                render();
            } else if (reply.status === 401) {
                keepToken("");
                show("join");
                return;
            }
        } catch (e) {
            if (last) {
                $("status").textContent = "Trying to reach the room\u2026 your vote is kept.";
            }
        }
        schedule();
    }

    function buildRound(state) {
        const scene = $("scene");
        scene.replaceChildren();
        for (const line of state.lines) {
            const p = document.createElement("p");
            p.textContent = line;
            scene.append(p);
        }
        const list = $("choices");
        list.replaceChildren();
        state.choices.forEach((choice, index) => {
            const item = document.createElement("li");
            const button = document.createElement("button");
            button.type = "button";
            button.dataset.choice = String(index);
            // The number the projector and the facilitator give it: closed choices keep theirs.
            const number = document.createElement("span");
            number.className = "number";
            number.textContent = String(index + 1) + ". ";
            button.append(number, choice.text);
            if (!choice.open) {
                const reason = document.createElement("span");
                reason.className = "closed-reason";
                // "In the story": the reason speaks to the story's "you", and on a phone in
                // a group it must not read as a remark about the person holding it.
                reason.textContent = "Closed in the story: " + choice.reason;
                button.append(reason);
            }
            button.addEventListener("click", () => vote({ round: state.round, choice: index }));
            item.append(button);
            list.append(item);
        });
        builtRound = state.round;
    }

    function renderSplit(state) {
        const split = $("split");
        split.hidden = !state.split;
        if (!state.split) {
            return;
        }
        const bars = $("split-bars");
        bars.replaceChildren();
        state.split.forEach((percent, index) => {
            const item = document.createElement("li");
            const label = document.createElement("span");
            label.textContent = state.choices[index].text + ": " + percent + "%";
            const track = document.createElement("div");
            track.className = "bar-track";
            track.setAttribute("aria-hidden", "true");
            const bar = document.createElement("div");
            bar.className = "bar";
            bar.style.width = percent + "%";
            track.append(bar);
            item.append(label, track);
            bars.append(item);
        });
    }

    function render() {
        const state = last;
        if (privatePause || (state && state.paused)) {
            $("calm-words").textContent = privatePause
                ? "Take your time. Nobody knows who asked. Come back when you're ready."
                : "The room is taking a pause. Nothing to do here but breathe.";
            $("back").hidden = !privatePause;
            show("calm");
            return;
        }
        if (!state) {
            return;
        }
        show("room");
        $("phone-number").textContent = "This phone: " + state.phone;
        $("waiting").hidden = state.round !== 0;
        $("round").hidden = state.round === 0;
        if (state.round === 0) {
            builtRound = -1;
            return;
        }
        if (builtRound !== state.round) {
            buildRound(state);
        }
        for (const button of $("choices").querySelectorAll("button")) {
            const index = Number(button.dataset.choice);
            button.disabled = !state.open || !state.choices[index].open;
            button.setAttribute("aria-pressed", String(state.your_vote === index));
        }
        const pass = $("pass");
        pass.disabled = !state.open;
        pass.setAttribute("aria-pressed", String(state.your_vote === "pass"));
        let words;
        if (state.open) {
            words = state.your_vote === null
                ? "Choose one, or pass."
                : "Your vote is counted. You can change it until the round closes.";
        } else {
            words = state.your_vote === null ? "The round is closed." : "The round is closed. Your vote was counted.";
        }
        $("status").textContent = words;
        renderSplit(state);
    }

    async function vote(ballot) {
        try {
            const reply = await call("POST", "/api/vote", ballot);
            if (reply.status === 200) {
                ++votesAnswered;
            }
            if (reply.status === 200 && last && last.round === ballot.round) {
                last.your_vote = ballot.pass ? "pass" : ballot.choice;
                render();
            } else if (reply.status !== 200) {
                $("status").textContent = reply.data.error || "That vote did not go through; try again.";
            }
        } catch (e) {
            $("status").textContent = "The room cannot be reached; try again in a moment.";
        }
    }

    function askPause() {
        privatePause = true;
        render();
        call("POST", "/api/pause").catch(() => {});
    }

    $("join-form").addEventListener("submit", (event) => {
        event.preventDefault();
        join($("code").value);
    });
    $("pass").addEventListener("click", () => {
        if (last) {
            vote({ round: last.round, pass: true });
        }
    });
    $("ask-pause").addEventListener("click", askPause);
    $("back").addEventListener("click", () => {
        privatePause = false;
        render();
        $("ask-pause").focus();
    });

    const code = new URLSearchParams(location.search).get("code");
    if (code) {
        $("code").value = code;
        history.replaceState(null, "", "/");
    }
    if (device) {
        poll();
    } else if (code) {
        join(code);
    } else {
        show("join");
    }
})();
