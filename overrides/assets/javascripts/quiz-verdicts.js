/* Self-check quizzes, on top of mkdocs-quiz's quiz.js (loaded on quiz pages only, by the quiz-answers
   shortcode in render/quizzes.py):
   - Answers kept in this browser belong to questions by their content (site/quiz_hooks.py gives each
     question an id made from its text and options). Before quiz.js reads them, the answers to
     questions no longer on the page are forgotten, so an edited quiz counts and shows none of them.
   - A "choose all correct answers" question answered with right options only, but not all of them, is
     not wrong: its feedback gets a neutral style and says how many right answers were missed
     (data-vt-missed on this script: the plural forms of quiz_missed in docs/strings.yml). */
(function () {
  "use strict";
  var script = document.currentScript;
  var missedForms = script ? script.getAttribute("data-vt-missed") : null;
  var quizzes = Array.prototype.slice.call(document.querySelectorAll(".quiz"));
  var STORAGE_KEY = "quiz_progress_" + window.location.pathname; /* quiz.js's key for this page */

  function forgetOtherQuestions() {
    var stored;
    try {
      stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
    } catch (e) {
      return; /* storage off or unreadable: quiz.js copes with that */
    }
    if (!stored || typeof stored !== "object" || Array.isArray(stored)) return;
    var onPage = quizzes.map(function (quiz) { return quiz.id; });
    var kept = {};
    var dropped = false;
    Object.keys(stored).forEach(function (id) {
      if (onPage.indexOf(id) >= 0) kept[id] = stored[id];
      else dropped = true;
    });
    if (dropped) {
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
      } catch (e) {
        /* could not write: quiz.js shows its own storage warning */
      }
    }
  }

  function markPartial(quiz, feedback) {
    if (feedback.querySelector(".vt-quiz-missed")) return;
    var options = Array.prototype.slice.call(quiz.querySelectorAll('input[type="checkbox"][name="answer"]'));
    var chosen = options.filter(function (input) { return input.checked; });
    var wrongChosen = chosen.filter(function (input) { return !input.hasAttribute("data-correct"); });
    var missed = options.filter(function (input) { return input.hasAttribute("data-correct") && !input.checked; });
    if (!chosen.length || wrongChosen.length || !missed.length || feedback.classList.contains("hidden")) return;
    feedback.querySelectorAll(".quiz-feedback-item.incorrect").forEach(function (item) {
      item.classList.remove("incorrect");
      item.classList.add("partial");
    });
    missed.forEach(function (input) { input.parentElement.classList.add("vt-missed"); });
    var note = document.createElement("div");
    note.className = "quiz-feedback-item partial vt-quiz-missed";
    var text = document.createElement("p");
    text.className = "quiz-feedback-item-content";
    text.textContent = window.vtPlural(missedForms, missed.length);
    note.appendChild(text);
    feedback.insertBefore(note, feedback.firstChild);
  }

  forgetOtherQuestions();
  if (!missedForms || !window.vtPlural) return;
  quizzes.forEach(function (quiz) {
    var feedback = quiz.querySelector(".quiz-feedback");
    if (!feedback || !quiz.querySelector('input[type="checkbox"]')) return;
    /* quiz.js writes the feedback after "Check" and when it restores a kept answer; "Try again" empties it */
    new MutationObserver(function () {
      if (!feedback.firstChild) {
        quiz.querySelectorAll(".vt-missed").forEach(function (div) { div.classList.remove("vt-missed"); });
        return;
      }
      markPartial(quiz, feedback);
    }).observe(feedback, { childList: true });
  });
})();
