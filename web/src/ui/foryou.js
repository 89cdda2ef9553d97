// The "For you" panel: the shop's personalised shelf (`shelf`), the plaza's places and people
// (`suggestions`) and the classroom's next lesson (`next_lesson`). Clicking a product or lesson
// walks to it and shows it; clicking a place travels there. Text always goes in as textContent.
// People are shown only to users who opted in (the checkbox), and only people who opted in too.
import { people as fetchPeople, peopleOptIn, setPeopleOptIn } from '../api.js';
import { formatPrice } from '../world/scene.js';
import { $, show } from './dom.js';

export function forYouPanel({ onShow, onTravel, world }) {
  let shown = { mode: null, items: [] };

  const close = () => show('#foryou-panel', false);
  $('#foryou-panel .close').onclick = close;

  const open = (title, note) => {
    $('#foryou-title').textContent = title;
    $('#foryou-note').textContent = note || '';
    $('#foryou-list').replaceChildren();
    show('#people-optin-row', false);
    show('#foryou-panel');
  };

  const entry = ({ name, detail, why, onClick, id, kind }) => {
    const li = document.createElement('li');
    if (kind) li.className = kind;
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'foryou-item';
    if (id) b.dataset.id = id;
    const n = document.createElement('span');
    n.className = 'name';
    n.textContent = name;
    b.append(n);
    if (detail) {
      const d = document.createElement('span');
      d.className = 'detail';
      d.textContent = detail;
      b.append(d);
    }
    const w = document.createElement('span');
    w.className = 'why';
    w.textContent = why;
    b.append(w);
    if (onClick) b.onclick = onClick;
    else b.disabled = true;
    li.append(b);
    $('#foryou-list').append(li);
  };

  const personEntry = (p) => {
    const shared = p.shared.length ? `you both like ${p.shared.join(', ')}` : '';
    entry({ kind: 'person', name: p.username, detail: `${Math.round(p.similarity * 100)} % alike`, why: shared });
  };

  const optIn = $('#people-optin');
  optIn.onchange = async () => {
    optIn.disabled = true;
    try {
      await setPeopleOptIn(optIn.checked);
      const found = optIn.checked ? (await fetchPeople()).people || [] : [];
      $('#foryou-list').querySelectorAll('li.person').forEach((li) => li.remove());
      for (const p of found) personEntry(p);
      if (shown.mode === 'suggestions') shown.people = found;
    } catch (e) {
      $('#foryou-note').textContent = e.message;
      optIn.checked = !optIn.checked;
    } finally {
      optIn.disabled = false;
    }
  };
  const showOptIn = (on) => {
    show('#people-optin-row', on);
    if (on) peopleOptIn().then((r) => { optIn.checked = !!r?.optedIn; }, () => show('#people-optin-row', false));
  };

  const waiting = (m) => m.status !== 'ready' && (open('For you', m.message), true);

  return {
    onShelf(m) {
      shown = { mode: 'shelf', items: m.items || [] };
      world.highlightItems(shown.items.map((x) => x.item));
      if (waiting(m)) return;
      open('For you', shown.items.length ? '' : 'Nothing to suggest yet.');
      for (const x of shown.items) {
        entry({ id: x.id, name: x.name, detail: x.price != null ? formatPrice(x.price) : '', why: x.explanation, onClick: () => onShow(x.item) });
      }
    },
    onSuggestions(m) {
      shown = { mode: 'suggestions', items: m.spaces || [], people: m.people || [] };
      world.highlightItems([]);
      if (waiting(m)) return;
      open('Places and people for you');
      for (const x of m.spaces || []) entry({ id: x.id, name: x.name, detail: 'visit', why: x.explanation, onClick: () => onTravel(x.space) });
      for (const p of m.people || []) personEntry(p);
      showOptIn(true);
    },
    onNextLesson(m) {
      shown = { mode: 'lesson', items: m.lesson ? [m.lesson] : [] };
      world.highlightItems(shown.items.map((x) => x.item));
      if (waiting(m)) return;
      open('Your next lesson', m.lesson ? '' : m.message);
      if (m.lesson) entry({ id: m.lesson.id, name: m.lesson.name, detail: `step ${m.lesson.step}`, why: m.lesson.explanation, onClick: () => onShow(m.lesson.item) });
    },
    clear() {
      shown = { mode: null, items: [] };
      world.highlightItems([]);
      close();
    },
    /** What the panel shows, for tests. */
    get shown() {
      return shown;
    },
  };
}
