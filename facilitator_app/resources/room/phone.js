/* The room link's phone page: join with the room code, follow the wall, send a remark or a
   proposal, cast dots. Plain script, no build step, no external assets, no secure-context
   APIs. Everything shown is set as text (textContent), never as HTML. */
(function () {
  "use strict";

  var PHRASES = {
    cs: {
      title: "Propojení se sálem",
      join: "Připojit se k workshopu",
      codeLabel: "Kód místnosti (na stěně)",
      joinButton: "Připojit",
      wrongCode: "Kód nesouhlasí. Opište ho ze stěny.",
      slowDown: "Příliš mnoho pokusů, chvíli počkejte.",
      full: "Místnost je plná.",
      failed: "Nepodařilo se spojit. Zkuste to znovu.",
      connected: "Sledujete stěnu",
      reconnecting: "Spojení se obnovuje…",
      closed: "Místnost byla uzavřena.",
      waiting: "Čeká se, až facilitátor začne promítat.",
      other: "Stěna teď ukazuje něco jiného.",
      noContent: "(zatím nic)",
      sendHeading: "Napište facilitátorovi",
      sendLabel: "Připomínka nebo návrh aktivity",
      sendRemark: "Připomínka k vizi: ",
      sendActivity: "Navrhnout aktivitu do: ",
      sent: "Odesláno. Facilitátor rozhodne, zda to přijme.",
      tooLong: "Text je prázdný nebo příliš dlouhý.",
      notNow: "Teď to nejde odeslat.",
      voteHeading: "Hlasování",
      voteHelp: "Vyberte nejvýše %d.",
      voteButton: "Odeslat hlasy",
      voted: "Hlasy jsou odeslány. Do zveřejnění výsledků je můžete změnit.",
      results: "Výsledky hlasování z telefonů",
      votesOf: "hlasů: %d",
      strengths: "Silné stránky",
      weaknesses: "Slabé stránky",
      opportunities: "Příležitosti",
      threats: "Hrozby"
    },
    en: {
      title: "Room link",
      join: "Join the workshop",
      codeLabel: "Room code (on the wall)",
      joinButton: "Join",
      wrongCode: "That code does not match. Copy it from the wall.",
      slowDown: "Too many tries; wait a moment.",
      full: "The room is full.",
      failed: "Could not connect. Try again.",
      connected: "Following the wall",
      reconnecting: "Reconnecting…",
      closed: "The room has been closed.",
      waiting: "Waiting for the facilitator to present.",
      other: "The wall shows something else now.",
      noContent: "(nothing yet)",
      sendHeading: "Write to the facilitator",
      sendLabel: "A remark or a proposed activity",
      sendRemark: "Remark on the vision: ",
      sendActivity: "Propose an activity in: ",
      sent: "Sent. The facilitator decides whether to take it.",
      tooLong: "The text is empty or too long.",
      notNow: "This cannot be sent now.",
      voteHeading: "Vote",
      voteHelp: "Choose at most %d.",
      voteButton: "Send my dots",
      voted: "Your dots are in. You can change them until the results are shown.",
      results: "The phones' results",
      votesOf: "votes: %d",
      strengths: "Strengths",
      weaknesses: "Weaknesses",
      opportunities: "Opportunities",
      threats: "Threats"
    }
  };

  var lang = "cs";
  var source = null;
  var view = null;
  var vote = null;
  // Arrival times of the views (for the tests' and benchmark's latency figures).
  var log = [];
  window.roomLog = log;

  function t(key) {
    var table = PHRASES[lang] || PHRASES.en;
    return table[key] || PHRASES.en[key] || key;
  }

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function setLanguage(value) {
    if (!PHRASES[value] || value === lang) { return; }
    lang = value;
    document.documentElement.lang = lang;
    labels();
  }

  function labels() {
    document.title = t("title");
    $("join-heading").textContent = t("join");
    $("code-label").textContent = t("codeLabel");
    $("join-button").textContent = t("joinButton");
    $("send-heading").textContent = t("sendHeading");
    $("send-label").textContent = t("sendLabel");
    $("vote-heading").textContent = t("voteHeading");
    $("vote-button").textContent = t("voteButton");
    if (view) { renderView(); }
    renderVote();
  }

  function status(text) { $("status").textContent = text; }

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        data.status = response.status;
        return data;
      });
    });
  }

  // --- joining -------------------------------------------------------------------------

  function showJoin(message) {
    $("join").hidden = false;
    $("wall").hidden = true;
    $("send").hidden = true;
    $("vote").hidden = true;
    $("join-error").textContent = message || "";
    document.body.classList.remove("blank");
  }

  function join(code) {
    $("join-button").disabled = true;
    return post("/join", { code: code }).then(function (reply) {
      $("join-button").disabled = false;
      if (reply.ok) {
        $("join").hidden = true;
        follow();
        return;
      }
      var reasons = { "wrong-code": "wrongCode", "slow-down": "slowDown", "room-full": "full" };
      showJoin(t(reasons[reply.error] || "failed"));
    }, function () {
      $("join-button").disabled = false;
      showJoin(t("failed"));
    });
  }

  function start() {
    labels();
    var fromLink = (location.hash || "").replace(/^#/, "");
    if (fromLink && history.replaceState) {
      history.replaceState(null, "", location.pathname);  // the code stays out of history
    }
    fetch("/state", { credentials: "same-origin" }).then(function (r) { return r.json(); })
      .then(function (state) {
        setLanguage(state.lang);
        if (state.joined) {
          follow();
        } else if (fromLink) {
          join(fromLink);
        } else {
          showJoin("");
        }
      }, function () { showJoin(t("failed")); });
    $("join-form").addEventListener("submit", function (event) {
      event.preventDefault();
      join($("code").value);
    });
    $("send-remark").addEventListener("click", function () { send("remark"); });
    $("send-activity").addEventListener("click", function () { send("activity"); });
    $("vote-form").addEventListener("submit", function (event) {
      event.preventDefault();
      castVote();
    });
  }

  // --- following the wall --------------------------------------------------------------

  function follow() {
    if (source) { source.close(); }
    $("join").hidden = true;
    $("wall").hidden = false;
    status(t("reconnecting"));
    source = new EventSource("/events");
    source.addEventListener("open", function () { status(t("connected")); });
    source.addEventListener("view", function (event) {
      view = JSON.parse(event.data);
      log.push({ at: Date.now(), data: event.data });
      if (log.length > 500) { log.shift(); }
      setLanguage(view.lang);
      renderView();
    });
    source.addEventListener("vote", function (event) {
      vote = JSON.parse(event.data);
      renderVote();
    });
    source.addEventListener("closed", function () {
      source.close();
      source = null;
      view = null;
      vote = null;
      status(t("closed"));
      showJoin(t("closed"));
    });
    source.addEventListener("error", function () {
      if (!source) { return; }
      if (source.readyState === EventSource.CLOSED) {
        // Refused (the room closed, the token forgotten): ask whether we are still in.
        source = null;
        fetch("/state", { credentials: "same-origin" }).then(function (r) { return r.json(); })
          .then(function (state) {
            if (state.joined) { setTimeout(follow, 2000); } else { showJoin(t("closed")); }
          }, function () { status(t("reconnecting")); setTimeout(follow, 3000); });
      } else {
        status(t("reconnecting"));
      }
    });
  }

  function renderView() {
    var content = $("wall-content");
    clear(content);
    document.body.classList.toggle("blank", view.kind === "blank");
    $("wall-title").textContent = view.title || "";
    $("wall-heading").textContent = view.heading || "";
    var current = null;
    if (view.kind === "waiting") {
      content.appendChild(el("p", "note", t("waiting")));
    } else if (view.kind === "other") {
      content.appendChild(el("p", "note", t("other")));
    } else if (view.kind === "vision") {
      (view.paragraphs || []).forEach(function (text, index) {
        var p = el("p", index === view.current ? "current" : "", text);
        if (index === view.current) { current = p; }
        content.appendChild(p);
      });
      if (!(view.paragraphs || []).length) { content.appendChild(el("p", "note", t("noContent"))); }
    } else if (view.kind !== "blank" && view.kind !== "title") {
      var list = el("ul");
      var group = null;
      (view.items || []).forEach(function (item) {
        if (item.group && item.group !== group) {
          group = item.group;
          list.appendChild(el("li", "group", t(group)));
        }
        var li = el("li", item.current ? "current" : "");
        li.style.marginLeft = (Math.min(item.depth || 0, 6) * 1.2) + "rem";
        if (item.code) { li.appendChild(el("span", "code", item.code)); }
        li.appendChild(document.createTextNode(item.text));
        if (item.votes !== undefined) { li.appendChild(el("span", "votes", "(" + item.votes + ")")); }
        if (item.current) { current = li; }
        list.appendChild(li);
      });
      content.appendChild(list);
      if (!(view.items || []).length) { content.appendChild(el("p", "note", t("noContent"))); }
    }
    if (current && current.scrollIntoView) { current.scrollIntoView({ block: "center" }); }
    var sending = view.kind !== "blank" && view.kind !== "waiting" &&
      (view.remark_on !== null && view.remark_on !== undefined ||
       view.propose_in !== null && view.propose_in !== undefined);
    $("send").hidden = !sending;
    $("send-remark").hidden = view.remark_on === null || view.remark_on === undefined;
    $("send-activity").hidden = view.propose_in === null || view.propose_in === undefined;
    $("send-remark").textContent = t("sendRemark") + (view.remark_on || "");
    $("send-activity").textContent = t("sendActivity") + (view.propose_in || "");
    $("vote").hidden = !vote || (view && view.kind === "blank");
  }

  function send(kind) {
    var text = $("send-text").value.trim();
    if (!text || text.length > 400) { $("send-note").textContent = t("tooLong"); return; }
    $("send-remark").disabled = $("send-activity").disabled = true;
    post("/send", { kind: kind, text: text }).then(function (reply) {
      $("send-remark").disabled = $("send-activity").disabled = false;
      if (reply.ok) {
        $("send-text").value = "";
        $("send-note").textContent = t("sent");
      } else if (reply.error === "slow-down") {
        $("send-note").textContent = t("slowDown");
      } else if (reply.error === "bad-text") {
        $("send-note").textContent = t("tooLong");
      } else {
        $("send-note").textContent = t("notNow");
      }
    }, function () {
      $("send-remark").disabled = $("send-activity").disabled = false;
      $("send-note").textContent = t("failed");
    });
  }

  // --- voting ----------------------------------------------------------------------------

  function renderVote() {
    var section = $("vote");
    if (!vote) { section.hidden = true; return; }
    section.hidden = !!(view && view.kind === "blank");
    $("vote-heading").textContent = vote.heading || t("voteHeading");
    var items = $("vote-items");
    clear(items);
    var results = vote.results || null;
    var mine = vote.mine || [];
    $("vote-help").textContent = results ? t("results") : t("voteHelp").replace("%d", vote.dots);
    var group = null;
    vote.items.forEach(function (item) {
      if (item.group && item.group !== group) {
        group = item.group;
        items.appendChild(el("p", "group", t(group)));
      }
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.value = item.key;
      box.checked = mine.indexOf(item.key) >= 0;
      box.disabled = !!results;
      box.addEventListener("change", limitDots);
      label.appendChild(box);
      label.appendChild(el("span", "", item.text));
      if (results) {
        label.appendChild(el("span", "votes", t("votesOf").replace("%d", results[item.key] || 0)));
      }
      items.appendChild(label);
    });
    $("vote-button").hidden = !!results;
    $("vote-note").textContent = !results && vote.mine ? t("voted") : "";
    limitDots();
  }

  function chosen() {
    var boxes = $("vote-items").querySelectorAll("input[type=checkbox]");
    var keys = [];
    for (var i = 0; i < boxes.length; i += 1) { if (boxes[i].checked) { keys.push(boxes[i].value); } }
    return keys;
  }

  function limitDots() {
    if (!vote || vote.results) { return; }
    var full = chosen().length >= vote.dots;
    var boxes = $("vote-items").querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i += 1) { boxes[i].disabled = full && !boxes[i].checked; }
  }

  function castVote() {
    post("/vote", { keys: chosen() }).then(function (reply) {
      $("vote-note").textContent = reply.ok ? t("voted") : t("notNow");
    }, function () { $("vote-note").textContent = t("failed"); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
