/*
 * composer.js: the Markdown composer's toolbar, image upload and quote-in-place, for
 * templates/includes/composer.html. Plain JavaScript, no dependencies, no inline handlers:
 * works under the strict Content-Security-Policy. Without it the form still posts (the
 * toolbar and image panel stay hidden; "Quote" opens the reply page).
 *
 *   <div data-composer data-upload-url="..">    one per page, inside the form
 *   [data-md="bold|italic|list|quote|link"]     toolbar buttons (Ctrl+B / Ctrl+I too)
 *   htmx event "composer:insert" {text}         a quote to insert (HX-Trigger)
 *   htmx event "composer:clear"                 the draft was discarded: empty the form
 *   form submit                                  stops a pending autosave of the draft
 *
 * Its own words go through gettext() (Django's JavaScriptCatalog, djangojs.po).
 */
(function () {
  "use strict";

  // The page's language (the JavaScript catalogue, loaded before this file); English if it
  // failed to load.
  var gettext = window.gettext || function (text) { return text; };

  function composer() {
    return document.querySelector("[data-composer]");
  }

  function textarea() {
    return document.getElementById("id_body");
  }

  function changed(field) {
    // Preview, autosave and the safety check listen for input.
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function replaceSelection(field, before, after, placeholder) {
    var start = field.selectionStart;
    var end = field.selectionEnd;
    var selected = field.value.slice(start, end) || placeholder;
    field.setRangeText(before + selected + after, start, end, "end");
    field.setSelectionRange(start + before.length, start + before.length + selected.length);
    field.focus();
    changed(field);
  }

  function prefixLines(field, prefix, placeholder) {
    var start = field.value.lastIndexOf("\n", field.selectionStart - 1) + 1;
    var end = field.selectionEnd;
    var block = field.value.slice(start, end) || placeholder;
    var lines = block.split("\n").map(function (line) {
      return prefix + line;
    });
    field.setRangeText(lines.join("\n"), start, end, "select");
    field.focus();
    changed(field);
  }

  var FORMATS = {
    bold: function (field) { replaceSelection(field, "**", "**", gettext("bold text")); },
    italic: function (field) { replaceSelection(field, "*", "*", gettext("italic text")); },
    list: function (field) { prefixLines(field, "- ", gettext("item")); },
    quote: function (field) { prefixLines(field, "> ", gettext("quoted text")); },
    link: function (field) { replaceSelection(field, "[", "](https://)", gettext("link text")); },
  };

  function insertBlock(field, text) {
    var value = field.value;
    var at = field.selectionEnd;
    var before = value.slice(0, at);
    var gap = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    field.setRangeText(gap + text, at, at, "end");
    field.focus();
    changed(field);
  }

  function setUp(box) {
    var field = textarea();
    var toolbar = box.querySelector("[data-composer-toolbar]");
    if (!field || !toolbar) {
      return;
    }
    // Above the text box, where the eye and the tab order expect it.
    field.parentNode.insertBefore(toolbar, field);
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-md]");
      if (button) {
        FORMATS[button.getAttribute("data-md")](field);
      }
      var toggle = event.target.closest("[data-composer-image-toggle]");
      if (toggle) {
        var panel = box.querySelector("[data-composer-images]");
        panel.hidden = !panel.hidden;
        toggle.setAttribute("aria-expanded", String(!panel.hidden));
        if (!panel.hidden) {
          panel.querySelector("[data-composer-file]").focus();
        }
      }
    });
    field.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        var key = event.key.toLowerCase();
        if (key === "b" || key === "i") {
          event.preventDefault();
          FORMATS[key === "b" ? "bold" : "italic"](field);
        }
      }
    });
    setUpImages(box, field);
  }

  function setUpImages(box, field) {
    var panel = box.querySelector("[data-composer-images]");
    if (!panel) {
      return;
    }
    var fileInput = panel.querySelector("[data-composer-file]");
    var altInput = panel.querySelector("[data-composer-alt]");
    var status = panel.querySelector("[data-composer-image-status]");
    var drop = panel.querySelector("[data-composer-drop]");

    function say(message) {
      status.textContent = message;
    }

    function upload() {
      var file = fileInput.files[0];
      if (!file) {
        say(gettext("Choose an image first."));
        fileInput.focus();
        return;
      }
      if (!altInput.value.trim()) {
        say(gettext("Please describe the picture for people who cannot see it."));
        altInput.focus();
        return;
      }
      var data = new FormData();
      data.append("image", file);
      data.append("alt_text", altInput.value.trim());
      var token = field.form.querySelector("[name=csrfmiddlewaretoken]");
      say(gettext("Uploading…"));
      fetch(box.getAttribute("data-upload-url"), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "" },
      })
        .then(function (response) {
          return response.json().then(function (answer) {
            return { ok: response.ok, answer: answer };
          });
        })
        .then(function (result) {
          if (!result.ok) {
            say(result.answer.error || gettext("The image could not be uploaded."));
            return;
          }
          insertBlock(field, result.answer.markdown + "\n");
          fileInput.value = "";
          altInput.value = "";
          say(gettext("Image added to your message."));
        })
        .catch(function () {
          say(gettext("The image could not be uploaded; please try again."));
        });
    }

    panel.querySelector("[data-composer-upload]").addEventListener("click", upload);
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) {
        event.preventDefault();
        drop.classList.add("is-dragging");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () {
        drop.classList.remove("is-dragging");
      });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        fileInput.files = event.dataTransfer.files;
        say(gettext("Now describe the image, then choose “Upload and insert”."));
        altInput.focus();
      }
    });
  }

  document.body.addEventListener("composer:insert", function (event) {
    var field = textarea();
    if (field && event.detail && event.detail.text) {
      insertBlock(field, event.detail.text);
      field.scrollIntoView({ block: "center" });
    }
  });

  document.body.addEventListener("composer:clear", function () {
    ["id_body", "id_title"].forEach(function (id) {
      var field = document.getElementById(id);
      if (field) {
        field.value = "";
      }
    });
    var field = textarea();
    if (field) {
      changed(field);
    }
  });

  // Once the form is being sent, an autosave still waiting on its delay must not fire: it
  // would race the post and could bring back the draft the post deletes.
  document.addEventListener("submit", function (event) {
    if (event.target.querySelector("[data-composer]")) {
      event.target.setAttribute("data-composer-sent", "");
    }
  });

  document.body.addEventListener("htmx:confirm", function (event) {
    var elt = event.detail.elt;
    if (elt.id === "draft-status" && elt.closest("form[data-composer-sent]")) {
      event.preventDefault();
    }
  });

  var box = composer();
  if (box) {
    setUp(box);
  }
})();
