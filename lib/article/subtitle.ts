/** A subtitle is shown only where it says more than the title (pages often repeat the headline as a deck). */
export function addsToTitle(title: string, subtitle: string | null): boolean {
  if (!subtitle) return false;
  const bare = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  const [a, b] = [bare(title), bare(subtitle)];
  return !!b && !a.includes(b) && !b.includes(a);
}
