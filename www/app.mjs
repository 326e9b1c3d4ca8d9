// The customer form. This file implements no rule: every verdict, message and
// normalised value comes from the customer-schema package. The page only
//   - reads the form into the record's shape with the package's fromFormData
//     (an empty input is "not given", tags are a list, address.city nests,
//     custom_fields is JSON text),
//   - calls safeParse, and
//   - puts each issue next to the control its path names.
// It imports the package exactly as a user gets it (the published files,
// served under /vendor/customer-schema/).
//
// The page's own text (labels, hints, status lines…) comes from
// www/i18n/<language>.json (English: en.json, also written into index.html so
// the page reads right before this runs); the package's messages are the
// package's. See "Languages" below.

const PACKAGE_URL = "/vendor/customer-schema/index.mjs";
const DEBOUNCE_MS = 250;

// The page's elements by id (index.html's): typed `any`, each is used as the
// element it is there (input, select, form, output…).
/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);
const status = $("status");
const form = $("customer-form");
const optionsForm = $("options");

// ---- Languages -------------------------------------------------------------
// The language select offers these; www/i18n/<tag>.json holds the page's text
// in each (a flat object: key → text, or → { one, other, … } for a count,
// chosen with Intl.PluralRules; `{name}` is a placeholder). A key missing
// there (or the whole file) falls back to English.
const LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ar"];
const RIGHT_TO_LEFT = new Set(["ar"]);
const LOCALE_STORAGE_KEY = "customer-schema-form:locale";

/** @typedef {Record<string, string | Record<string, string>>} Strings */
/** @type {Strings} */
let english = {};
/** @type {Strings} */
let strings = {};
// The one place the chosen language is kept: read it with currentLocale().
let locale = "en";
/** Functions that re-render the page's dynamic text after the strings change. */
/** @type {(() => void)[]} */
const onStringsApplied = [];

/**
 * The language the user chose for the page (one of LANGUAGES), which the
 * package's messages follow too: `locale` in every safeParse's options, its
 * catalogue loaded by localeChanged().
 */
function currentLocale() {
  return locale;
}

/** @param {string} tag  www/i18n/<tag>.json, or {} when it cannot be had */
async function loadStrings(tag) {
  try {
    const response = await fetch(`/i18n/${tag}.json`);
    if (!response.ok) return {};
    const data = await response.json();
    return data && typeof data === "object" && !Array.isArray(data) ? /** @type {Strings} */ (data) : {};
  } catch {
    return {};
  }
}

/**
 * @param {string} text
 * @param {Record<string, unknown>} params
 */
const fillIn = (text, params) => text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));

/**
 * The page's text for `key` in the chosen language (else English, else the key).
 * @param {string} key
 * @param {Record<string, unknown>} [params]
 */
function t(key, params = {}) {
  let text = strings[key] ?? english[key] ?? key;
  if (typeof text === "object") text = text.other ?? "";
  return fillIn(text, params);
}

/**
 * A text with a count `n` (`{n}` in it): the plural form Intl.PluralRules
 * picks for the chosen language.
 * @param {string} key
 * @param {number} n
 * @param {Record<string, unknown>} [params]
 */
function tn(key, n, params = {}) {
  const forms = strings[key] ?? english[key] ?? key;
  const all = { ...params, n: new Intl.NumberFormat(currentLocale()).format(n) };
  if (typeof forms === "string") return fillIn(forms, all);
  const category = new Intl.PluralRules(currentLocale()).select(n);
  return fillIn(forms[category] ?? forms.other ?? "", all);
}

/**
 * The one function that puts the strings on the page: every element with
 * data-i18n="key" gets its text, data-i18n-aria-label="key" its aria-label;
 * <html lang dir> follow the language; then the dynamic parts re-render.
 */
function applyStrings() {
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(/** @type {string} */ (el.getAttribute("data-i18n")));
  for (const el of document.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t(/** @type {string} */ (el.getAttribute("data-i18n-aria-label"))));
  document.documentElement.lang = locale;
  document.documentElement.dir = RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
  $("language").value = locale;
  for (const rerender of onStringsApplied) rerender();
}

/** The package's messages (and country and language names) in the chosen language: its catalogue, loaded on demand. */
async function localeChanged() {
  if (pkg) await pkg.loadLocale(currentLocale());
}

let localeRequest = 0;
/**
 * Switches the page to `tag`: loads its strings, applies them, remembers the choice.
 * @param {string} tag
 * @param {{ remember?: boolean }} [options]
 */
async function setLocale(tag, { remember = true } = {}) {
  const request = ++localeRequest;
  const loaded = tag === "en" ? english : await loadStrings(tag);
  if (request !== localeRequest) return; // a later choice won
  locale = tag;
  strings = loaded;
  if (remember) {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, tag);
    } catch {
      // Storage refused (private mode, a policy): the choice lasts this visit.
    }
  }
  await localeChanged();
  applyStrings();
}

/** The stored choice, else the browser's first language the page has, else English. */
function initialLocale() {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (stored && LANGUAGES.includes(stored)) return stored;
  } catch {
    // No storage: go by the browser.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = String(tag).split(/[-_]/)[0].toLowerCase();
    if (LANGUAGES.includes(primary)) return primary;
  }
  return "en";
}

$("language").addEventListener("change", (/** @type {Event & { target: HTMLSelectElement }} */ event) => setLocale(event.target.value));

// ---- the status line --------------------------------------------------------
/** @type {{ kind: string, key: string, params: Record<string, unknown> }} */
let lastStatus = { kind: "loading", key: "status.loading", params: {} };
/**
 * @param {string} kind
 * @param {string} key
 * @param {Record<string, unknown>} [params]
 */
function setStatus(kind, key, params = {}) {
  lastStatus = { kind, key, params };
  status.className = `status ${kind}`;
  status.textContent = t(key, params);
  document.documentElement.dataset.state = kind;
}
onStringsApplied.push(() => {
  status.textContent = t(lastStatus.key, lastStatus.params);
});

// Nothing fails silently: an error anywhere on the page is shown.
window.addEventListener("error", (event) => setStatus("failed", "status.pageError", { message: event.message }));
window.addEventListener("unhandledrejection", (event) =>
  setStatus("failed", "status.pageError", { message: event.reason?.message ?? event.reason }),
);

// ---- what the user touches, from the start ------------------------------------
// The form can be filled in while the package loads: what is typed (or left)
// then is "touched" and is checked as soon as the package is ready.
const touched = new Set();
/** @param {HTMLInputElement} el  the message area a control's value belongs to */
const areaOfControl = (el) => (el.id === "f-tags" || el.name === "tags" ? "tags" : el.name || null);
for (const type of ["input", "change", "focusout"]) {
  form.addEventListener(type, (/** @type {Event & { target: HTMLInputElement }} */ event) => {
    if (event.target.form !== form || event.target.type === "button") return;
    const area = areaOfControl(event.target);
    if (area) touched.add(area);
  });
}

// ---- the preview's place -----------------------------------------------------
// On a wide screen the preview is a side panel; on a narrow one it sits in a
// <details> just above the submit button, within reach while typing.
const narrow = window.matchMedia("(max-width: 52rem)");
const placePreview = () => $(narrow.matches ? "preview-slot-narrow" : "preview-slot-wide").append($("preview-box"));
narrow.addEventListener("change", placePreview);
placePreview();

// ---- loading ------------------------------------------------------------------
const slow = setTimeout(() => {
  if (document.documentElement.dataset.state === "loading") setStatus("loading", "status.slow");
}, 8000);

/** @type {typeof import("../pkg/index.js") | undefined} */
let pkg;
/** @type {any} */
let loadError;
const packageLoaded = (async () => {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    throw new Error("this browser does not support WebAssembly");
  }
  return import(PACKAGE_URL);
})().then(
  (module) => (pkg = module),
  (error) => (loadError = error),
);
const englishLoaded = loadStrings("en").then((loaded) => (english = loaded));
const first = initialLocale();
await englishLoaded;
await setLocale(first, { remember: false });
await packageLoaded;
clearTimeout(slow);
if (pkg) {
  await localeChanged();
  start(pkg);
} else {
  const reason = loadError && loadError.message ? loadError.message : String(loadError);
  setStatus("failed", "status.failed", { reason });
  status.setAttribute("role", "alert");
}

/**
 * An issue as the page shows it: the package's, or the page's own (JSON syntax).
 * @typedef {{ code: string, path: (string | number)[], message: string }} Issue
 */

/** @param {typeof import("../pkg/index.js")} pkg  the package, as loaded from PACKAGE_URL */
function start(pkg) {
  const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema } = pkg;
  const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };
  let submitted = false;
  // The error summary is shown from a submit that found errors to the next
  // submit that finds none (kept current meanwhile).
  let summaryShown = false;

  // ---- suggestions, from the package's own tables ----------------------
  /**
   * @param {string} value
   * @param {string} [label]
   */
  const option = (value, label) => {
    const o = document.createElement("option");
    o.value = value;
    if (label !== undefined) o.textContent = label;
    return o;
  };
  $("time-zones").append(...pkg.timeZones().map((tz) => option(tz)));
  // Country and language names in the page's language (the package's, from CLDR).
  const showNames = () => {
    const locale = currentLocale();
    $("languages").replaceChildren(...pkg.languages(locale).map((l) => option(l.code, l.name)));
    $("countries").replaceChildren(...pkg.countries(locale).map((c) => option(c.alpha2, `${c.name} (${c.alpha3})`)));
    const byName = [...pkg.countries(locale)].sort((a, b) => a.name.localeCompare(b.name, locale));
    for (const select of [$("default-region"), $("json-region")]) {
      const chosen = select.value;
      select.replaceChildren(select.options[0], ...byName.map((c) => option(c.alpha2, `${c.name} (${c.alpha2})`)));
      select.value = chosen;
    }
  };
  showNames();
  onStringsApplied.push(showNames);
  $("contact-methods").append(...pkg.enumValues().preferred_contact_method.map((v) => option(v)));
  $("call-times").append(...pkg.enumValues().best_time_to_call.map((v) => option(v)));

  // The address country's subdivisions, suggested for its state, and one of
  // its example postal codes as the placeholder: the package's tables (which
  // country a text names is the package's to say, not the page's).
  const countryInput = /** @type {HTMLInputElement} */ ($("f-address.country"));
  const postalInput = /** @type {HTMLInputElement} */ ($("f-address.postalCode"));
  /** @type {string | null} */
  let shownCountry = null;
  const showCountry = () => {
    const country = countryInput.value;
    if (country === shownCountry) return;
    shownCountry = country;
    $("subdivisions").replaceChildren(...pkg.subdivisions(country).map((s) => option(s.key, s.latinName ?? s.name)));
    postalInput.placeholder = pkg.postalCodeFormat(country)?.examples[0] ?? "";
  };
  countryInput.addEventListener("input", showCountry);
  showCountry();

  // ---- the region national numbers are read in ----------------------------
  // Chosen in the select; else the address country (the package's own
  // fallback); else the browser's region: the first of navigator.languages
  // that names one (`en-US` → US; `de` → DE, its likely region), when the
  // package takes it as a region.
  const regions = new Map(pkg.countries().map((c) => [c.alpha2, c.name]));
  /** @type {string | null} */
  let browserRegion = null;
  for (const tag of navigator.languages ?? [navigator.language]) {
    try {
      const tagLocale = new Intl.Locale(tag);
      const region = tagLocale.region ?? tagLocale.maximize().region;
      if (region && regions.has(region)) {
        browserRegion = region;
        break;
      }
    } catch {
      // Not a language tag Intl reads: try the next.
    }
  }
  /** @param {string} region  its name in the page's language */
  const regionName = (region) => {
    try {
      return new Intl.DisplayNames([currentLocale()], { type: "region" }).of(region) ?? regions.get(region) ?? region;
    } catch {
      return regions.get(region) ?? region;
    }
  };
  const regionSelect = $("default-region");
  // The select's first option says what "no choice" means now.
  const showRegionDefault = () => {
    const first = regionSelect.options[0];
    if (browserRegion && countryInput.value === "") {
      first.removeAttribute("data-i18n");
      first.textContent = t("region.browser", { region: regionName(browserRegion) });
    } else {
      first.setAttribute("data-i18n", "region.addressCountry");
      first.textContent = t("region.addressCountry");
    }
  };
  countryInput.addEventListener("input", showRegionDefault);
  onStringsApplied.push(showRegionDefault);
  showRegionDefault();

  // ---- the phone input, formatted as it is typed ------------------------
  // The package's as-you-type formatter (libphonenumber's) in the region
  // national numbers are read in (above), else none (then only numbers typed
  // with + are formatted). Display only: the record still gets E.164 from
  // safeParse. Formatted when text is typed or pasted; a deletion is left as
  // the user made it (formatting again could put back the bracket just deleted).
  const phoneInput = /** @type {HTMLInputElement} */ ($("f-phone_number"));
  const phoneFormatter = () => {
    try {
      return pkg.phoneAsYouType(regionSelect.value || countryInput.value || browserRegion);
    } catch (error) {
      if (error instanceof TypeError) return pkg.phoneAsYouType();
      throw error;
    }
  };
  /** @param {string} text  how many digits (or +) a text has */
  const typedCount = (text) => text.replace(/[^0-9+]/g, "").length;
  const formatPhoneInput = () => {
    const text = phoneInput.value;
    const formatted = phoneFormatter().format(text);
    if (formatted === text) return;
    // The caret stays after the same digit.
    const caret = phoneInput.selectionStart ?? text.length;
    const before = typedCount(text.slice(0, caret));
    let at = 0;
    for (let seen = 0; at < formatted.length && seen < before; at++) {
      if (/[0-9+]/.test(formatted[at])) seen++;
    }
    phoneInput.value = formatted;
    if (caret >= text.length) at = formatted.length;
    phoneInput.setSelectionRange(at, at);
  };
  phoneInput.addEventListener("input", (/** @type {InputEvent} */ event) => {
    if (!event.inputType || event.inputType.startsWith("insert")) formatPhoneInput();
  });
  regionSelect.addEventListener("change", formatPhoneInput);
  countryInput.addEventListener("change", formatPhoneInput);

  // ---- Update: fields that can be set to null ---------------------------
  // Which fields an update may set to null is the package's to say: asked
  // once, with a record that has nothing else to object to. Each gets a
  // "Clear this field" checkbox (shown in Update mode) that disables its
  // input and puts null in the record.
  /** @type {Map<string, HTMLInputElement>} */
  const clearBoxes = new Map();
  for (const control of form.querySelectorAll("input[name], select[name], textarea[name]")) {
    const name = control.name;
    if (name === "id" || name.includes(".") || control.id !== `f-${name}`) continue;
    const probe = UpdateCustomerSchema.safeParse({ id: "x", [name]: null });
    if (!probe.success && probe.error.issues.some((i) => i.path[0] === name)) continue;
    const label = /** @type {HTMLLabelElement} */ (form.querySelector(`label[for="f-${name}"]`));
    label.id ||= `label-${name}`;
    const wrap = document.createElement("div");
    wrap.className = "clear-field";
    wrap.hidden = true;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `clear-${name}`;
    box.setAttribute("form", "options"); // not a record field
    box.setAttribute("aria-describedby", label.id);
    const boxLabel = document.createElement("label");
    boxLabel.htmlFor = box.id;
    boxLabel.dataset.i18n = "clear.label";
    boxLabel.textContent = t("clear.label");
    wrap.append(box, boxLabel);
    control.after(wrap);
    box.addEventListener("change", () => {
      control.disabled = box.checked;
      touched.add(name);
      outcomeOutOfDate();
      validateNow();
    });
    clearBoxes.set(name, box);
  }

  // ---- the form → the record -------------------------------------------
  const mode = () => /** @type {keyof typeof schemas} */ (new FormData(optionsForm).get("mode") ?? "create");
  /**
   * The options safeParse is called with: the region national numbers are
   * read in, and the page's language for the messages.
   * @param {Record<string, unknown>} record
   */
  const parseOptions = (record) => {
    const locale = currentLocale();
    const chosen = regionSelect.value;
    if (chosen) return { defaultRegion: chosen, locale };
    const address = /** @type {Record<string, unknown> | undefined} */ (record.address);
    if (browserRegion && (typeof address !== "object" || address === null || address.country === undefined)) {
      return { defaultRegion: browserRegion, locale };
    }
    return { locale };
  };
  /**
   * safeParse; a region the package turns down (a TypeError) is dropped
   * rather than breaking the form.
   * @param {import("../pkg/index.js").Schema<any, any>} schema
   * @param {unknown} record
   * @param {{ defaultRegion?: string, locale?: string } | undefined} options
   */
  const safeParse = (schema, record, options) => {
    try {
      return schema.safeParse(record, options);
    } catch (error) {
      if (!(error instanceof TypeError) || !options?.defaultRegion) throw error;
      if (options.defaultRegion === browserRegion) {
        browserRegion = null;
        showRegionDefault();
      }
      const { defaultRegion: _dropped, ...rest } = options;
      return schema.safeParse(record, rest);
    }
  };

  /** FormData → record (by the package's fromFormData). Returns the record and the page's own messages (JSON syntax). */
  function readRecord() {
    /** @type {Record<string, any>} */
    const record = pkg.fromFormData(new FormData(form), schemas[mode()]);
    if (mode() === "update") {
      for (const [name, box] of clearBoxes) if (box.checked) record[name] = null;
    }
    /** @type {Issue[]} */
    const pageIssues = [];
    if (typeof record.custom_fields === "string") {
      // The JSON editor's text is not JSON: say where, rather than "expected object".
      try {
        JSON.parse(record.custom_fields);
      } catch (error) {
        pageIssues.push({ code: "custom", path: ["custom_fields"], message: t("issue.notJson", { error: /** @type {Error} */ (error).message }) });
        delete record.custom_fields;
      }
    }
    return { record, pageIssues };
  }

  function check() {
    const { record, pageIssues } = readRecord();
    const schema = schemas[mode()];
    const options = parseOptions(record);
    const result = safeParse(schema, record, options);
    const errors = [...pageIssues, ...(result.success ? [] : result.error.issues)];
    return { record, pageIssues, schema, options, result, errors, warnings: result.warnings };
  }

  // ---- issues → controls -------------------------------------------------
  // The message area an issue belongs to: "phone_number", "address.city",
  // "address" (the whole address), "tags"; "form" when no control matches.
  /** @param {unknown} path */
  function areaOf(path) {
    if (!Array.isArray(path) || path.length === 0) return "form";
    const [head, sub] = path;
    if (head === "address") {
      return typeof sub === "string" && $(`msg-address.${sub}`) ? `address.${sub}` : "address";
    }
    return typeof head === "string" && $(`msg-${head}`) ? head : "form";
  }
  /** @param {string} area */
  const controlOf = (area) => (area === "address" ? $("f-address.street") : $(`f-${area}`));
  // Only what the user has touched shows its messages, until a submit shows all.
  /** @param {string} area */
  const isTouched = (area) =>
    submitted ||
    touched.has(area) ||
    (area === "form" && touched.size > 0) ||
    (area === "address" && [...touched].some((a) => a.startsWith("address.")));
  /** @param {Issue} issue */
  const isShown = (issue) => isTouched(areaOf(issue.path));

  const chips = () => [...$("tag-list").children];

  /**
   * The field an issue is about, as the form labels it ("Tag 3" for a tag).
   * @param {Issue} issue
   * @param {string} area
   */
  function fieldLabel(issue, area) {
    if (area === "tags" && typeof issue.path[1] === "number") return t("tags.item", { n: issue.path[1] + 1 });
    if (area === "form") return issue.path?.length ? issue.path.join(".") : null;
    return t(`field.${area}`);
  }

  /**
   * An issue's text next to its field.
   * @param {Issue} issue
   * @param {string} area
   */
  function describe(issue, area) {
    // Tag issues name the tag (["tags", 2] → "Tag 3").
    if ((area === "tags" && typeof issue.path[1] === "number") || (area === "form" && issue.path?.length)) {
      return t("issue.labelled", { label: fieldLabel(issue, area), message: issue.message });
    }
    return issue.message;
  }

  /**
   * @param {string} area
   * @param {Issue[]} errors
   * @param {Issue[]} warnings
   */
  function renderField(area, errors, warnings) {
    const box = $(`msg-${area}`);
    box.replaceChildren(
      ...errors.map((issue) => message("error", describe(issue, area))),
      ...warnings.map((issue) => message("warning", describe(issue, area))),
    );
    const control = area === "address" || area === "form" ? null : controlOf(area);
    if (control) {
      if (errors.length) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
    if (area === "tags") {
      const bad = new Set(errors.map((i) => i.path[1]).filter((n) => typeof n === "number"));
      chips().forEach((chip, n) => {
        chip.classList.toggle("invalid", bad.has(n));
        // Not by colour alone: a bad chip's button is described by the tags' messages.
        const button = chip.querySelector("button");
        if (bad.has(n)) button.setAttribute("aria-describedby", "msg-tags");
        else button.removeAttribute("aria-describedby");
      });
      // Errors about the list itself, or about the tag still in the entry.
      const entryBad = errors.some((i) => typeof i.path[1] !== "number" || i.path[1] >= chips().length);
      if (entryBad) $("f-tags").setAttribute("aria-invalid", "true");
      else $("f-tags").removeAttribute("aria-invalid");
    }
  }

  /**
   * @param {string} kind
   * @param {string} text
   */
  function message(kind, text) {
    const p = document.createElement("p");
    p.className = kind;
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.dataset.i18n = kind === "error" ? "badge.error" : "badge.warning";
    badge.textContent = t(badge.dataset.i18n);
    p.append(badge, " ", text);
    return p;
  }

  /** @param {ReturnType<typeof check>} state */
  function renderIssues(state) {
    /** @param {Issue[]} issues */
    const group = (issues) => {
      /** @type {Map<string, Issue[]>} */
      const map = new Map();
      for (const issue of issues) {
        const area = areaOf(issue.path);
        if (!map.has(area)) map.set(area, []);
        /** @type {Issue[]} */ (map.get(area)).push(issue);
      }
      return map;
    };
    const errors = group(state.errors);
    const warnings = group(state.warnings);
    for (const box of form.querySelectorAll(".msg")) {
      const area = box.id.slice("msg-".length);
      const show = isTouched(area);
      renderField(area, show ? errors.get(area) ?? [] : [], show ? warnings.get(area) ?? [] : []);
    }
  }

  // ---- the error summary (GOV.UK's pattern) --------------------------------
  // After a submit that found errors: "There is a problem" and a link per
  // error, "<the field's label>: <the message>", that moves focus to its
  // control. Kept in step with the form until a submit finds no error.
  /** @param {ReturnType<typeof check>} state */
  function renderSummary(state) {
    const summary = $("error-summary");
    if (!summaryShown || state.errors.length === 0) {
      summary.hidden = true;
      $("error-summary-list").replaceChildren();
      return;
    }
    summary.hidden = false;
    $("error-summary-list").replaceChildren(...inFormOrder(state.errors).map((issue) => issueLink(issue)));
  }

  // ---- the live preview -------------------------------------------------
  // What a server would store. While some fields are invalid, the module is
  // asked again without them, so the valid fields still show their
  // normalised values; the fields left out are named. A field valid in the
  // whole record can fail without another (a national phone number read in
  // the address's country): it is left out too, and said to wait for it.
  // A left-out field's default (which the schema fills in for a missing
  // one) is not shown: the user gave a value, just not a valid one yet.
  // The status line counts only the issues the form shows.
  /**
   * @param {{ error: { issues: Issue[] } }} result
   * @param {Record<string, unknown>} input
   */
  const leftOutKeys = (result, input) =>
    new Set(result.error.issues.map((i) => i.path[0]).filter((k) => typeof k === "string" && k in input));
  /** @param {ReturnType<typeof check>} state */
  function renderPreview(state) {
    let input = state.record;
    let result = state.result;
    const invalid = state.result.success ? new Set() : leftOutKeys(state.result, input);
    /** @type {(string | number)[]} */
    const left = [];
    for (let round = 0; round < 4 && !result.success; round++) {
      const keys = leftOutKeys(result, input);
      if (keys.size === 0) break;
      input = { ...input };
      for (const key of keys) {
        delete input[key];
        left.push(key);
      }
      result = safeParse(state.schema, input, state.options);
    }
    const statusLine = $("preview-status");
    const preview = $("preview");
    const shownErrors = state.errors.filter(isShown);
    const shownWarnings = state.warnings.filter(isShown);
    const filledIn = Object.keys(state.record).length > 0 || state.pageIssues.length > 0;
    if (!filledIn && !submitted) {
      statusLine.className = "preview-status empty";
      statusLine.textContent = t("preview.empty");
    } else if (state.errors.length === 0) {
      statusLine.className = "preview-status valid";
      statusLine.textContent = t("preview.valid") + (shownWarnings.length ? ` ${tn("preview.warnings", shownWarnings.length)}` : "");
    } else if (shownErrors.length === 0) {
      statusLine.className = "preview-status so-far";
      statusLine.textContent = t("preview.soFar");
    } else {
      statusLine.className = "preview-status invalid";
      statusLine.textContent = tn("preview.issues", shownErrors.length);
    }
    if (state.errors.length) {
      const note = document.createElement("span");
      note.className = "left-out";
      const leftOut = [...new Set(left)].filter((key) => invalid.has(key));
      const waiting = [...new Set(left)].filter((key) => !invalid.has(key));
      if (state.pageIssues.length && !leftOut.includes("custom_fields")) leftOut.push("custom_fields");
      const parts = [];
      if (leftOut.length) parts.push(t("preview.leftOut", { fields: leftOut.join(", ") }));
      if (waiting.length) parts.push(t("preview.waiting", { fields: waiting.join(", ") }));
      if (parts.length) {
        note.textContent = parts.join(" ");
        statusLine.append(" ", note);
      }
    }
    if (result.success) {
      const data = /** @type {Record<string, unknown>} */ ({ ...result.data });
      for (const key of left) delete data[key];
      preview.textContent = JSON.stringify(data, null, 2);
      preview.dataset.state = state.errors.length === 0 ? "valid" : "partial";
    } else {
      const issues = result.error.issues.filter(isShown).map((i) => `${i.path.join(".") || "record"}: ${i.message}`);
      preview.textContent = issues.length ? t("preview.nothing", { issues: issues.join("; ") }) : "";
      preview.dataset.state = "none";
    }
  }

  // ---- validation triggers ----------------------------------------------
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  function validateNow() {
    clearTimeout(timer);
    const state = check();
    renderIssues(state);
    renderSummary(state);
    renderPreview(state);
    return state;
  }
  // A message appearing on blur moves what is below it. If the blur comes
  // from a pointer press (say, on the submit button), re-render only after
  // the press is over, so the click lands where the user aimed.
  let pointerDown = false;
  let deferred = false;
  const validateUnlessPressing = () => {
    if (!pointerDown) return validateNow();
    deferred = true;
    // In case the release never reaches the page (a native popup, a drag
    // out of the window): do not wait for ever.
    setTimeout(() => {
      if (deferred) {
        deferred = false;
        pointerDown = false;
        validateNow();
      }
    }, 1500);
  };
  document.addEventListener("pointerdown", () => (pointerDown = true), true);
  for (const type of ["pointerup", "pointercancel"]) {
    document.addEventListener(
      type,
      () => {
        pointerDown = false;
        if (deferred) {
          deferred = false;
          setTimeout(validateNow, 0); // after the click event
        }
      },
      true,
    );
  }
  const validateSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(validateUnlessPressing, DEBOUNCE_MS);
  };

  // The outcome of a submit describes the form as it was: hidden at the
  // next edit (the live messages, summary and preview stay current).
  function outcomeOutOfDate() {
    $("outcome").hidden = true;
  }
  // Events from the option controls (form="options") bubble here too: skip
  // them. (What is touched is recorded from the start, above.)
  form.addEventListener("input", (/** @type {Event & { target: HTMLInputElement }} */ event) => {
    if (event.target.form !== form) return;
    outcomeOutOfDate();
    validateSoon();
  });
  form.addEventListener("change", (/** @type {Event & { target: HTMLInputElement }} */ event) => {
    if (event.target.form !== form) return;
    outcomeOutOfDate();
    // A text control's change comes with its blur: see validateUnlessPressing.
    if (event.target.tagName === "SELECT") validateNow();
    else validateUnlessPressing();
  });
  form.addEventListener("focusout", (/** @type {Event & { target: HTMLInputElement }} */ event) => {
    const area = areaOfControl(event.target);
    if (area && event.target.form === form && event.target.type !== "button") validateUnlessPressing();
  });
  regionSelect.addEventListener("change", () => {
    outcomeOutOfDate();
    validateNow();
  });

  // The Create / Update switch.
  const showMode = () => {
    const update = mode() === "update";
    const idField = form.querySelector('[data-field="id"]');
    idField.hidden = !update;
    $("f-id").disabled = !update;
    const title = $("form-title");
    title.dataset.i18n = update ? "form.title.update" : "form.title.create";
    title.textContent = t(title.dataset.i18n);
    for (const [name, box] of clearBoxes) {
      /** @type {HTMLElement} */ (box.parentElement).hidden = !update;
      if (!update && box.checked) {
        box.checked = false;
        $(`f-${name}`).disabled = false;
      }
    }
  };
  for (const radio of optionsForm.elements.namedItem("mode")) {
    radio.addEventListener("change", () => {
      showMode();
      outcomeOutOfDate();
      submitted = false;
      summaryShown = false;
      validateNow();
    });
  }

  // ---- tags: an input that makes a list ---------------------------------
  // A blank text is not a tag, and a text already there (the same once its
  // ends are trimmed) is not added twice: tidiness for the chips only, the
  // record's tags are still the package's to check and normalise.
  /** @param {string} text */
  function addTag(text) {
    const li = document.createElement("li");
    li.className = "chip";
    const label = document.createElement("span");
    label.className = "chip-text";
    label.textContent = text;
    const hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = "tags";
    hidden.value = text;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "chip-remove";
    remove.textContent = "×";
    const removeLabel = () => remove.setAttribute("aria-label", t("tags.remove", { tag: text }));
    removeLabel();
    onStringsApplied.push(removeLabel);
    remove.addEventListener("click", () => {
      li.remove();
      onStringsApplied.splice(onStringsApplied.indexOf(removeLabel), 1);
      $("f-tags").focus();
      touched.add("tags");
      outcomeOutOfDate();
      validateNow();
    });
    li.append(label, hidden, remove);
    $("tag-list").append(li);
  }
  $("f-tags").addEventListener("keydown", (/** @type {KeyboardEvent & { target: HTMLInputElement }} */ event) => {
    const entry = event.target;
    if (event.key !== "Enter" || entry.value === "") return;
    event.preventDefault(); // add the tag; do not submit
    const text = entry.value.trim();
    const note = $("tags-note");
    note.textContent = "";
    if (text !== "") {
      const existing = chips().find((chip) => chip.querySelector("input").value.trim() === text);
      if (existing) note.textContent = t("tags.duplicate", { tag: text });
      else addTag(entry.value);
    }
    entry.value = "";
    touched.add("tags");
    outcomeOutOfDate();
    validateNow();
  });
  $("f-tags").addEventListener("input", () => ($("tags-note").textContent = ""));

  // ---- submit -----------------------------------------------------------
  // An issue as a list item. Linked (the form's issues): "<label>: <message>"
  // as a link to the control, which it focuses. Not linked (the JSON panel's
  // records): the path as code, then the message.
  /**
   * @param {Issue} issue
   * @param {boolean} [linked]
   */
  function issueLink(issue, linked = true) {
    const li = document.createElement("li");
    if (!linked) {
      const code = document.createElement("code");
      code.textContent = issue.path.length ? issue.path.join(".") : t("json.record");
      li.append(code, `: ${issue.message}`);
      return li;
    }
    const area = areaOf(issue.path);
    const control = area === "form" ? null : controlOf(area);
    const label = fieldLabel(issue, area);
    const text = label ? t("issue.labelled", { label, message: issue.message }) : issue.message;
    if (!control) {
      li.textContent = text;
      return li;
    }
    const a = document.createElement("a");
    a.href = `#${control.id}`;
    a.textContent = text;
    a.addEventListener("click", (event) => {
      event.preventDefault();
      // As GOV.UK's summary does: the field's label in view, its control focused.
      (form.querySelector(`label[for="${CSS.escape(control.id)}"]`) ?? control).scrollIntoView();
      control.focus({ preventScroll: true });
    });
    li.append(a);
    return li;
  }

  // Issues sorted as their controls appear in the form (record-level first).
  /** @param {Issue[]} issues */
  function inFormOrder(issues) {
    const order = [...form.querySelectorAll(".msg")].map((box) => box.id.slice("msg-".length));
    /** @param {Issue} issue */
    const rank = (issue) => {
      const area = areaOf(issue.path);
      return area === "form" ? -1 : order.indexOf(area);
    };
    return issues.map((issue, n) => /** @type {[number, number, Issue]} */ ([rank(issue), n, issue])).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
  }

  /**
   * @param {string} title
   * @param {Issue[]} issues
   * @param {string} kind
   * @param {boolean} [linked]
   */
  function issueList(title, issues, kind, linked = true) {
    const h = document.createElement("h3");
    h.textContent = title;
    const ul = document.createElement("ul");
    ul.className = `issues ${kind}`;
    ul.append(...issues.map((issue) => issueLink(issue, linked)));
    return [h, ul];
  }

  form.addEventListener("submit", (/** @type {Event} */ event) => {
    event.preventDefault();
    submitted = true;
    summaryShown = true;
    const state = validateNow();
    const outcome = $("outcome");
    if (state.errors.length) {
      // GOV.UK: the summary takes focus, so it is read out and its links are next.
      outcome.hidden = true;
      $("error-summary").focus();
      return;
    }
    summaryShown = false;
    outcome.hidden = false;
    outcome.className = "outcome valid";
    const head = document.createElement("p");
    head.className = "outcome-title";
    head.textContent = t(mode() === "update" ? "outcome.validUpdate" : "outcome.validCreate");
    const pre = document.createElement("pre");
    pre.className = "code";
    pre.id = "result-json";
    pre.textContent = JSON.stringify(state.result.data, null, 2);
    const warnings = state.warnings.length ? issueList(tn("outcome.warnings", state.warnings.length), inFormOrder(state.warnings), "warnings") : [];
    outcome.replaceChildren(head, pre, ...warnings);
    outcome.focus();
  });

  // ---- the JSON panel ---------------------------------------------------
  $("json-form").addEventListener("submit", (/** @type {Event} */ event) => {
    event.preventDefault();
    const out = $("json-output");
    const text = $("json-input").value;
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      out.replaceChildren(verdictBox("invalid", t("json.notJson"), [paragraph(error.message)]));
      return;
    }
    const schema = schemas[/** @type {keyof typeof schemas} */ ($("json-schema").value)];
    /** @type {{ unknownKeys: any, defaultRegion?: string, locale: string }} */
    const options = { unknownKeys: $("json-unknown-keys").value, locale: currentLocale() };
    if ($("json-region").value) options.defaultRegion = $("json-region").value;
    const records = Array.isArray(value) ? value.map((v, n) => [t("json.recordN", { n: n + 1 }), v]) : [[t("json.record"), value]];
    if (records.length === 0) {
      out.replaceChildren(verdictBox("invalid", t("json.empty"), []));
      return;
    }
    const boxes = records.map(([name, record]) => {
      const result = schema.safeParse(record, options);
      const warnings = result.warnings.length ? issueList(tn("json.warnings", result.warnings.length), result.warnings, "warnings", false) : [];
      if (result.success) {
        const pre = document.createElement("pre");
        pre.className = "code";
        pre.textContent = JSON.stringify(result.data, null, 2);
        return verdictBox("valid", t("json.valid", { name }), [pre, ...warnings]);
      }
      const issues = result.error.issues;
      return verdictBox("invalid", tn("json.invalid", issues.length, { name }), [...issueList(t("json.issues"), issues, "errors", false), ...warnings]);
    });
    const valid = boxes.filter((b) => b.dataset.verdict === "valid").length;
    const summary = paragraph(tn("json.summary", records.length, { valid }));
    summary.className = "json-summary";
    out.replaceChildren(summary, ...boxes);
  });
  $("json-from-form").addEventListener("click", () => {
    $("json-input").value = JSON.stringify(readRecord().record, null, 2);
    $("json-schema").value = mode();
    $("json-region").value = regionSelect.value;
    $("json-input").focus();
  });

  /**
   * @param {string} verdict
   * @param {string} title
   * @param {(Node | string)[]} children
   */
  function verdictBox(verdict, title, children) {
    const div = document.createElement("div");
    div.className = `verdict ${verdict}`;
    div.dataset.verdict = verdict;
    const h = document.createElement("h3");
    h.textContent = title;
    div.append(h, ...children);
    return div;
  }
  /** @param {string} text */
  function paragraph(text) {
    const p = document.createElement("p");
    p.textContent = text;
    return p;
  }

  // ---- ready ------------------------------------------------------------
  // What was typed while the package loaded is touched already; a value the
  // browser filled in (autofill, a restored form) is there for the user to
  // see, so it counts as touched too.
  for (const control of form.querySelectorAll("input[name], select[name], textarea[name]")) {
    if (control.type !== "hidden" && control.value !== "" && !control.disabled) {
      const area = areaOfControl(control);
      if (area) touched.add(area);
    }
  }
  showMode();
  // The language's text again, now for what start() added; and the form
  // checked again in it (the messages the page makes are in it).
  onStringsApplied.push(() => validateNow());
  validateNow();
  for (const id of ["submit", "json-validate", "json-from-form"]) $(id).disabled = false;
  setStatus("ready", "status.ready", { tzdata: pkg.tzdataVersion() });
  performance.mark("customer-schema:form-ready");
}
