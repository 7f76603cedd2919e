/*
 * portal.js: the portal's small behaviours. No dependencies, no inline
 * handlers, no eval: works under a strict Content-Security-Policy.
 * Load with <script src="{% static 'js/portal.js' %}" defer></script>.
 *
 * Every behaviour uses event delegation on the document, so it also works
 * for content that htmx swaps in later.
 *
 *   <button type="button" data-print>            prints the page
 *   <button class="video-facade" data-embed-url=".." data-title="..">
 *                                                 loads the player on click
 *   <a class="video-chapter" data-chapter-start="N" [data-embed-url=".."]>
 *                                                 plays #video-player from N s
 *   <input|select data-browser-time-zone>         filled with the device's
 *                                                 time zone while empty
 *   <form data-confirm="Delete this post?">       asks before submitting
 *   <form data-once>                              one submit only (not for
 *                                                 downloads: the page stays)
 *   <div class="live-check">                      a safety notice swapped in
 *                                                 (htmx) is scrolled into view
 *
 * Its own words go through gettext() (Django's JavaScriptCatalog, djangojs.po).
 */
(function () {
  "use strict";

  // The page's language (the JavaScript catalogue, loaded before this file); English if it
  // failed to load.
  var gettext = window.gettext || function (text) { return text; };

  var IFRAME_ALLOW = "autoplay; encrypted-media; picture-in-picture";

  function closest(target, selector) {
    return target instanceof Element ? target.closest(selector) : null;
  }

  /* (a) print buttons */
  function handlePrint(event) {
    if (!closest(event.target, "button[data-print]")) {
      return false;
    }
    event.preventDefault();
    window.print();
    return true;
  }

  /* (b) "click to load" video: the provider's player is fetched only now */
  function embedUrl(raw) {
    if (!raw) {
      return null;
    }
    try {
      var url = new URL(raw, window.location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function loadPlayer(facade, src) {
    var iframe = document.createElement("iframe");
    iframe.className = "video-frame";
    iframe.title = facade.getAttribute("data-title") || gettext("Video player");
    iframe.setAttribute("allow", IFRAME_ALLOW);
    iframe.setAttribute("allowfullscreen", "");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    iframe.src = src;

    facade.replaceWith(iframe);
    return iframe;
  }

  function handleVideoFacade(event) {
    var button = closest(event.target, "button.video-facade[data-embed-url]");
    if (!button) {
      return false;
    }
    var src = embedUrl(button.getAttribute("data-embed-url"));
    if (!src) {
      return false;
    }
    event.preventDefault();
    // The button had focus; keep keyboard users where they were.
    loadPlayer(button, src).focus();
    return true;
  }

  /* (c) video chapters: an uploaded video seeks (currentTime); a provider's
   * player is loaded, or reloaded, at the chapter's start. */
  function handleChapter(event) {
    var link = closest(event.target, "a.video-chapter[data-chapter-start]");
    var player = document.getElementById("video-player");
    if (!link || !player) {
      return false;
    }
    var start = parseInt(link.getAttribute("data-chapter-start"), 10) || 0;
    var video = player.querySelector("video");
    var src = embedUrl(link.getAttribute("data-embed-url"));
    if (video) {
      event.preventDefault();
      video.currentTime = start;
      var playing = video.play();
      if (playing && playing.catch) {
        playing.catch(function () {}); // no autoplay allowed: the controls are there
      }
    } else if (src) {
      event.preventDefault();
      var facade = player.querySelector("button.video-facade");
      var iframe = player.querySelector("iframe");
      if (facade) {
        loadPlayer(facade, src);
      } else if (iframe) {
        iframe.src = src;
      }
    } else {
      return false;
    }
    player.scrollIntoView({ block: "nearest" });
    return true;
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) {
      return;
    }
    handlePrint(event) || handleVideoFacade(event) || handleChapter(event);
  });

  /* (d) confirmation before submitting: runs in the capture phase, so a
   * refusal also stops listeners on the form itself (htmx included). */
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm")) {
        return;
      }
      var message = form.getAttribute("data-confirm") || gettext("Are you sure?");
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );

  /* (e) one submit only. Runs in the bubble phase, after any other handler:
   * a submit that someone cancelled (or that htmx took over, which has its
   * own hx-disabled-elt) leaves the buttons alone. */
  var ONCE_MARK = "data-once-disabled";

  function submitButtons(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.type === "submit" && !element.disabled;
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-once")) {
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    if (form.getAttribute("aria-busy") === "true") {
      // A second submit slipped through (e.g. Enter pressed twice quickly).
      event.preventDefault();
      return;
    }
    form.setAttribute("aria-busy", "true");
    var buttons = submitButtons(form);
    // Disable after the browser has read the form data: a disabled submit
    // button would drop its own name=value from the submission.
    window.setTimeout(function () {
      buttons.forEach(function (button) {
        button.disabled = true;
        button.setAttribute(ONCE_MARK, "");
      });
    }, 0);
  });

  /* Back/forward cache restores the page as it was left: buttons disabled.
   * Give the form back to the person. */
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll("form[data-once]").forEach(function (form) {
      form.removeAttribute("aria-busy");
    });
    // Marked buttons, inside the form or tied to it with form="id".
    document.querySelectorAll("[" + ONCE_MARK + "]").forEach(function (button) {
      button.disabled = false;
      button.removeAttribute(ONCE_MARK);
    });
  });
  /* (f) the device's time zone, where the member has not chosen one yet */
  function fillTimeZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
      return;
    }
    if (!zone) {
      return;
    }
    document.querySelectorAll("[data-browser-time-zone]").forEach(function (field) {
      if (field.value) {
        return;
      }
      if (field.tagName === "SELECT" && !field.querySelector('option[value="' + zone + '"]')) {
        return;
      }
      field.value = zone;
    });
  }
  fillTimeZone();

  /* A safety notice that appears while typing must be seen, even on a phone
   * where it would start below the fold: bring it into view (nearest edge). */
  document.addEventListener("htmx:afterSwap", function () {
    var region = document.querySelector(".live-check");
    var notice = region && region.querySelector(".safety-notice");
    if (!notice) {
      return;
    }
    var box = notice.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      notice.scrollIntoView({ block: "nearest" });
    }
  });
})();
