// The top bar's Studio link, for creators and admins. It waits until main.js shows the top bar
// (after login and avatar) and then asks the session for the role, so the world page's boot code
// needs no change for it.
import { session } from '../api.js';

const bar = document.getElementById('topbar');
const link = document.getElementById('studio-link');

async function update() {
  if (!bar || !link || bar.hidden) return;
  try {
    const role = (await session()).account.role;
    link.hidden = role !== 'creator' && role !== 'admin';
  } catch {
    link.hidden = true;
  }
}

if (bar && link) {
  new MutationObserver(update).observe(bar, { attributes: true, attributeFilter: ['hidden'] });
  update();
}
