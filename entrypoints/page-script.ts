import { detectScript } from '../lib/convert/script';

/** Tells which script the page is in, so the toggle knows which way to go. */
export default defineUnlistedScript({
  main() {
    return detectScript((document.body?.textContent ?? '').slice(0, 20_000));
  },
});
