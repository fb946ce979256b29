// The front page: plain DOM over the public /auth and /api endpoints (docs/openapi.yaml).
// Everything shown comes from the service or Kroger, so it is only ever set with textContent.
'use strict';

(function () {
  const state = { shopper: null, stores: new Map(), products: new Map(), list: null };

  const $ = (id) => document.getElementById(id);

  /** An element with text and attributes; never parses HTML. */
  function el(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, String(value));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function money(amount) {
    return typeof amount === 'number' ? '$' + amount.toFixed(2) : '';
  }

  function when(instant) {
    if (!instant) {
      return '';
    }
    const date = new Date(instant);
    return isNaN(date.getTime()) ? String(instant) : date.toLocaleString();
  }

  /** A new key per click: crypto.randomUUID needs a secure context, getRandomValues does not. */
  function idempotencyKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  // ---- messages -------------------------------------------------------------------------------

  function say(message) {
    $('status').textContent = message;
  }

  function clearAlert() {
    $('alert').hidden = true;
    $('alert-detail').textContent = '';
    clear($('alert-errors'));
    $('alert-reconnect').hidden = true;
    $('alert-connect').hidden = true;
  }

  /** A problem+json answer (or a network failure) in the alert region. */
  function showProblem(problem) {
    clearAlert();
    say('');
    $('alert-detail').textContent = problem.detail || problem.title || 'Something went wrong.';
    for (const error of Array.isArray(problem.errors) ? problem.errors : []) {
      $('alert-errors').appendChild(el('li', String(error.field) + ': ' + String(error.message)));
    }
    $('alert-reconnect').hidden = !(problem.status === 401 && problem.type === '/problems/sign-in-required');
    showConnectRequired(problem);
    $('alert').hidden = false;
  }

  class ApiError extends Error {
    constructor(problem) {
      super(problem.detail || problem.title || 'request failed');
      this.problem = problem;
    }
  }

  /** One call to the service; resolves to the JSON body (or null), rejects with an ApiError. */
  async function api(method, path, body, headers) {
    const init = { method: method, credentials: 'same-origin', headers: Object.assign({ Accept: 'application/json' }, headers || {}) };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError({ status: 0, detail: 'The service cannot be reached. Check your connection and try again.' });
    }
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch (e) {
        json = null;
      }
    }
    if (!response.ok) {
      const problem = json && typeof json === 'object' ? json : {};
      problem.status = response.status;
      if (!problem.detail && !problem.title) {
        problem.detail = 'The service answered ' + response.status + '.';
      }
      throw new ApiError(problem);
    }
    return json;
  }

  /** Runs a user action: clears old messages, shows a problem, and drops to signed-out on a lost session. */
  async function act(button, action) {
    clearAlert();
    if (button) {
      button.disabled = true;
    }
    try {
      await action();
    } catch (e) {
      if (!(e instanceof ApiError)) {
        throw e;
      }
      showProblem(e.problem);
      if (e.problem.status === 401 && e.problem.type === '/problems/unauthenticated') {
        showSignedOut();
      }
    } finally {
      if (button) {
        button.disabled = false;
      }
    }
  }

  // ---- who you are ----------------------------------------------------------------------------

  function showSignedOut() {
    state.shopper = null;
    $('signed-out').hidden = false;
    $('signed-in').hidden = true;
    $('shopping').hidden = true;
    $('connections').hidden = true;
  }

  function showShopper(shopper) {
    state.shopper = shopper;
    $('signed-out').hidden = true;
    $('signed-in').hidden = false;
    $('shopping').hidden = false;
    $('profile-id').textContent = shopper.profileId;
    const connection = shopper.kroger || {};
    const krogerLinked = !Array.isArray(shopper.connections) || shopper.connections.some((c) => c.provider === 'kroger');
    $('connection').textContent = !krogerLinked
      ? 'Not connected: connect it below to fill your Kroger cart'
      : connection.connected
        ? 'Working' + (connection.accessTokenExpiresAt ? ' (current access until ' + when(connection.accessTokenExpiresAt) + ', renewed as needed)' : '')
        : 'Not working: Kroger needs you to sign in again';
    $('connection-reconnect').hidden = !krogerLinked || Boolean(connection.connected);
    showPreferredStore();
    showConnections(shopper);
  }

  function storeLabel(store) {
    const a = store.address || {};
    return store.name + ', ' + [a.line1, a.city, a.state, a.zipCode].filter(Boolean).join(', ');
  }

  function showPreferredStore() {
    const id = state.shopper && state.shopper.preferredLocationId;
    const known = id && state.stores.get(id);
    $('preferred-store').textContent = !id ? 'None yet: find one by ZIP code below' : known ? storeLabel(known) + ' (' + id + ')' : id;
    for (const button of document.querySelectorAll('#store-list button[data-location-id]')) {
      const chosen = button.getAttribute('data-location-id') === id;
      button.textContent = chosen ? 'Your store' : 'Choose this store';
      button.classList.toggle('chosen', chosen);
    }
  }

  async function loadShopper() {
    try {
      showShopper(await api('GET', '/api/user'));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.problem.status === 401) {
        showSignedOut();
        return false;
      }
      throw e;
    }
  }

  // ---- stores ---------------------------------------------------------------------------------

  function renderStores(stores) {
    const list = $('store-list');
    clear(list);
    for (const store of stores) {
      state.stores.set(store.locationId, store);
      const item = el('li', null, { class: 'card' });
      const headingId = 'store-' + store.locationId;
      item.appendChild(el('h3', store.name, { id: headingId }));
      const a = store.address || {};
      item.appendChild(el('p', [a.line1, a.line2, a.city, a.state, a.zipCode].filter(Boolean).join(', ')));
      if (store.phone) {
        item.appendChild(el('p', 'Phone ' + store.phone));
      }
      // The store's name stays in the button's description, so its visible text can be its whole name.
      const choose = el('button', 'Choose this store', { type: 'button', 'data-location-id': store.locationId,
        'aria-describedby': headingId });
      choose.addEventListener('click', () => act(choose, async () => {
        showShopper(await api('PUT', '/api/user/location', { locationId: store.locationId }));
        say(store.name + ' is now your store.');
      }));
      item.appendChild(choose);
      list.appendChild(item);
    }
    showPreferredStore();
  }

  async function findStores(zipCode) {
    const answer = await api('GET', '/api/locations?zipCode=' + encodeURIComponent(zipCode));
    renderStores(answer.items);
    say(answer.items.length === 0 ? 'No stores near ' + zipCode + '.' : answer.items.length + ' stores near ' + zipCode + '.');
  }

  // ---- guidance -------------------------------------------------------------------------------

  async function loadGuidance() {
    const answer = await api('GET', '/api/guidance');
    const list = $('guidance-list');
    clear(list);
    if (answer.items.length === 0) {
      list.appendChild(el('li', 'No guidance yet.', { class: 'empty' }));
    }
    for (const entry of answer.items) {
      const item = el('li');
      item.appendChild(el('span', entry.text));
      const remove = el('button', 'Remove', { type: 'button', 'aria-label': 'Remove guidance: ' + entry.text });
      remove.addEventListener('click', () => act(remove, async () => {
        await api('DELETE', '/api/guidance/' + encodeURIComponent(entry.id));
        await loadGuidance();
        say('Removed guidance "' + entry.text + '".');
        $('guidance-text').focus();
      }));
      item.appendChild(remove);
      list.appendChild(item);
    }
  }

  // ---- shopping lists ---------------------------------------------------------------------------

  async function loadLists() {
    const answer = await api('GET', '/api/lists');
    const list = $('list-list');
    clear(list);
    if (answer.items.length === 0) {
      list.appendChild(el('li', 'No lists yet.', { class: 'empty' }));
    }
    for (const shoppingList of answer.items) {
      const item = el('li');
      item.appendChild(el('span', shoppingList.name + ' (' + shoppingList.items.length + ' items)'));
      const open = el('button', 'Open', { type: 'button', 'data-list-id': shoppingList.id, 'aria-label': 'Open list: ' + shoppingList.name });
      open.addEventListener('click', () => act(open, () => openList(shoppingList.id)));
      item.appendChild(open);
      const remove = el('button', 'Delete', { type: 'button', 'aria-label': 'Delete list: ' + shoppingList.name });
      remove.addEventListener('click', () => act(remove, async () => {
        await api('DELETE', listApi(shoppingList.id));
        if (state.list === shoppingList.id) {
          state.list = null;
          $('list-detail').hidden = true;
        }
        await loadLists();
        say('Deleted the list "' + shoppingList.name + '".');
      }));
      item.appendChild(remove);
      list.appendChild(item);
    }
    return answer.items;
  }

  async function openList(id) {
    const shoppingList = await api('GET', listApi(id));
    state.list = shoppingList.id;
    $('list-detail').hidden = false;
    $('list-title').textContent = shoppingList.name;
    clear($('plan-list-items'));
    $('plan-summary').textContent = '';
    $('send-list-again').hidden = true;
    renderItems(shoppingList);
  }

  function renderItems(shoppingList) {
    const list = $('item-list');
    clear(list);
    if (shoppingList.items.length === 0) {
      list.appendChild(el('li', 'No items yet: add what you need.', { class: 'empty' }));
    }
    for (const entry of shoppingList.items) {
      const item = el('li', null, { class: entry.checked ? 'checked' : '' });
      const id = 'item-' + entry.id;
      const check = el('input', null, { type: 'checkbox', id: id, 'data-item-id': entry.id });
      check.checked = entry.checked;
      check.addEventListener('change', () => act(null, async () => {
        await api('PATCH', itemPath(entry.id), { checked: check.checked });
        await openList(shoppingList.id);
        say(check.checked ? 'Checked off "' + entry.text + '".' : '"' + entry.text + '" is back on the list.');
      }));
      item.appendChild(check);
      item.appendChild(el('label', entry.quantity + ' × ' + entry.text + (entry.note ? ' (' + entry.note + ')' : ''), { for: id }));
      const remove = el('button', 'Remove', { type: 'button', 'aria-label': 'Remove item: ' + entry.text });
      remove.addEventListener('click', () => act(remove, async () => {
        await api('DELETE', itemPath(entry.id));
        await openList(shoppingList.id);
        say('Removed "' + entry.text + '".');
      }));
      item.appendChild(remove);
      list.appendChild(item);
    }
  }

  /** /api/lists/ and the given segments, each encoded. */
  function listApi() {
    return '/api/lists/' + Array.from(arguments, (segment) => encodeURIComponent(segment)).join('/');
  }

  function itemPath(itemId) {
    return listApi(state.list, 'items', itemId);
  }

  const STATUS_WORDS = { chosen: 'Your pick', proposed: 'Proposed', 'no-match': 'No match', 'not-searched': 'Not searched yet' };

  async function planList() {
    const plan = await api('POST', listApi(state.list, 'plan'));
    renderPlan(plan);
    const open = plan.items.length;
    const picked = plan.items.filter((i) => i.status === 'chosen').length;
    say('Planned ' + open + ' items: ' + picked + ' with your pick.');
  }

  function renderPlan(plan) {
    const list = $('plan-list-items');
    clear(list);
    const notes = [plan.pickedBy === 'rules' ? 'Picked by your guidance rules.' : 'Picked by the ' + plan.pickedBy + '.'];
    if (!plan.complete) {
      notes.push('Some items could not be searched right now' + (plan.retryAfterSeconds ? ': plan again in ' + plan.retryAfterSeconds + ' s.' : '.'));
    }
    $('plan-summary').textContent = notes.concat(plan.notes || []).join(' ');
    for (const item of plan.items) {
      const card = el('li', null, { class: 'card plan-item status-' + item.status, 'data-plan-item': item.itemId });
      card.appendChild(el('h4', item.quantity + ' × ' + item.text + ': ' + (STATUS_WORDS[item.status] || item.status)));
      card.appendChild(el('p', item.reason, { class: 'reason' }));
      const candidates = el('ul', null, { class: 'candidates' });
      item.candidates.forEach((candidate, index) => {
        const line = el('li');
        const what = [candidate.description, candidate.brand, candidate.size].filter(Boolean).join(', ');
        line.appendChild(el('p', what + (candidate.price ? ' · ' + priceText(candidate.price).replace('Price: ', '') : '')
          + (item.status === 'chosen' ? '' : ' · score ' + candidate.score)));
        const reasons = el('ul');
        for (const reason of candidate.reasons) {
          reasons.appendChild(el('li', reason));
        }
        line.appendChild(reasons);
        if (item.status === 'chosen') {
          const change = el('button', 'Change pick', { type: 'button', 'data-change-item': item.itemId,
            'aria-label': 'Change the pick for ' + item.text });
          change.addEventListener('click', () => act(change, async () => {
            await api('DELETE', listApi(state.list, 'items', item.itemId, 'choice'));
            await planList();
            say('Forgot the pick for "' + item.text + '": choose another.');
          }));
          line.appendChild(change);
        } else {
          const choose = el('button', index === 0 ? 'Choose this (best)' : 'Choose this', { type: 'button',
            'data-choose-item': item.itemId, 'data-product-id': candidate.productId,
            'aria-label': 'Choose ' + candidate.description + ' for ' + item.text });
          choose.addEventListener('click', () => act(choose, async () => {
            const saved = await api('PUT', listApi(state.list, 'items', item.itemId, 'choice'), { productId: candidate.productId });
            await Promise.all([planList(), loadSelections()]);
            say('Chose ' + (saved.description || saved.upc) + ' for "' + item.text + '".');
          }));
          line.appendChild(choose);
        }
        candidates.appendChild(line);
      });
      card.appendChild(candidates);
      list.appendChild(card);
    }
  }

  async function sendList(again) {
    $('send-list-again').hidden = true;
    try {
      const sent = await api('POST', listApi(state.list, 'cart'), { again: again },
        { 'Idempotency-Key': idempotencyKey() });
      const went = sent.sent.map((i) => i.text).join(', ');
      const missing = sent.notSent.map((i) => i.text).join(', ');
      say('Sent to your Kroger cart: ' + went + '.' + (missing ? ' Not sent (no pick yet): ' + missing + '.' : ''));
    } catch (e) {
      if (e instanceof ApiError && e.problem.type === '/problems/list-already-sent') {
        $('send-list-again').hidden = false;
      }
      throw e;
    } finally {
      await Promise.all([loadHistory(), loadShopper()]).catch(() => undefined);
    }
  }

  // ---- products -------------------------------------------------------------------------------

  function priceText(price) {
    if (!price || typeof price.regular !== 'number') {
      return 'Price: choose a store to see prices';
    }
    if (typeof price.promo === 'number' && price.promo > 0 && price.promo < price.regular) {
      return 'Price: ' + money(price.promo) + ' on sale (regular ' + money(price.regular) + ')';
    }
    return 'Price: ' + money(price.regular);
  }

  function stockText(product) {
    const levels = { high: 'In stock', low: 'Low stock', temporarily_out_of_stock: 'Temporarily out of stock' };
    return product.stockLevel ? levels[product.stockLevel] || product.stockLevel : '';
  }

  function renderProducts(products, term) {
    const list = $('product-list');
    clear(list);
    products.forEach((product, index) => {
      state.products.set(product.upc, product.description);
      const item = el('li', null, { class: 'card product' });
      if (product.imageUrl && /^https?:\/\//i.test(product.imageUrl)) {
        item.appendChild(el('img', null, { src: product.imageUrl, alt: '', width: 96, height: 96, loading: 'lazy' }));
      }
      const text = el('div', null, { class: 'product-text' });
      text.appendChild(el('h3', product.description));
      text.appendChild(el('p', [product.brand, product.size].filter(Boolean).join(' · ')));
      text.appendChild(el('p', priceText(product.price), { class: 'price' }));
      const stock = stockText(product);
      if (stock) {
        text.appendChild(el('p', stock));
      }
      text.appendChild(el('p', 'UPC ' + product.upc, { class: 'hint' }));

      const form = el('form', null, { class: 'save', 'aria-label': 'Save ' + product.description });
      const itemId = 'save-item-' + index;
      const quantityId = 'save-quantity-' + index;
      form.appendChild(el('label', 'Shopping-list item', { for: itemId }));
      const itemInput = el('input', null, { id: itemId, name: 'item', maxlength: 200, required: '' });
      itemInput.value = term;
      form.appendChild(itemInput);
      form.appendChild(el('label', 'Quantity', { for: quantityId }));
      const quantity = el('input', null, { id: quantityId, name: 'quantity', type: 'number', min: 1, max: 99, step: 1, required: '' });
      quantity.value = '1';
      form.appendChild(quantity);
      const save = el('button', 'Save selection', { type: 'submit', 'data-upc': product.upc });
      form.appendChild(save);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        act(save, async () => {
          const saved = await api('POST', '/api/selections', {
            item: itemInput.value,
            productId: product.productId,
            upc: product.upc,
            description: product.description || null,
            brand: product.brand || null,
            size: product.size || null,
            quantity: Number(quantity.value)
          });
          await loadSelections();
          say('Saved ' + saved.quantity + ' × ' + (saved.description || saved.upc) + ' for "' + saved.item + '".');
        });
      });
      text.appendChild(form);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  async function search(term) {
    const answer = await api('GET', '/api/products?term=' + encodeURIComponent(term));
    renderProducts(answer.items, term);
    const summary = answer.items.length === 0 ? 'Nothing found for "' + term + '".'
      : 'Showing ' + answer.items.length + ' of ' + answer.total + ' for "' + term + '".';
    $('search-summary').textContent = summary;
    say(summary);
  }

  // ---- selections and cart --------------------------------------------------------------------

  async function loadSelections() {
    const answer = await api('GET', '/api/selections');
    const list = $('selection-list');
    clear(list);
    $('add-to-cart').disabled = answer.items.length === 0;
    if (answer.items.length === 0) {
      list.appendChild(el('li', 'No selections yet: search for a product and save it.', { class: 'empty' }));
    }
    for (const selection of answer.items) {
      if (selection.description) {
        state.products.set(selection.upc, selection.description);
      }
      const item = el('li');
      const id = 'selection-' + selection.id;
      const check = el('input', null, { type: 'checkbox', id: id, 'data-selection-id': selection.id });
      check.checked = true;
      item.appendChild(check);
      const what = [selection.description || selection.upc, selection.brand, selection.size].filter(Boolean).join(', ');
      item.appendChild(el('label', selection.item + ': ' + selection.quantity + ' × ' + what, { for: id }));
      const remove = el('button', 'Remove', { type: 'button', 'aria-label': 'Remove selection: ' + selection.item });
      remove.addEventListener('click', () => act(remove, async () => {
        await api('DELETE', '/api/selections/' + encodeURIComponent(selection.id));
        await loadSelections();
        say('Removed the selection for "' + selection.item + '".');
      }));
      item.appendChild(remove);
      list.appendChild(item);
    }
  }

  async function addToCart() {
    const ids = Array.from(document.querySelectorAll('#selection-list input[data-selection-id]:checked'),
      (box) => box.getAttribute('data-selection-id'));
    if (ids.length === 0) {
      showProblem({ detail: 'Check at least one selection to add to the cart.' });
      return;
    }
    try {
      await api('POST', '/api/cart', { selectionIds: ids }, { 'Idempotency-Key': idempotencyKey() });
      say(ids.length === 1 ? 'Added 1 selection to your Kroger cart.' : 'Added ' + ids.length + ' selections to your Kroger cart.');
    } finally {
      // Every submission is recorded, failed ones too; and the connection may have been renewed or lost.
      await Promise.all([loadHistory(), loadShopper()]).catch(() => undefined);
    }
  }

  async function loadHistory() {
    const answer = await api('GET', '/api/cart/history');
    const list = $('history-list');
    clear(list);
    if (answer.items.length === 0) {
      list.appendChild(el('li', 'Nothing sent to the cart yet.', { class: 'empty' }));
    }
    for (const submission of answer.items) {
      const item = el('li', null, { class: 'submission outcome-' + submission.outcome });
      item.appendChild(el('p', when(submission.submittedAt) + ': ' + submission.outcome));
      const lines = el('ul');
      for (const line of submission.items) {
        const name = state.products.get(line.upc);
        lines.appendChild(el('li', line.quantity + ' × ' + (name ? name + ', ' : '') + 'UPC ' + line.upc + ' (' + line.modality.toLowerCase() + ')'));
      }
      item.appendChild(lines);
      if (submission.detail) {
        item.appendChild(el('p', submission.detail));
      }
      list.appendChild(item);
    }
  }

  // ---- connections: providers, connected accounts, connect, disconnect, delete ---------------

  const providerNames = { kroger: 'Kroger', foodin: 'Foodin' };

  function providerName(name) {
    return providerNames[name] || name;
  }

  /** The configured providers (GET /auth/providers), fetched once. */
  async function loadProviders() {
    const answer = await api('GET', '/auth/providers');
    state.providers = answer.items;
    const krogerConfigured = state.providers.some((p) => p.name === 'kroger');
    $('sign-in').hidden = !krogerConfigured;
    const others = $('other-sign-ins');
    clear(others);
    for (const provider of state.providers.filter((p) => p.name !== 'kroger')) {
      others.appendChild(el('a', 'Sign in with ' + providerName(provider.name), {
        id: 'sign-in-' + provider.name, class: 'button',
        href: '/auth/login?provider=' + encodeURIComponent(provider.name) + '&returnTo=/' }));
    }
  }

  /** Asks the service for the provider's sign-in (bound to this shopper), then goes there. */
  async function connect(provider) {
    const answer = await api('POST', '/auth/connect?provider=' + encodeURIComponent(provider) + '&returnTo=/',
      undefined, { Accept: 'application/json' });
    say('Taking you to ' + providerName(provider) + '…');
    window.location.assign(answer.location);
  }

  function showConnections(shopper) {
    $('connections').hidden = false;
    const list = $('connection-list');
    clear(list);
    const connections = Array.isArray(shopper.connections) ? shopper.connections : [];
    for (const connection of connections) {
      const item = el('li', null, { class: 'connection', 'data-provider': connection.provider });
      item.appendChild(el('span', providerName(connection.provider) + ' (' + connection.profileId + '): '
        + (connection.connected ? 'working' : 'needs you to connect it again')));
      if (!connection.connected) {
        const again = el('button', 'Connect ' + providerName(connection.provider) + ' again', { type: 'button' });
        again.addEventListener('click', () => act(again, () => connect(connection.provider)));
        item.appendChild(again);
      }
      if (connections.length > 1) {
        const remove = el('button', 'Disconnect ' + providerName(connection.provider), { type: 'button', id: 'disconnect-' + connection.provider });
        remove.addEventListener('click', () => act(remove, async () => {
          await api('DELETE', '/api/user/connections/' + encodeURIComponent(connection.provider));
          await loadShopper();
          say('Disconnected ' + providerName(connection.provider) + '.');
        }));
        item.appendChild(remove);
      }
      list.appendChild(item);
    }
    const buttons = $('connect-buttons');
    clear(buttons);
    const connected = new Set(connections.map((c) => c.provider));
    for (const provider of (state.providers || []).filter((p) => !connected.has(p.name))) {
      const button = el('button', 'Connect ' + providerName(provider.name), { type: 'button', id: 'connect-' + provider.name });
      button.addEventListener('click', () => act(button, () => connect(provider.name)));
      buttons.appendChild(button);
    }
  }

  /** A cart add that needs a provider connected first: offer to connect it right there. */
  function showConnectRequired(problem) {
    const needed = problem.status === 409 && problem.type === '/problems/connection-required' && problem.provider;
    $('alert-connect').hidden = !needed;
    if (needed) {
      $('alert-connect-button').textContent = 'Connect ' + providerName(problem.provider);
      $('alert-connect-button').setAttribute('data-provider', problem.provider);
    }
  }

  function wireConnections() {
    $('alert-connect-button').addEventListener('click', () =>
      act($('alert-connect-button'), () => connect($('alert-connect-button').getAttribute('data-provider'))));
    $('delete-account').addEventListener('click', () => {
      if (!window.confirm('Delete your account and everything stored for it? This cannot be undone.')) {
        return;
      }
      act($('delete-account'), async () => {
        await api('DELETE', '/api/user');
        showSignedOut();
        say('Your account and everything stored for it are deleted.');
      });
    });
  }

  // ---- wiring ---------------------------------------------------------------------------------

  function onSubmit(formId, handler) {
    const form = $(formId);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(form.querySelector('button[type=submit]'), () => handler(form));
    });
  }

  async function start() {
    onSubmit('store-form', () => findStores($('zip-code').value.trim()));
    onSubmit('guidance-form', async () => {
      const text = $('guidance-text').value;
      await api('POST', '/api/guidance', { text: text });
      $('guidance-text').value = '';
      await loadGuidance();
      say('Added guidance "' + text.trim() + '".');
    });
    onSubmit('search-form', () => search($('search-term').value.trim()));
    onSubmit('list-form', async () => {
      const name = $('list-name').value;
      const created = await api('POST', '/api/lists', { name: name });
      $('list-name').value = '';
      await loadLists();
      await openList(created.id);
      say('Created the list "' + created.name + '".');
      $('item-text').focus();
    });
    onSubmit('item-form', async () => {
      const text = $('item-text').value;
      await api('POST', listApi(state.list, 'items'), { text: text, quantity: Number($('item-quantity').value) });
      $('item-text').value = '';
      $('item-quantity').value = '1';
      await Promise.all([openList(state.list), loadLists()]);
      say('Added "' + text.trim() + '".');
      $('item-text').focus();
    });
    $('plan-list').addEventListener('click', () => act($('plan-list'), planList));
    $('send-list').addEventListener('click', () => act($('send-list'), () => sendList(false)));
    $('send-list-again').addEventListener('click', () => act($('send-list-again'), () => sendList(true)));
    $('add-to-cart').addEventListener('click', () => act($('add-to-cart'), addToCart));
    $('sign-out').addEventListener('click', () => act($('sign-out'), async () => {
      await api('POST', '/auth/logout');
      showSignedOut();
      say('You are signed out.');
      $('sign-in').focus();
    }));
    $('sign-out-everywhere').addEventListener('click', () => act($('sign-out-everywhere'), async () => {
      await api('POST', '/auth/logout?everywhere=true');
      showSignedOut();
      say('You are signed out on every device.');
      $('sign-in').focus();
    }));

    wireConnections();
    await act(null, async () => {
      await loadProviders();
      if (await loadShopper()) {
        await Promise.all([loadGuidance(), loadSelections(), loadHistory(), loadLists()]);
      }
    });
    document.body.setAttribute('data-ready', 'true');
  }

  document.addEventListener('DOMContentLoaded', start);
}());
