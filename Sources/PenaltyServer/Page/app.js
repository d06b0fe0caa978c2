// The web page of penalty-server: a form for one case and a page for a file. Every number shown
// comes from the server as text; the page never computes a yen itself (no floating point).
"use strict";

const messages = {
  ja: {
    title: "違約金・遅延利息・延滞金の計算", switch: "English", tabCase: "一件の計算", tabFile: "ファイルの計算",
    caseHeading: "一件の計算", regime: "計算の種類", asOf: "見積日（納付日を入れないとき）", compute: "計算する",
    statement: "計算書", print: "印刷する（A4）", fileHeading: "ファイルの計算",
    fileInput: "CSV ファイル（id, regime, amount と各列）", encoding: "文字コード", explainColumn: "計算の内訳の列を付ける",
    upload: "計算する", download: "結果をダウンロード", rowErrors: "誤りのある行", line: "行", reason: "理由", remove: "削除",
    footer: "計算はこのサーバーの penalty ライブラリが正確な有理数で行います。", addRange: "期間を追加", addPayment: "支払を追加", addDecrease: "減額を追加",
    amount: "金額（円）", due: "期限日", paid: "納付日・完了日", excluded: "除く期間（検査日数など）", payments: "一部の支払", decreases: "減額（減額更正など、その日から）",
    reduced: "猶予等の期間（開始..終了:grace・half・exempt・割合 を ; で区切る）",
    amended_on: "修正申告書の提出日・更正通知書の発送日", fraud: "重加算税（あり・なし）", late_return_on: "期限後申告書の提出日（期限後申告の場合）",
    rate: "率（年%）", high_rate: "高い率（年%）", contract_date: "契約日", invoice_received: "請求書の受領日",
    unpaid_price: "未払の代金（円）", status: "結果", charge: "金額", countedDays: "計算日数", excludedDays: "除いた日数",
    quoteThrough: "この金額で納付できる最終日", rule: "根拠", window: "期間", basis: "日数計算", bases: "元本",
    segments: "区間", rateSources: "率の出典", tableRow: "率表の行", source: "出典", steps: "端数処理", minimum: "少額の扱い", notes: "注記", from: "から", to: "まで", days: "日数",
    principal: "元本", ratePercent: "年率(%)", yearFraction: "年の割合", exact: "正確な値", rounded: "丸め後",
    before: "前", after: "後", ok: "計算済み", waived: "免除（少額）", quote: "見積", reading: "読み込み中…",
    uploading: "送信中", computing: "計算中…", done: "完了", rows: "行", rejected: "誤り", dateHint: "2025-04-01 / R7.4.1 / 令和7年4月1日",
    amountHint: "1,000,000", date: "日付",
  },
  en: {
    title: "Late penalties, delay interest and arrears", switch: "日本語", tabCase: "One case", tabFile: "A file",
    caseHeading: "One case", regime: "Regime", asOf: "Quote for the day (when no payment day is given)", compute: "Compute",
    statement: "Statement of computation", print: "Print (A4)", fileHeading: "A file of cases",
    fileInput: "CSV file (id, regime, amount and the regime's columns)", encoding: "Encoding", explainColumn: "Add the breakdown column",
    upload: "Compute", download: "Download the results", rowErrors: "Rows in error", line: "Line", reason: "Reason", remove: "Remove",
    footer: "Computed exactly, in rationals, by the penalty library on this server.", addRange: "Add a range", addPayment: "Add a payment", addDecrease: "Add a decrease",
    amount: "Amount (yen)", due: "Due date", paid: "Paid or completed on", excluded: "Excluded ranges (inspection days …)", payments: "Partial payments", decreases: "Decreases of the principal (減額更正 …, from that day)",
    reduced: "Reduced periods (FROM..TO:grace, half, exempt or a rate, separated by ;)",
    amended_on: "Amended on (修正申告・更正)", fraud: "重加算税 (yes or no)", late_return_on: "Late return filed on (期限後申告), if any",
    rate: "Rate (% a year)", high_rate: "High rate (% a year)", contract_date: "Contract date", invoice_received: "Invoice received on",
    unpaid_price: "Unpaid price (yen)", status: "Status", charge: "Amount", countedDays: "Days counted", excludedDays: "Days excluded",
    quoteThrough: "The amount holds if paid by", rule: "Rule", window: "Window", basis: "Day count", bases: "Principal",
    segments: "Segments", rateSources: "Rate sources", tableRow: "Rate table row", source: "Source", steps: "Rounding", minimum: "Minimum rule", notes: "Notes", from: "From", to: "To", days: "Days",
    principal: "Principal", ratePercent: "Rate (%)", yearFraction: "Year fraction", exact: "Exact value", rounded: "Rounded",
    before: "Before", after: "After", ok: "computed", waived: "waived (under the minimum)", quote: "quote", reading: "Reading…",
    uploading: "Uploading", computing: "Computing…", done: "Done", rows: "rows", rejected: "in error", dateHint: "2025-04-01 / R7.4.1 / 令和7年4月1日",
    amountHint: "1,000,000", date: "Date",
  },
};

let language = "ja";
let regimes = [];
const t = (key) => messages[language][key] ?? key;
const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/// Whole yen written with thousands separators, from the decimal string the server sent.
function yen(digits) {
  const text = String(digits);
  if (!/^[0-9]+$/.test(text)) return text;
  return "¥" + text.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/// A fraction "p/q" (or a whole number) written as a decimal, exactly when it terminates within
/// six places (2.5 for 5/2), else to six places with "…" after "≈". BigInt digits only.
function decimal(text) {
  const match = /^(-?[0-9]+)(?:\/([0-9]+))?$/.exec(String(text));
  if (!match) return String(text);
  const numerator = BigInt(match[1]), denominator = BigInt(match[2] ?? "1");
  if (denominator === 0n) return String(text);
  const negative = numerator < 0n;
  const scaled = ((negative ? -numerator : numerator) * 1000000n);
  const exact = scaled % denominator === 0n;
  let digits = (scaled / denominator).toString().padStart(7, "0");
  let whole = digits.slice(0, -6), fraction = digits.slice(-6);
  if (exact) fraction = fraction.replace(/0+$/, "");
  const body = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction ? "." + fraction : "");
  return (exact ? "" : "≈ ") + (negative ? "-" : "") + body + (exact ? "" : "…");
}

function applyLanguage() {
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  $("language").setAttribute("aria-label", language === "ja" ? "Switch to English" : "日本語に切り替える");
  renderRegimeFields(false);
}

// ---- the case form ----

const dateFields = new Set(["due", "paid", "contract_date", "invoice_received", "as_of", "amended_on", "late_return_on"]);
const amountFields = new Set(["amount", "unpaid_price"]);

function renderRegimeOptions() {
  const select = $("regime");
  select.replaceChildren(...regimes.map((regime) => {
    const option = element("option", regime.name);
    option.value = regime.name;
    return option;
  }));
}

/// The inputs of the chosen regime only; values typed so far are kept when the language changes.
function renderRegimeFields(clear = true) {
  const regime = regimes.find((r) => r.name === $("regime").value);
  const container = $("regime-fields");
  const kept = {};
  if (!clear) for (const input of container.querySelectorAll("input[name]")) kept[input.name] = input.value;
  const keptRows = clear ? {} : Object.fromEntries([...rowFields].map((name) => [name, rowsOf(name)]));
  container.replaceChildren();
  if (!regime) return;
  $("regime-title").textContent = regime.title;
  for (const name of regime.fields) {
    if (rowFields.has(name)) {
      container.append(rowsField(name, keptRows[name] ?? []));
      continue;
    }
    const field = element("div", null, "field");
    const label = element("label", t(name));
    label.htmlFor = "f-" + name;
    const input = element("input");
    input.id = "f-" + name;
    input.name = name;
    input.type = "text";
    input.autocomplete = "off";
    input.setAttribute("aria-describedby", "f-" + name + "-error");
    if (dateFields.has(name)) input.placeholder = t("dateHint");
    if (amountFields.has(name)) { input.placeholder = t("amountHint"); input.inputMode = "numeric"; }
    input.value = kept[name] ?? "";
    const error = element("p", null, "error");
    error.id = "f-" + name + "-error";
    error.setAttribute("role", "alert");
    error.hidden = true;
    field.append(label, input, error);
    container.append(field);
  }
}

/// The fields typed as rows a clerk adds one by one: excluded ranges (from–to), partial payments
/// and decreases (date–amount).
const rowFields = new Set(["excluded", "payments", "decreases"]);
const addLabels = { excluded: "addRange", payments: "addPayment", decreases: "addDecrease" };

function rowsField(name, values) {
  const group = element("fieldset", null, "field rows");
  group.id = "f-" + name;
  group.append(element("legend", t(name)));
  const list = element("div", null, "row-list");
  group.append(list);
  const add = element("button", t(addLabels[name]), "quiet");
  add.type = "button";
  add.addEventListener("click", () => addRow(list, name, ["", ""]).querySelector("input").focus());
  const error = element("p", null, "error");
  error.id = "f-" + name + "-error";
  error.setAttribute("role", "alert");
  error.hidden = true;
  group.append(add, error);
  for (const value of values) addRow(list, name, value);
  return group;
}

function addRow(list, name, [first, second]) {
  const row = $("range-row").content.firstElementChild.cloneNode(true);
  const [a, b] = row.querySelectorAll("input");
  a.value = first;
  b.value = second;
  a.setAttribute("aria-label", name === "excluded" ? t("from") : t("date"));
  b.setAttribute("aria-label", name === "excluded" ? t("to") : t("amount"));
  if (name !== "excluded") { b.placeholder = t("amountHint"); b.inputMode = "numeric"; }
  const remove = row.querySelector(".remove");
  remove.textContent = t("remove");
  remove.addEventListener("click", () => row.remove());
  list.append(row);
  return row;
}

function rowsOf(name) {
  const group = $("f-" + name);
  if (!group) return [];
  return [...group.querySelectorAll(".row-pair")].map((row) => [...row.querySelectorAll("input")].map((i) => i.value.trim()));
}

/// The case as the server reads it: the same fields as a row of `penalty compute`.
function caseFields() {
  const fields = { regime: $("regime").value };
  for (const input of $("regime-fields").querySelectorAll("input[name]")) {
    if (input.value.trim() !== "") fields[input.name] = input.value.trim();
  }
  const excluded = rowsOf("excluded").filter(([a, b]) => a || b).map(([a, b]) => `${a}..${b || a}`);
  if (excluded.length) fields.excluded = excluded.join(";");
  for (const name of ["payments", "decreases"]) {
    const items = rowsOf(name).filter(([a, b]) => a || b).map(([a, b]) => `${a}:${b}`);
    if (items.length) fields[name] = items.join(";");
  }
  if ($("as_of").value.trim() !== "") fields.as_of = $("as_of").value.trim();
  return fields;
}

function clearErrors() {
  for (const node of document.querySelectorAll("#case-form .error")) { node.hidden = true; node.textContent = ""; }
  for (const node of document.querySelectorAll("#case-form [aria-invalid]")) node.removeAttribute("aria-invalid");
}

function showProblem(problem) {
  const target = problem.field ? $("f-" + problem.field + "-error") ?? (problem.field === "as_of" ? $("as_of-error") : null) : null;
  const message = target ?? $("case-error");
  message.textContent = problem.detail ?? problem.title;
  message.hidden = false;
  const input = problem.field ? ($("f-" + problem.field) ?? $(problem.field)) : null;
  if (input) {
    input.setAttribute("aria-invalid", "true");
    (input.querySelector?.("input") ?? input).focus?.();
  }
}

async function computeCase(event) {
  event.preventDefault();
  clearErrors();
  $("result").hidden = true;
  const response = await fetch("/v1/compute", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(caseFields()),
  });
  const text = await response.text();
  let body;
  try { body = JSON.parse(text, (key, value) => value); } catch { body = { detail: text }; }
  if (!response.ok) { showProblem(body); return; }
  renderResult(body);
}

function pair(list, term, value) {
  if (value === undefined || value === null || value === "") return;
  list.append(element("dt", term), element("dd", value));
}

function table(caption, headers, rows) {
  const node = element("table");
  node.append(element("caption", caption));
  const head = element("thead");
  const headRow = element("tr");
  for (const header of headers) { const cell = element("th", header); cell.scope = "col"; headRow.append(cell); }
  head.append(headRow);
  const body = element("tbody");
  for (const row of rows) {
    const tr = element("tr");
    for (const value of row) tr.append(element("td", value ?? ""));
    body.append(tr);
  }
  node.append(head, body);
  return node;
}

function renderResult(result) {
  const summary = $("result-summary");
  summary.replaceChildren();
  pair(summary, t("status"), t(result.status));
  pair(summary, t("charge"), yen(result.amount));
  pair(summary, t("countedDays"), result.counted_days);
  pair(summary, t("excludedDays"), result.excluded_days);
  pair(summary, t("quoteThrough"), result.quote_holds_through);
  const explanation = result.explanation ?? {};
  const container = $("result-explanation");
  container.replaceChildren();
  const facts = element("dl", null, "summary");
  if (explanation.rule) pair(facts, t("rule"), [explanation.rule.document, explanation.rule.clause, explanation.rule.title].filter(Boolean).join(" "));
  if (explanation.window) pair(facts, t("window"), `${explanation.window.from} – ${explanation.window.to} (${explanation.window.days})`);
  pair(facts, t("basis"), explanation.basis);
  if (explanation.inputs) for (const [key, value] of Object.entries(explanation.inputs)) pair(facts, key, value);
  container.append(facts);
  if (explanation.excluded?.length) {
    container.append(table(t("excluded"), [t("from"), t("to"), t("days")],
      explanation.excluded.map((e) => [e.from, e.to, e.days])));
  }
  if (explanation.bases?.length) {
    container.append(table(t("bases"), [t("from"), t("principal"), t("before"), t("after")],
      explanation.bases.map((b) => [b.from, yen(b.balance), b.rounding ? `${b.rounding} (${b.unit})` : "", b.note ?? yen(b.base)])));
  }
  if (explanation.segments?.length) {
    container.append(table(t("segments"), [t("from"), t("to"), t("days"), t("principal"), t("ratePercent"), t("yearFraction"), t("exact"), t("rounded")],
      explanation.segments.map((s) => [s.from, s.to, s.days, yen(s.principal), decimal(s.rate_percent) + "%" + (s.rate_note ? ` (${s.rate_note})` : ""),
        s.year_fraction, `${s.exact} (${decimal(s.exact)})`, s.rounded ? yen(s.rounded) : ""])));
  }
  if (explanation.rate_sources && Object.keys(explanation.rate_sources).length) {
    container.append(table(t("rateSources"), [t("tableRow"), t("source")], Object.entries(explanation.rate_sources)));
  }
  if (explanation.steps?.length) {
    container.append(table(t("steps"), ["", t("before"), t("after")],
      explanation.steps.map((s) => [[s.step ?? s.label, s.rounding, s.unit ? `(${s.unit})` : ""].filter(Boolean).join(" "),
        `${s.before ?? s.exact} (${decimal(s.before ?? s.exact)})`, s.after ? yen(s.after) : ""])));
  }
  if (explanation.minimum) {
    const m = explanation.minimum;
    container.append(table(t("minimum"), ["", t("before"), t("after")], [[m.decision ? `${m.rule}: ${m.decision}` : m.rule, yen(m.before), yen(m.after)]]));
  }
  if (explanation.notes?.length) {
    const list = element("ul", null, "notes");
    list.setAttribute("aria-label", t("notes"));
    for (const note of explanation.notes) list.append(element("li", note));
    container.append(element("h3", t("notes")), list);
  }
  $("result").hidden = false;
  $("result").scrollIntoView({ block: "start" });
}

// ---- the file page ----

/// A CSV line split at commas, quotes honoured (the server's output quotes a field that needs it).
function csvFields(line) {
  const fields = [];
  let field = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { fields.push(field); field = ""; } else field += c;
  }
  fields.push(field);
  return fields;
}

function computeFile(event) {
  event.preventDefault();
  const file = $("file").files[0];
  $("file-error").hidden = true;
  $("download").hidden = true;
  $("row-errors").hidden = true;
  if (!file) { $("file-error").textContent = t("fileInput"); $("file-error").hidden = false; return; }
  const jsonLines = /\.(jsonl|ndjson)$/i.test(file.name);
  const request = new XMLHttpRequest();
  request.open("POST", "/v1/batch" + ($("explain").checked ? "?explain=true" : ""));
  request.setRequestHeader("Content-Type", (jsonLines ? "application/jsonl" : "text/csv") + "; charset=" + $("encoding").value);
  request.responseType = "blob";
  const progress = $("progress");
  progress.hidden = false;
  progress.value = 0;
  request.upload.onprogress = (e) => {
    if (e.lengthComputable) { progress.value = Math.floor((e.loaded * 100) / e.total); $("file-status").textContent = `${t("uploading")} ${progress.value}%`; }
  };
  request.upload.onload = () => { $("file-status").textContent = t("computing"); progress.removeAttribute("value"); };
  // Results stream back as they are computed: show how much has come.
  request.onprogress = (e) => { if (e.loaded > 0) $("file-status").textContent = `${t("computing")} ${Math.floor(e.loaded / 1024).toLocaleString()} KB`; };
  request.onerror = () => { $("file-error").textContent = "network error"; $("file-error").hidden = false; };
  request.onload = async () => {
    progress.hidden = true;
    const text = await request.response.text();
    if (request.status !== 200) {
      let problem;
      try { problem = JSON.parse(text); } catch { problem = { detail: text }; }
      $("file-error").textContent = problem.detail ?? problem.title;
      $("file-error").hidden = false;
      $("file-status").textContent = "";
      return;
    }
    const link = $("download");
    link.href = URL.createObjectURL(request.response);
    link.download = file.name.replace(/\.[^.]*$/, "") + (jsonLines ? ".results.jsonl" : ".results.csv");
    link.hidden = false;
    const lines = text.split("\n").filter((l) => l !== "");
    const errors = [];
    let rows = 0;
    if (jsonLines) {
      for (const line of lines) { rows++; try { const r = JSON.parse(line); if (r.status === "error") errors.push([r.line, r.id, r.error]); } catch { /* not a row */ } }
    } else {
      const header = csvFields(lines[0] ?? "");
      const at = (name) => header.indexOf(name);
      for (const line of lines.slice(1)) {
        rows++;
        const fields = csvFields(line);
        if (fields[at("status")] === "error") errors.push([fields[at("line")], fields[at("id")], fields[at("error")]]);
      }
    }
    $("file-status").textContent = `${t("done")}: ${rows} ${t("rows")}, ${errors.length} ${t("rejected")}`;
    const body = $("row-errors").querySelector("tbody");
    body.replaceChildren(...errors.map((row) => { const tr = element("tr"); for (const v of row) tr.append(element("td", v)); return tr; }));
    $("row-errors").hidden = errors.length === 0;
  };
  request.send(file);
}

// ---- start ----

function showPage(name) {
  $("case-page").hidden = name !== "case";
  $("file-page").hidden = name !== "file";
  $("tab-case").setAttribute("aria-pressed", String(name === "case"));
  $("tab-file").setAttribute("aria-pressed", String(name === "file"));
}

document.addEventListener("DOMContentLoaded", async () => {
  $("language").addEventListener("click", () => { language = language === "ja" ? "en" : "ja"; applyLanguage(); });
  $("tab-case").addEventListener("click", () => showPage("case"));
  $("tab-file").addEventListener("click", () => showPage("file"));
  $("regime").addEventListener("change", () => renderRegimeFields(true));
  $("case-form").addEventListener("submit", computeCase);
  $("file-form").addEventListener("submit", computeFile);
  $("print").addEventListener("click", () => window.print());
  const response = await fetch("/v1/regimes");
  regimes = (await response.json()).regimes;
  renderRegimeOptions();
  renderRegimeFields(true);
  document.body.dataset.ready = "true";
});
