/* Self-assessment, part 2 of 7: keeping answers in this browser, each on its own with its time.
 *
 * Keys (one set for every language, the item ids are the same): <prefix>answer.<item id> =
 * {rating, note, at}, <prefix>action.<item id> = {what, who, due, status, at}, <prefix>consensus.<item id>
 * = {rating, at}, <prefix>meta.organisation / meta.name = {value, at}; `at` is milliseconds since 1970.
 * A record is only written when it is newer than what is stored, so a tab that loaded long ago never
 * overwrites a colleague tab's newer answer; the `storage` event tells each tab what another one wrote.
 * The single-key format of earlier versions is read once and moved over.
 */
(function () {
  "use strict";
  var sa = window.VT && window.VT.sa;
  if (!sa) return;
  var data = sa.data;
  var prefix = data.storagePrefix;
  var listeners = [];
  var unmoved = 0;  // 1 when store.migrate could not move the old key's answers
  var store = sa.store = { works: true, failed: false, dropped: 0 };

  function storage() {
    return window.localStorage;
  }

  function readRecord(key) {
    var raw = storage().getItem(key);
    if (raw === null) return null;
    try {
      var record = JSON.parse(raw);
      return sa.isPlainObject(record) && typeof record.at === "number" ? record : false;
    } catch (error) {
      return false;
    }
  }

  var checks = {
    answer: function (r) {
      return (r.rating === null || data.ratings.indexOf(r.rating) >= 0) &&
        typeof r.note === "string" && r.note.length <= data.noteMax;
    },
    action: function (r) {
      return typeof r.what === "string" && typeof r.who === "string" && typeof r.due === "string" &&
        data.actionStatuses.indexOf(r.status) >= 0;
    },
    consensus: function (r) { return r.rating === null || data.ratings.indexOf(r.rating) >= 0; },
    meta: function (r) { return typeof r.value === "string"; }
  };

  function split(key) {
    if (key === null || key.indexOf(prefix) !== 0) return null;
    var rest = key.slice(prefix.length);
    var dot = rest.indexOf(".");
    if (dot < 0 || !checks[rest.slice(0, dot)]) return null;
    return { kind: rest.slice(0, dot), id: rest.slice(dot + 1) };
  }

  /* Every valid record as {answer: {id: record}, action: {...}, consensus: {...}, meta: {...}}. A damaged
   * record is dropped and counted (store.dropped); the others are kept. */
  store.readAll = function () {
    var found = { answer: {}, action: {}, consensus: {}, meta: {} };
    store.dropped = unmoved;
    try {
      var keys = [];
      for (var i = 0; i < storage().length; i += 1) keys.push(storage().key(i));
      keys.forEach(function (key) {
        var where = split(key);
        if (!where) return;
        var record = readRecord(key);
        if (record && checks[where.kind](record)) {
          found[where.kind][where.id] = record;
        } else {
          store.dropped += 1;
          storage().removeItem(key);
        }
      });
    } catch (error) {
      store.works = false;
    }
    return found;
  };

  /* Writes the record unless the stored one is newer; returns the record that now counts. */
  store.put = function (kind, id, record) {
    if (!store.works) return record;
    var key = prefix + kind + "." + id;
    try {
      var stored = readRecord(key);
      if (stored && stored.at > record.at) return stored;
      storage().setItem(key, JSON.stringify(record));
      if (store.failed) {
        store.failed = false;  // there is room again: say so, and write what waited
        store.retry();
      }
    } catch (error) {
      store.failed = true;
      store.pending[key] = record;
      notify({ kind: "full" });
    }
    return record;
  };
  store.pending = {};
  store.retry = function () {
    var waiting = store.pending;
    store.pending = {};
    Object.keys(waiting).forEach(function (key) {
      var where = split(key);
      store.put(where.kind, where.id, waiting[key]);
    });
    if (!store.failed) notify({ kind: "room" });
  };

  store.removeAll = function () {
    try {
      var keys = [];
      for (var i = 0; i < storage().length; i += 1) keys.push(storage().key(i));
      keys.forEach(function (key) { if (split(key) || key === data.oldStorageKey) storage().removeItem(key); });
    } catch (ignored) { /* nothing was stored */ }
    store.pending = {};
    store.failed = false;
  };

  store.onChange = function (listener) { listeners.push(listener); };

  function notify(change) {
    listeners.forEach(function (listener) { listener(change); });
  }

  /* The whole-state key of version 1 of this page: move its answers to their own keys, once. A promise
   * (reading it needs the export schema, which loads when first needed); it resolves at once when there
   * is nothing to move, and never rejects: what cannot be moved is counted in store.dropped. */
  store.migrate = function () {
    var raw;
    try {
      raw = storage().getItem(data.oldStorageKey);
    } catch (error) {
      return Promise.resolve();
    }
    if (raw === null) return Promise.resolve();
    return sa.schema().then(function (schema) {
      storage().removeItem(data.oldStorageKey);
      var found = sa.readExport(JSON.parse(raw), schema);
      var at = Date.parse(found.exportedAt) || Date.now();
      Object.keys(found.answers).forEach(function (id) {
        storage().setItem(prefix + "answer." + id, JSON.stringify({ rating: found.answers[id].rating, note: found.answers[id].note, at: at }));
      });
      if (found.organisation) storage().setItem(prefix + "meta.organisation", JSON.stringify({ value: found.organisation, at: at }));
    }).catch(function () {
      unmoved = 1;
    });
  };

  window.addEventListener("storage", function (event) {
    if (event.key === null) return notify({ kind: "cleared" });
    var where = split(event.key);
    if (!where) return;
    var record = event.newValue === null ? null : readRecord(event.key);
    if (record === false || (record && !checks[where.kind](record))) return;
    notify({ kind: where.kind, id: where.id, record: record });
  });
})();
