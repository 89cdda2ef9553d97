// Tiny DOM helpers.
export const $ = (sel) => document.querySelector(sel);
export const show = (el, on = true) => {
  (typeof el === 'string' ? $(el) : el).hidden = !on;
};
