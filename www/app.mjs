// The customer form. This file implements no rule: every verdict, message and
// normalised value comes from the customer-schema package. The page only
//   - reads the form into the record's shape with the package's fromFormData
//     (an empty input is "not given", tags are a list, address.city nests,
//     custom_fields is JSON text),
//   - calls safeParse, and
//   - puts each issue next to the control its path names.
// It imports the package exactly as a user gets it (the published files,
// served under /vendor/customer-schema/).

const PACKAGE_URL = "/vendor/customer-schema/index.mjs";
const DEBOUNCE_MS = 250;

// The page's elements by id (index.html's): typed `any`, each is used as the
// element it is there (input, select, form, output…).
/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);
const status = $("status");
const form = $("customer-form");
const optionsForm = $("options");

/**
 * @param {string} kind
 * @param {string} text
 */
function setStatus(kind, text) {
  status.className = `status ${kind}`;
  status.textContent = text;
  document.documentElement.dataset.state = kind;
}

// Nothing fails silently: an error anywhere on the page is shown.
window.addEventListener("error", (event) => setStatus("failed", `Something went wrong on this page: ${event.message}`));
window.addEventListener("unhandledrejection", (event) =>
  setStatus("failed", `Something went wrong on this page: ${event.reason?.message ?? event.reason}`),
);

const slow = setTimeout(() => {
  if (document.documentElement.dataset.state === "loading") {
    setStatus("loading", "Still loading the validator (WebAssembly)… a slow connection?");
  }
}, 8000);

let pkg;
try {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    throw new Error("this browser does not support WebAssembly");
  }
  pkg = await import(PACKAGE_URL);
} catch (error) {
  clearTimeout(slow);
  const reason = error && error.message ? error.message : String(error);
  setStatus(
    "failed",
    `The validator could not be loaded, so this form cannot check or submit anything. ` +
      `WebAssembly failed to load (${reason}). Try reloading; if it keeps failing, this browser or ` +
      `network blocks WebAssembly.`,
  );
  status.setAttribute("role", "alert");
}
if (pkg) {
  clearTimeout(slow);
  start(pkg);
}

/**
 * An issue as the page shows it: the package's, or the page's own (JSON syntax).
 * @typedef {{ code: string, path: (string | number)[], message: string }} Issue
 */

/** @param {typeof import("../pkg/index.js")} pkg  the package, as loaded from PACKAGE_URL */
function start(pkg) {
  const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema } = pkg;
  const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };
  const touched = new Set();
  let submitted = false;

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
  $("languages").append(...pkg.languages().map((l) => option(l.code, l.name)));
  $("countries").append(...pkg.countries().map((c) => option(c.alpha2, `${c.name} (${c.alpha3})`)));
  const byName = [...pkg.countries()].sort((a, b) => a.name.localeCompare(b.name, "en"));
  for (const select of [$("default-region"), $("json-region")]) {
    select.append(...byName.map((c) => option(c.alpha2, `${c.name} (${c.alpha2})`)));
  }
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

  // ---- the phone input, formatted as it is typed ------------------------
  // The package's as-you-type formatter (libphonenumber's) in the region
  // chosen, else the address country (as the schema reads the number), else
  // none (then only numbers typed with + are formatted). Display only: the
  // record still gets E.164 from safeParse. Formatted when text is typed or
  // pasted; a deletion is left as the user made it (formatting again could
  // put back the bracket just deleted).
  const phoneInput = /** @type {HTMLInputElement} */ ($("f-phone_number"));
  const phoneFormatter = () => {
    try {
      return pkg.phoneAsYouType($("default-region").value || countryInput.value);
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
  $("default-region").addEventListener("change", formatPhoneInput);
  countryInput.addEventListener("change", formatPhoneInput);

  // ---- the form → the record -------------------------------------------
  const mode = () => /** @type {keyof typeof schemas} */ (new FormData(optionsForm).get("mode") ?? "create");
  const parseOptions = () => {
    const region = $("default-region").value;
    return region ? { defaultRegion: region } : undefined;
  };

  /** FormData → record (by the package's fromFormData). Returns the record and the page's own messages (JSON syntax). */
  function readRecord() {
    /** @type {Record<string, any>} */
    const record = pkg.fromFormData(new FormData(form), schemas[mode()]);
    /** @type {Issue[]} */
    const pageIssues = [];
    if (typeof record.custom_fields === "string") {
      // The JSON editor's text is not JSON: say where, rather than "expected object".
      try {
        JSON.parse(record.custom_fields);
      } catch (error) {
        pageIssues.push({ code: "custom", path: ["custom_fields"], message: `This is not valid JSON: ${/** @type {Error} */ (error).message}` });
        delete record.custom_fields;
      }
    }
    return { record, pageIssues };
  }

  function check() {
    const { record, pageIssues } = readRecord();
    const schema = schemas[mode()];
    const options = parseOptions();
    const result = schema.safeParse(record, options);
    const errors = [...pageIssues, ...(result.success ? [] : result.error.issues)];
    return { record, schema, options, result, errors, warnings: result.warnings };
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
  /** @param {HTMLInputElement} el */
  const areaOfControl = (el) => (el.id === "f-tags" || el.name === "tags" ? "tags" : el.name || null);
  /** @param {string} area */
  const isTouched = (area) =>
    submitted ||
    area === "form" ||
    touched.has(area) ||
    (area === "address" && [...touched].some((a) => a.startsWith("address.")));

  const chips = () => [...$("tag-list").children];

  /**
   * @param {Issue} issue
   * @param {string} area
   */
  function describe(issue, area) {
    // Tag issues name the tag (["tags", 2] → "Tag 3").
    if (area === "tags" && typeof issue.path[1] === "number") return `Tag ${issue.path[1] + 1}: ${issue.message}`;
    if (area === "form" && issue.path?.length) return `${issue.path.join(".")}: ${issue.message}`;
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
    badge.textContent = kind === "error" ? "Error" : "Warning";
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

  // ---- the live preview -------------------------------------------------
  // What a server would store. While some fields are invalid, the module is
  // asked again without them, so the valid fields still show their
  // normalised values; the fields left out are named. A field valid in the
  // whole record can fail without another (a national phone number read in
  // the address's country): it is left out too, and said to wait for it.
  // A left-out field's default (which the schema fills in for a missing
  // one) is not shown: the user gave a value, just not a valid one yet.
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
      result = state.schema.safeParse(input, state.options);
    }
    const statusLine = $("preview-status");
    const preview = $("preview");
    const pageBad = state.errors.length - (state.result.success ? 0 : state.result.error.issues.length);
    if (state.errors.length === 0) {
      statusLine.className = "preview-status valid";
      statusLine.textContent =
        "Valid." + (state.warnings.length ? ` ${plural(state.warnings.length, "warning")} (not blocking).` : "");
    } else {
      statusLine.className = "preview-status invalid";
      statusLine.textContent = `${plural(state.errors.length, "issue")} to fix.`;
      const note = document.createElement("span");
      note.className = "left-out";
      const leftOut = [...new Set(left)].filter((key) => invalid.has(key));
      const waiting = [...new Set(left)].filter((key) => !invalid.has(key));
      if (pageBad && !leftOut.includes("custom_fields")) leftOut.push("custom_fields");
      const parts = [];
      if (leftOut.length) parts.push(`Left out of the preview until valid: ${leftOut.join(", ")}.`);
      if (waiting.length) parts.push(`Also left out, as they depend on those: ${waiting.join(", ")}.`);
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
      preview.textContent = "Nothing to preview yet: " + result.error.issues.map((i) => `${i.path.join(".") || "record"}: ${i.message}`).join("; ");
      preview.dataset.state = "none";
    }
  }

  /**
   * @param {number} n
   * @param {string} word
   */
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  // ---- validation triggers ----------------------------------------------
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  function validateNow() {
    clearTimeout(timer);
    const state = check();
    renderIssues(state);
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
  // next edit (the live messages and preview stay current).
  const outcomeOutOfDate = () => {
    $("outcome").hidden = true;
  };
  // Events from the option controls (form="options") bubble here too: skip them.
  form.addEventListener("input", (/** @type {Event & { target: HTMLInputElement }} */ event) => {
    if (event.target.form !== form) return;
    const area = areaOfControl(event.target);
    if (area) touched.add(area);
    outcomeOutOfDate();
    validateSoon();
  });
  form.addEventListener("change", (/** @type {Event & { target: HTMLInputElement }} */ event) => {
    if (event.target.form !== form) return;
    const area = areaOfControl(event.target);
    if (area) touched.add(area);
    outcomeOutOfDate();
    // A text control's change comes with its blur: see validateUnlessPressing.
    if (event.target.tagName === "SELECT") validateNow();
    else validateUnlessPressing();
  });
  form.addEventListener("focusout", (/** @type {Event & { target: HTMLInputElement }} */ event) => {
    const area = areaOfControl(event.target);
    if (area && event.target.form === form && event.target.type !== "button") {
      touched.add(area);
      validateUnlessPressing();
    }
  });
  $("default-region").addEventListener("change", () => {
    outcomeOutOfDate();
    validateNow();
  });

  // The Create / Update switch.
  for (const radio of optionsForm.elements.namedItem("mode")) {
    radio.addEventListener("change", () => {
      const update = mode() === "update";
      const idField = form.querySelector('[data-field="id"]');
      idField.hidden = !update;
      $("f-id").disabled = !update;
      $("form-title").textContent = update ? "Update a customer" : "New customer";
      outcomeOutOfDate();
      submitted = false;
      validateNow();
    });
  }

  // ---- tags: an input that makes a list ---------------------------------
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
    remove.setAttribute("aria-label", `Remove tag ${text}`);
    remove.addEventListener("click", () => {
      li.remove();
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
    if (event.key === "Enter" && entry.value !== "") {
      event.preventDefault(); // add the tag; do not submit
      addTag(entry.value);
      entry.value = "";
      touched.add("tags");
      outcomeOutOfDate();
      validateNow();
    }
  });

  // ---- submit -----------------------------------------------------------
  // An issue as a list item; its path links to the form's control unless
  // `linked` is false (issues of the JSON panel's records, not the form's).
  /**
   * @param {Issue} issue
   * @param {boolean} [linked]
   */
  function issueLink(issue, linked = true) {
    const li = document.createElement("li");
    const area = areaOf(issue.path);
    const control = !linked || area === "form" ? null : controlOf(area);
    const where = issue.path.length ? issue.path.join(".") : "record";
    if (control) {
      const a = document.createElement("a");
      a.href = `#${control.id}`;
      a.textContent = where;
      a.addEventListener("click", (event) => {
        event.preventDefault();
        control.focus();
      });
      li.append(a);
    } else {
      const code = document.createElement("code");
      code.textContent = where;
      li.append(code);
    }
    li.append(`: ${issue.message}`);
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
    const state = validateNow();
    const outcome = $("outcome");
    outcome.hidden = false;
    const warnings = state.warnings.length ? issueList(`${plural(state.warnings.length, "warning")} (not blocking)`, state.warnings, "warnings") : [];
    if (state.errors.length) {
      outcome.className = "outcome invalid";
      const head = document.createElement("p");
      head.className = "outcome-title";
      head.textContent = `Not submitted: ${plural(state.errors.length, "issue")} to fix.`;
      outcome.replaceChildren(head, ...issueList("Issues", inFormOrder(state.errors), "errors"), ...warnings);
      // Focus the first invalid control, in the form's order.
      const first = [...form.elements].find((el) => el.getAttribute("aria-invalid") === "true");
      (first ?? outcome).focus();
    } else {
      outcome.className = "outcome valid";
      const head = document.createElement("p");
      head.className = "outcome-title";
      head.textContent = `Valid: this is the record ${mode() === "update" ? "the update would send" : "a server would store"}.`;
      const pre = document.createElement("pre");
      pre.className = "code";
      pre.id = "result-json";
      pre.textContent = JSON.stringify(state.result.data, null, 2);
      outcome.replaceChildren(head, pre, ...warnings);
      outcome.focus();
    }
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
      out.replaceChildren(verdictBox("invalid", "Not valid JSON", [paragraph(error.message)]));
      return;
    }
    const schema = schemas[/** @type {keyof typeof schemas} */ ($("json-schema").value)];
    /** @type {{ unknownKeys: any, defaultRegion?: string }} */
    const options = { unknownKeys: $("json-unknown-keys").value };
    if ($("json-region").value) options.defaultRegion = $("json-region").value;
    const records = Array.isArray(value) ? value.map((v, n) => [`Record ${n + 1}`, v]) : [["Record", value]];
    if (records.length === 0) {
      out.replaceChildren(verdictBox("invalid", "The array is empty", []));
      return;
    }
    const boxes = records.map(([name, record]) => {
      const result = schema.safeParse(record, options);
      const warnings = result.warnings.length ? issueList(`${plural(result.warnings.length, "warning")}`, result.warnings, "warnings", false) : [];
      if (result.success) {
        const pre = document.createElement("pre");
        pre.className = "code";
        pre.textContent = JSON.stringify(result.data, null, 2);
        return verdictBox("valid", `${name}: valid`, [pre, ...warnings]);
      }
      const issues = result.error.issues;
      return verdictBox("invalid", `${name}: ${plural(issues.length, "issue")}`, [...issueList("Issues", issues, "errors", false), ...warnings]);
    });
    const valid = boxes.filter((b) => b.dataset.verdict === "valid").length;
    const summary = paragraph(`${valid} of ${plural(records.length, "record")} valid.`);
    summary.className = "json-summary";
    out.replaceChildren(summary, ...boxes);
  });
  $("json-from-form").addEventListener("click", () => {
    $("json-input").value = JSON.stringify(readRecord().record, null, 2);
    $("json-schema").value = mode();
    $("json-region").value = $("default-region").value;
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
  validateNow();
  for (const id of ["submit", "json-validate", "json-from-form"]) $(id).disabled = false;
  setStatus("ready", `Ready. Validator loaded: customer-schema, time zones from tzdata ${pkg.tzdataVersion()}.`);
  performance.mark("customer-schema:form-ready");
}
