// Passerelle's page: streams the translation sentence by sentence, then asks for the digest.
// Plain browser JavaScript, no build step.
"use strict";

/** Sentences scoring below this mean log-probability are marked for a second look. */
const DOUBTFUL_SCORE = -1.0;

const $ = (id) => document.getElementById(id);
let markdown = "";

/** Where the API key is kept: for this tab's session only, never written to localStorage. */
const KEY_STORAGE = "passerelle.apiKey";

/** Headers of every /v1 call: the given ones, plus the API key when one is entered. */
function apiHeaders(headers = {}) {
  const key = $("api-key").value.trim();
  return key ? { ...headers, "Authorization": `Bearer ${key}` } : headers;
}

/** The answer, or an Error with a readable message; a 401 says what to do about the key. */
async function checked(response) {
  if (response.status === 401) {
    throw new Error($("api-key").value.trim()
      ? "The service did not accept this API key (401): check the API key field."
      : "The service needs an API key (401): enter it in the API key field.");
  }
  if (!response.ok) throw new Error(await problemMessage(response));
  return response;
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = false;
}

/** A readable message from a problem+json answer (or whatever came back). */
async function problemMessage(response) {
  try {
    const p = await response.json();
    return `${p.title || response.statusText}: ${p.detail || ""}`.trim();
  } catch (e) {
    return `The service answered ${response.status} ${response.statusText}.`;
  }
}

let englishHtml = "";

function request() {
  const format = $("format").value;
  // "article" is HTML reduced to its article (the reader view): text in, text out.
  const body = { text: $("source").value, beams: Number($("beams").value), format: format === "text" ? "text" : "html" };
  if (format === "article") body.extract = true;
  if ($("glossary").value) body.glossary_id = $("glossary").value;
  return body;
}

/**
 * A page for a sandboxed frame: no scripts run and nothing reaches this page's origin, whatever the
 * HTML holds. A fragment gets a document around it; a whole page is shown as it is.
 */
function framed(html) {
  // First in the frame, so it holds for all that follows: nothing is fetched from anywhere (no
  // tracking pixel sees the editor), nothing navigates the frame, styles written inline still apply.
  const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;
  if (/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype|html|head|body)\b/i.test(html)) return policy + html;
  return `${policy}<meta charset="utf-8"><style>body{font:16px/1.5 system-ui,sans-serif;margin:.6rem}</style>${html}`;
}

function addSentence(s, previousParagraph) {
  const row = document.createElement("tr");
  if (s.finish === "passthrough") {
    // Kept as written (English already): nothing for the editor to doubt.
    row.title = "kept as written: already English";
  } else if (s.score < DOUBTFUL_SCORE || s.finish !== "eos") {
    row.classList.add("doubtful");
    row.title = `score ${s.score.toFixed(2)}${s.finish !== "eos" ? ", stopped: " + s.finish : ""}`;
  }
  if (previousParagraph !== null && s.paragraph !== previousParagraph) {
    row.classList.add("paragraph-start");
  }
  const fr = document.createElement("td");
  fr.lang = "fr";
  fr.textContent = s.source;
  const en = document.createElement("td");
  en.lang = "en";
  en.textContent = s.translation;
  if (s.terms && s.terms.length) en.append(termList(s.terms));
  row.append(fr, en);
  $("sentences").tBodies[0].append(row);
}

/** The glossary terms of a sentence: each forced term, or why it could not be. */
function termList(terms) {
  const list = document.createElement("div");
  list.className = "terms";
  for (const t of terms) {
    const item = document.createElement("span");
    item.className = t.applied ? "term applied" : "term missed";
    item.textContent = `${t.source} → ${t.target}`;
    item.title = t.applied ? "glossary term applied" : `not applied: ${t.reason}`;
    list.append(item);
  }
  return list;
}

/** Reads a server-sent-event stream from a fetch response, calling onEvent(name, data) per event. */
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) onEvent(name, JSON.parse(data.join("\n")));
    }
  }
}

async function translate() {
  const body = request();
  const asHtml = body.format === "html" && !body.extract;
  const blocks = [];
  if (asHtml) {
    $("french-html").srcdoc = framed(body.text);
    $("english-html").srcdoc = framed("");
    $("html-panel").hidden = false;
  }
  const response = await checked(await fetch("/v1/translate", {
    method: "POST",
    headers: apiHeaders({ "Content-Type": "application/json", "Accept": "text/event-stream" }),
    body: JSON.stringify(body),
  }));
  $("output-panel").hidden = false;
  let count = 0;
  let paragraph = null;
  let failure = null;
  await readEvents(response, (name, data) => {
    if (name === "sentence") {
      addSentence(data, paragraph);
      paragraph = data.paragraph;
      count++;
      $("progress-text").textContent = `${count} sentences`;
    } else if (name === "block") {
      // Shown as they come, one after the other; the whole page replaces them when it is done.
      blocks.push(`<div>${data.html}</div>`);
      $("english-html").srcdoc = framed(blocks.join(""));
      $("blocks-text").textContent = `${blocks.length} blocks`;
    } else if (name === "done") {
      if (asHtml) {
        englishHtml = data.translation;
        $("english-html").srcdoc = framed(englishHtml);
        $("html-out").value = englishHtml;
      }
      $("progress").max = data.sentences;
      $("progress").value = data.sentences;
      $("progress-text").textContent = `${data.sentences} sentences, ${data.beams} beam(s), ${data.model}`;
    } else if (name === "error") {
      failure = `${data.title}: ${data.detail}`;
    }
  });
  if (failure) throw new Error(failure);
}

async function digest() {
  const body = request();
  body.language = "en";
  if ($("bullets").value) body.bullets = Number($("bullets").value);
  const response = await checked(await fetch("/v1/summarize", {
    method: "POST",
    headers: apiHeaders({ "Content-Type": "application/json", "Accept": "application/json" }),
    body: JSON.stringify(body),
  }));
  const d = await response.json();
  markdown = d.markdown;
  const list = $("digest");
  list.replaceChildren(...d.bullets.map((b, i) => {
    const li = document.createElement("li");
    li.textContent = b;
    li.title = d.sources[i].text;
    return li;
  }));
  $("digest-panel").hidden = false;
}

async function run() {
  $("error").hidden = true;
  $("digest-panel").hidden = true;
  $("output-panel").hidden = true;
  $("html-panel").hidden = true;
  $("html-out").value = "";
  $("blocks-text").textContent = "";
  englishHtml = "";
  $("sentences").tBodies[0].replaceChildren();
  $("progress").removeAttribute("value");
  $("progress-text").textContent = "";
  $("go").disabled = true;
  try {
    await translate();
    // The translation has filled the sentence cache, so the digest's sentences come back at once.
    await digest();
  } catch (e) {
    showError(e.message);
  } finally {
    $("go").disabled = false;
  }
}

async function copyText(text, shown) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    // Clipboard API refused (plain http, old browser): copy through a selection instead.
    const area = document.createElement("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  $(shown).hidden = false;
  setTimeout(() => { $(shown).hidden = true; }, 1500);
}

function dropFile(event) {
  event.preventDefault();
  $("source").classList.remove("dropping");
  const file = event.dataTransfer.files[0];
  if (!file) return;
  file.text().then((text) => {
    $("source").value = text;
    $("format").value = /\.html?$/i.test(file.name) ? htmlFormat(text) : "text";
  });
}

$("go").addEventListener("click", run);
$("copy").addEventListener("click", () => copyText(markdown, "copied"));
$("copy-html").addEventListener("click", () => copyText(englishHtml, "copied-html"));
$("source").addEventListener("dragover", (e) => { e.preventDefault(); $("source").classList.add("dropping"); });
$("source").addEventListener("dragleave", () => $("source").classList.remove("dropping"));
$("source").addEventListener("drop", dropFile);
/** A whole page is read for its article; a fragment (a CMS body) is translated as HTML. */
function htmlFormat(text) {
  return /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype|html|head|body)\b/i.test(text) ? "article" : "html";
}

$("source").addEventListener("input", () => {
  // Chosen once, when HTML arrives in a text box set to text: a format the editor picked stays.
  if ($("format").value === "text" && /^\s*</.test($("source").value)) $("format").value = htmlFormat($("source").value);
});
/** The server's glossaries in the picker, keeping the one chosen if it is still there. */
function showGlossaries() {
  fetch("/v1/glossaries", { headers: apiHeaders() }).then(checked).then((r) => r.json()).then((g) => {
    const chosen = $("glossary").value;
    const none = document.createElement("option");
    none.value = "";
    none.textContent = "none";
    $("glossary").replaceChildren(none, ...g.glossaries.filter((x) => x.entries > 0).map((x) => {
      const o = document.createElement("option");
      o.value = x.name;
      o.textContent = `${x.name} (${x.entries} terms)`;
      if (x.error) o.title = x.error;
      return o;
    }));
    $("glossary").value = [...$("glossary").options].some((o) => o.value === chosen) ? chosen : "";
  }).catch(() => {});
}

function showModel() {
  fetch("/v1/models", { headers: apiHeaders() }).then(checked).then((r) => r.json()).then((m) => {
    const model = m.models[0];
    $("model").textContent = model.status === "ready" ? `model ${model.id}` : `model ${model.status}: ${model.message}`;
  }).catch((e) => {
    $("model").textContent = /\(401\)/.test(e.message) ? "model status: needs an API key" : "model status unknown";
  });
}

$("api-key").value = sessionStorage.getItem(KEY_STORAGE) || "";
$("api-key").addEventListener("change", () => {
  const key = $("api-key").value.trim();
  if (key) sessionStorage.setItem(KEY_STORAGE, key); else sessionStorage.removeItem(KEY_STORAGE);
  $("error").hidden = true;
  showModel();
  showGlossaries();
});
showModel();
showGlossaries();
