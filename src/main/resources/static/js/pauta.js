// Pauta pages: what htmx does not do by itself. CSRF on every partial request, keyboard shortcuts, copy and replace,
// the form kept across a lost connection or an ended session, and timings of the answers in the browser's performance log.
(function () {
  "use strict";

  var SAVED = "pauta.agent.form";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  function announce(text) {
    var region = document.getElementById("live-announce");
    if (region) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
  }

  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
    } else {
      done(fallbackCopy(text));
    }
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copyFrom(button) {
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) { return; }
    var text = source.textContent.trim();
    document.body.setAttribute("data-last-copied", text);
    copyText(text, function (ok) {
      announce(ok ? document.body.getAttribute("data-copied") || "Copied." : document.body.getAttribute("data-copy-failed") || "Copy failed.");
    });
  }

  function replaceInDraft(button) {
    var draft = document.getElementById("draft");
    var phrase = button.getAttribute("data-replace");
    var start = parseInt(button.getAttribute("data-start"), 10);
    var value = draft.value;
    // the draft may have changed since it was checked: replace at the checked place if the phrase is still there, else its first occurrence
    var at = value.substr(start, phrase.length) === phrase ? start : value.indexOf(phrase);
    if (at < 0) { return; }
    draft.value = value.slice(0, at) + button.getAttribute("data-with") + value.slice(at + phrase.length);
    draft.focus();
    draft.setSelectionRange(at + button.getAttribute("data-with").length, at + button.getAttribute("data-with").length);
    draft.dispatchEvent(new Event("input", { bubbles: true }));
    saveForm();
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function saveForm() {
    var form = document.getElementById("situation-form");
    if (!form || !window.sessionStorage) { return; }
    var saved = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "hidden" || field.type === "submit") { return; }
      if (field.type === "checkbox") {
        saved["check:" + field.value] = field.checked;
      } else {
        saved[field.name] = field.value;
      }
    });
    var draft = document.getElementById("draft");
    if (draft) { saved.draft = draft.value; }
    try { sessionStorage.setItem(SAVED, JSON.stringify(saved)); } catch (e) { /* storage full or off: nothing to keep */ }
  }

  function restoreForm() {
    var form = document.getElementById("situation-form");
    if (!form || !window.sessionStorage) { return; }
    var saved;
    try { saved = JSON.parse(sessionStorage.getItem(SAVED) || "null"); } catch (e) { saved = null; }
    if (!saved) { return; }
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "hidden" || field.type === "submit") { return; }
      if (field.type === "checkbox") {
        if (("check:" + field.value) in saved) { field.checked = saved["check:" + field.value]; }
      } else if (saved[field.name] !== undefined && field.value === "") {
        field.value = saved[field.name];
      }
    });
    var draft = document.getElementById("draft");
    if (draft && saved.draft && !draft.value) {
      draft.value = saved.draft;
    }
  }

  // The document editor: where the caret is (line and column, since a textarea shows no line numbers), and a link to a
  // line from validation puts the caret on that line.
  function showCaret(editor) {
    var status = document.getElementById("caret-position");
    if (!status) { return; }
    var before = editor.value.slice(0, editor.selectionStart).split("\n");
    status.textContent = (status.getAttribute("data-template") || "Line {0}, column {1}")
      .replace("{0}", before.length).replace("{1}", before[before.length - 1].length + 1);
  }

  function caretToLine(editor, line) {
    var lines = editor.value.split("\n");
    var offset = 0;
    for (var i = 0; i < Math.min(line - 1, lines.length - 1); i++) { offset += lines[i].length + 1; }
    editor.focus();
    editor.setSelectionRange(offset, offset + (lines[Math.min(line - 1, lines.length - 1)] || "").length);
    var lineHeight = parseFloat(window.getComputedStyle(editor).lineHeight) || 18;
    editor.scrollTop = Math.max(0, (line - 5) * lineHeight);
    showCaret(editor);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var editor = document.getElementById("content");
    if (editor && editor.classList.contains("code")) {
      ["keyup", "click", "focus", "select"].forEach(function (type) { editor.addEventListener(type, function () { showCaret(editor); }); });
      var line = parseInt(new URLSearchParams(window.location.search).get("line"), 10);
      if (line > 0) { caretToLine(editor, line); } else { showCaret(editor); }
    }
    restoreForm();
    var draft = document.getElementById("draft");
    if (draft && draft.value && window.htmx) {
      window.htmx.trigger(draft, "input");
    }
    var reader = document.querySelector("#section-reader [data-anchor]");
    if (reader) { showAnchor(reader); }
  });

  document.addEventListener("input", function (event) {
    if (event.target.closest && (event.target.closest("#situation-form") || event.target.id === "draft")) { saveForm(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target.closest && event.target.closest("#situation-form")) { saveForm(); }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button") : null;
    if (!button) { return; }
    if (button.hasAttribute("data-copy")) {
      copyFrom(button);
    } else if (button.hasAttribute("data-replace")) {
      replaceInDraft(button);
      announce(document.body.getAttribute("data-replaced") || "Replaced.");
    } else if (button.hasAttribute("data-open-dialog")) {
      var dialog = document.getElementById(button.getAttribute("data-open-dialog"));
      if (dialog && !dialog.open) { dialog.showModal(); }
    }
  });

  document.addEventListener("keydown", function (event) {
    var form = document.getElementById("situation-form");
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && form) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.altKey && !event.ctrlKey && /^Digit[1-9]$/.test(event.code)) {
      var card = document.querySelector('[data-card="' + event.code.slice(5) + '"] button[data-copy]');
      if (card) {
        event.preventDefault();
        copyFrom(card);
      }
    } else if (event.key === "/" && !typing(event.target)) {
      var search = document.getElementById("search-q");
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    } else if (event.key === "?" && !typing(event.target)) {
      var help = document.getElementById("shortcuts-help");
      if (help && !help.open) {
        event.preventDefault();
        help.showModal();
      }
    }
  });

  function showAnchor(reader) {
    var anchor = reader.getAttribute("data-anchor");
    var heading = anchor ? reader.querySelector('[id="' + anchor.replace(/"/g, "") + '"]') : null;
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      heading.scrollIntoView({ block: "start" });
    }
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) { event.detail.headers[header] = token; }
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var source = event.detail.elt;
    if (source && source.id === "situation-form") { performance.mark("guidance-asked"); }
    if (source && source.id === "draft") { performance.mark("draft-sent"); }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var source = event.detail.requestConfig ? event.detail.requestConfig.elt : null;
    var id = source ? source.id : null;
    window.requestAnimationFrame(function () {
      if (id === "situation-form" && performance.getEntriesByName("guidance-asked").length) {
        performance.measure("guidance", "guidance-asked");
        performance.clearMarks("guidance-asked");
      } else if (id === "draft" && performance.getEntriesByName("draft-sent").length) {
        performance.measure("draft-check", "draft-sent");
        performance.clearMarks("draft-sent");
      }
    });
    var target = event.detail.target;
    var focus = target.querySelector("[data-focus-on-swap]");
    if (focus) {
      if (focus.hasAttribute("data-anchor") && focus.getAttribute("data-anchor")) {
        showAnchor(focus);
      } else {
        focus.focus();
      }
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var banner = document.getElementById("connection-problem");
    if (banner && event.detail.xhr && event.detail.xhr.status > 0) { banner.hidden = true; }
    var form = event.detail.elt;
    if (!event.detail.successful || !form || form.tagName !== "FORM") { return; }
    var status = form.querySelector(".form-status");
    if (form.hasAttribute("data-reset-on-success")) { form.reset(); }
    // feedback is given once per card: the buttons go, the answer stays and takes the focus they had
    if (form.hasAttribute("data-done-on-success")) { form.setAttribute("data-done", ""); }
    if (status) { status.focus(); }
  });

  document.addEventListener("htmx:sendError", function () {
    var banner = document.getElementById("connection-problem");
    if (banner) {
      banner.hidden = false;
      saveForm();
    }
  });
}());
